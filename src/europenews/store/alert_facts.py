"""What the alert rules read about a story (``alerts.match.StoryFacts``), and the names and
queries of a rule resolved against the store (``alerts.match.Resolved``).

The casualty figures are the articles' main-event figures as ``store/story_casualties.py``
reads them; the matcher reconciles them with the facts trust rules (``stories.casualties``).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, select

from europenews.alerts.match import EventPoint, Resolved, StoryFacts
from europenews.alerts.rules import AlertRule
from europenews.store.entities import entity_ids_for_name
from europenews.store.schema import article_entities, events, places, quotes, stories, story_members
from europenews.store.search import SearchFilters, count_matches
from europenews.store.story_casualties import article_figures


def story_facts(conn: Connection, story_id: str) -> StoryFacts | None:
    """The story's facts, or None for an unknown story."""
    row = conn.execute(select(stories.c.headline, stories.c.source_count, stories.c.breaking,
                              stories.c.first_seen)
                       .where(stories.c.id == story_id)).first()
    if row is None:
        return None
    members = select(story_members.c.article_id).where(story_members.c.story_id == story_id)
    points = tuple(EventPoint(r.article_id, r.place_name, r.country, r.lat, r.lon)
                   for r in conn.execute(
                       select(events.c.article_id, events.c.place_name, events.c.country,
                              events.c.lat, events.c.lon, events.c.published)
                       .where(events.c.article_id.in_(members), events.c.position == 0)
                       .order_by(events.c.published.is_(None), events.c.published,
                                 events.c.id)))
    place_rows = conn.execute(select(places.c.article_id, places.c.name, places.c.country)
                              .where(places.c.article_id.in_(members))).all()
    by_country = Counter(c for c in {(r.article_id, r.country) for r in place_rows if r.country})
    countries = Counter(c for _, c in by_country)
    entity_ids = frozenset(conn.execute(
        select(article_entities.c.entity_id).where(article_entities.c.article_id.in_(members))
        .distinct()).scalars())
    said = tuple((int(r.speaker_entity_id), str(r.text)) for r in conn.execute(
        select(quotes.c.speaker_entity_id, quotes.c.text)
        .where(quotes.c.article_id.in_(members), quotes.c.speaker_entity_id.is_not(None),
               quotes.c.shown)  # alerts fire on shown quotes only
        .order_by(quotes.c.published, quotes.c.id)))
    return StoryFacts(
        story_id=story_id, headline=row.headline, source_count=int(row.source_count or 0),
        breaking=bool(row.breaking), first_seen=row.first_seen,
        figures=tuple(article_figures(conn, [story_id]).get(story_id, [])),
        events=points,
        place_countries=tuple(c for c, _ in countries.most_common()),
        place_names=frozenset(r.name.lower() for r in place_rows),
        entity_ids=entity_ids, quotes=said,
    )


def resolve_rule(conn: Connection, rule: AlertRule, story_id: str) -> Resolved:
    """The rule's names as canonical entity ids (every spelling the store knows), and whether
    its query matches one of the story's articles (only asked when it has a query)."""
    entity_ids = frozenset(entity_ids_for_name(conn, rule.entity)) if rule.entity else frozenset()
    speaker_ids = (frozenset(entity_ids_for_name(conn, rule.quote.speaker)) if rule.quote
                   else frozenset())
    matched = None
    if rule.query is not None:
        found, _ = count_matches(conn, rule.query, SearchFilters(story=story_id), cap=1)
        matched = found > 0
    return Resolved(entity_ids, speaker_ids, matched)
