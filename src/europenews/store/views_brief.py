"""The data a story's brief is built from (``briefdata.BriefInput``), read in a few queries.

The brief itself is ``stories.brief.build_brief`` (pure); :func:`story_brief` reads and builds,
for the API, the story page and ``europenews brief``. Casualty figures come through
``store/story_casualties.py`` (the facts trust rules), never recomputed here.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import Connection, func, select

from europenews.briefdata import (
    Brief,
    BriefArticle,
    BriefInput,
    BriefPerson,
    BriefPlace,
    BriefQuote,
)
from europenews.store.schema import (
    article_entities,
    articles,
    entities,
    entity_roles,
    events,
    places,
    quotes,
    sources,
    stories,
    story_members,
)
from europenews.store.sources import outlet_of, source_label_column
from europenews.store.story_casualties import article_figures
from europenews.stories.brief import build_brief
from europenews.stories.casualties import story_casualties

MAX_ARTICLES = 300
# Enough text for an article's opening paragraphs (the lead is read there).
LEAD_CHARS = 2500


def brief_input(conn: Connection, story_id: str) -> BriefInput | None:
    """What the story's brief may say, or None for an unknown story."""
    if conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first() is None:
        return None
    rows = conn.execute(
        select(articles.c.id, articles.c.title, articles.c.url, articles.c.published,
               articles.c.source, articles.c.source_id, articles.c.language,
               func.substr(articles.c.text, 1, LEAD_CHARS).label("head"),
               story_members.c.duplicate_of, source_label_column())
        .join(story_members, story_members.c.article_id == articles.c.id)
        .outerjoin(sources, sources.c.id == articles.c.source_id)
        .where(story_members.c.story_id == story_id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
        .limit(MAX_ARTICLES)).all()
    arts = tuple(BriefArticle(r.id, r.title, r.url, r.published, outlet_of(r), r.language,
                              r.duplicate_of, r.head or "") for r in rows)
    ids = [a.id for a in arts]
    figures = article_figures(conn, [story_id]).get(story_id, [])
    casualties = story_casualties(figures)
    wanted = {(e.article_id, e.start, e.end) for c in casualties for e in c.evidence}
    return BriefInput(
        story_id=story_id, articles=arts, people=_people(conn, ids),
        quotes=_quotes(conn, ids), places=_places(conn, ids),
        casualties=tuple(casualties), figures=tuple(figures),
        sentences=_sentences(conn, wanted), event_places=_event_places(conn, ids),
    )


def _people(conn: Connection, ids: list[str]) -> tuple[BriefPerson, ...]:
    n_articles = func.count(func.distinct(article_entities.c.article_id))
    rows = conn.execute(
        select(entities.c.id, entities.c.name, n_articles.label("articles"),
               func.sum(article_entities.c.mention_count).label("mentions"))
        .join(article_entities, article_entities.c.entity_id == entities.c.id)
        .where(article_entities.c.article_id.in_(ids), entities.c.type == "person")
        .group_by(entities.c.id, entities.c.name)).all()
    roles: dict[int, Counter[str]] = defaultdict(Counter)
    for r in conn.execute(select(entity_roles.c.entity_id, entity_roles.c.role)
                          .where(entity_roles.c.article_id.in_(ids))):
        roles[r.entity_id][r.role] += 1
    return tuple(BriefPerson(int(r.id), r.name, tuple(x for x, _ in roles[r.id].most_common()),
                             int(r.articles), int(r.mentions or 0)) for r in rows)


def _quotes(conn: Connection, ids: list[str]) -> tuple[BriefQuote, ...]:
    rows = conn.execute(
        select(quotes.c.article_id, quotes.c.speaker_entity_id,
               func.coalesce(entities.c.name, quotes.c.speaker_name).label("speaker"),
               quotes.c.text, quotes.c.kind, quotes.c.report)
        .outerjoin(entities, entities.c.id == quotes.c.speaker_entity_id)
        .where(quotes.c.article_id.in_(ids), quotes.c.shown)
        .order_by(quotes.c.published, quotes.c.article_id, quotes.c.position))
    return tuple(BriefQuote(r.article_id, r.speaker_entity_id, r.speaker, r.text, r.kind,
                            r.report) for r in rows)


def _places(conn: Connection, ids: list[str]) -> tuple[BriefPlace, ...]:
    found: dict[str, tuple[str | None, float | None, float | None]] = {}
    arts: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(select(places.c.name, places.c.country, places.c.lat, places.c.lon,
                                 places.c.article_id)
                          .where(places.c.article_id.in_(ids)).order_by(places.c.id)):
        found.setdefault(r.name, (r.country, r.lat, r.lon))
        if r.article_id not in arts[r.name]:
            arts[r.name].append(r.article_id)
    # In the order articles were published, so the timeline names a place where it came first.
    order = {a: i for i, a in enumerate(ids)}
    names = sorted(found, key=lambda n: min(order.get(a, 0) for a in arts[n]))
    return tuple(BriefPlace(n, *found[n], tuple(arts[n])) for n in names)


def _sentences(conn: Connection,
               wanted: set[tuple[str, int, int]]) -> dict[tuple[str, int, int], str]:
    out: dict[tuple[str, int, int], str] = {}
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for article_id, start, end in wanted:
        by_article[article_id].append((start, end))
    for r in conn.execute(select(articles.c.id, articles.c.title, articles.c.text)
                          .where(articles.c.id.in_(list(by_article)))):
        for start, end in by_article[r.id]:
            # An empty span at 0: the figure was read from the title (events/titleonly.py).
            said = (r.title or "") if start == end == 0 else r.text[start:end]
            out[(r.id, start, end)] = " ".join(said.split())
    return out


def _event_places(conn: Connection, ids: list[str]) -> dict[str, str]:
    return {r.article_id: r.place_name for r in conn.execute(
        select(events.c.article_id, events.c.place_name)
        .where(events.c.article_id.in_(ids), events.c.position == 0,
               events.c.place_name.is_not(None)))}


def story_brief(conn: Connection, story_id: str) -> Brief | None:
    """The story's brief, or None for an unknown story."""
    data = brief_input(conn, story_id)
    return None if data is None else build_brief(data)
