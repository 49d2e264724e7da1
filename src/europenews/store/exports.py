"""Rows for ``europenews export`` and the API's downloads: articles, quotes, events, places,
stories and entity mentions as dicts (written out by ``europenews.formats``).

Each function streams (server-side batches, or keyset pages for stories), takes a
``Connection`` and optional date/source bounds, and yields plain JSON-ready dicts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Select, and_, or_, select

from europenews.store.schema import (
    analyses,
    article_entities,
    articles,
    entities,
    events,
    mentions,
    places,
    quotes,
    stories,
    story_members,
)
from europenews.store.story_casualties import casualties_of_stories
from europenews.store.views_geo import narrow_events

EXPORT_KINDS = ("articles", "quotes", "events", "places", "stories", "mentions")
STORY_BATCH = 200


def _bounded(stmt: Select[Any], published: Any, since: str | None, until: str | None,
             source: str | None) -> Select[Any]:
    if since:
        stmt = stmt.where(published >= since)
    if until:
        stmt = stmt.where(published < until)
    if source:
        stmt = stmt.where(articles.c.source == source)
    return stmt


def _stream(conn: Connection, stmt: Select[Any]) -> Iterator[Any]:
    yield from conn.execution_options(yield_per=500).execute(stmt)


def export_articles(conn: Connection, since: str | None = None, until: str | None = None,
                    source: str | None = None, with_analysis: bool = True
                    ) -> Iterator[dict[str, Any]]:
    """Articles in publication order; with the contract analysis fields when analysed."""
    stmt = (
        select(articles, analyses.c.payload, story_members.c.story_id,
               story_members.c.duplicate_of)
        .outerjoin(analyses, analyses.c.article_id == articles.c.id)
        .outerjoin(story_members, story_members.c.article_id == articles.c.id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
    )
    for r in _stream(conn, _bounded(stmt, articles.c.published, since, until, source)):
        out: dict[str, Any] = {}
        if with_analysis and r.payload:
            out.update(json.loads(r.payload))
        out.update({
            "id": r.id, "title": r.title, "text": r.text, "url": r.url,
            "published": r.published, "source": r.source, "language": r.language,
            "author": r.author, "status": r.status, "story": r.story_id,
            "duplicate_of": r.duplicate_of,
        })
        yield out


def export_quotes(conn: Connection, since: str | None = None, until: str | None = None,
                  source: str | None = None) -> Iterator[dict[str, Any]]:
    stmt = (
        select(quotes, articles.c.title, articles.c.url, articles.c.source,
               entities.c.name.label("speaker_canonical"))
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(entities, entities.c.id == quotes.c.speaker_entity_id)
        .order_by(quotes.c.published.is_(None), quotes.c.published, quotes.c.id)
    )
    for r in _stream(conn, _bounded(stmt, quotes.c.published, since, until, source)):
        yield {
            "article": r.article_id, "title": r.title, "url": r.url, "source": r.source,
            "published": r.published, "text": r.text, "start": r.start, "end": r.end,
            "kind": r.kind, "speaker": r.speaker_canonical or r.speaker_name,
            "speaker_entity": r.speaker_entity_id, "speaker_mention": r.speaker_mention,
            "cue": r.cue, "shown": r.shown, "confidence": r.confidence,
        }


def export_events(conn: Connection, since: str | None = None, until: str | None = None,
                  source: str | None = None, place: str | None = None,
                  country: str | None = None, story: str | None = None
                  ) -> Iterator[dict[str, Any]]:
    """Events in publication order; ``main`` is false for the other events of an article.
    ``place`` (exact name), ``country`` (ISO code) and ``story`` narrow them further."""
    stmt = (
        select(events, articles.c.title, articles.c.url, articles.c.source)
        .join(articles, articles.c.id == events.c.article_id)
        .order_by(events.c.published.is_(None), events.c.published, events.c.id)
    )
    stmt = narrow_events(stmt, place, country, story)
    for r in _stream(conn, _bounded(stmt, events.c.published, since, until, source)):
        yield {
            "article": r.article_id, "title": r.title, "url": r.url, "source": r.source,
            "published": r.published, "main": r.position == 0, "type": r.type,
            "killed": r.killed, "injured": r.injured, "missing": r.missing,
            "kidnapped": r.kidnapped, "arrested": r.arrested, "weapon": r.weapon,
            "actor": r.actor, "date": r.date, "place": r.place_name, "country": r.country,
            "lat": r.lat, "lon": r.lon, "figures_source": r.source_name, "text": r.text,
        }


def export_places(conn: Connection, since: str | None = None, until: str | None = None,
                  source: str | None = None) -> Iterator[dict[str, Any]]:
    stmt = (
        select(places, articles.c.title, articles.c.url, articles.c.source)
        .join(articles, articles.c.id == places.c.article_id)
        .order_by(places.c.published.is_(None), places.c.published, places.c.id)
    )
    for r in _stream(conn, _bounded(stmt, places.c.published, since, until, source)):
        yield {
            "article": r.article_id, "title": r.title, "url": r.url, "source": r.source,
            "published": r.published, "name": r.name, "country": r.country, "lat": r.lat,
            "lon": r.lon, "geonames_id": r.geonames_id, "feature": r.feature,
            "mentions": r.mention_count,
        }


def _story_page(conn: Connection, after: tuple[str, str] | None, since: str | None,
                until: str | None, source: str | None) -> list[Any]:
    """The next stories in (seen, id) order after ``after`` (keyset paging: no offset scans,
    and no cursor left open while the members are read)."""
    seen = stories.c.seen
    stmt = select(stories).where(stories.c.article_count > 0)
    if since:
        stmt = stmt.where(seen >= since)
    if until:
        stmt = stmt.where(seen < until)
    if source:
        stmt = stmt.where(stories.c.id.in_(
            select(story_members.c.story_id)
            .join(articles, articles.c.id == story_members.c.article_id)
            .where(articles.c.source == source)))
    key = (seen.is_(None), seen, stories.c.id)
    if after is not None:
        last_seen, last_id = after
        if last_seen:
            stmt = stmt.where(or_(seen.is_(None), seen > last_seen,
                                  and_(seen == last_seen, stories.c.id > last_id)))
        else:
            stmt = stmt.where(seen.is_(None), stories.c.id > last_id)
    return list(conn.execute(stmt.order_by(*key).limit(STORY_BATCH)))


def export_stories(conn: Connection, since: str | None = None, until: str | None = None,
                   source: str | None = None) -> Iterator[dict[str, Any]]:
    """Stories oldest first (by ``seen``; bounds apply to it), each with its articles and its
    casualty figures exactly as the story page shows them (``stories.casualties``)."""
    after: tuple[str, str] | None = None
    while True:
        page = _story_page(conn, after, since, until, source)
        if not page:
            return
        ids = [r.id for r in page]
        members: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for m in conn.execute(
            select(story_members.c.story_id, articles.c.id, articles.c.url, articles.c.title,
                   articles.c.published, articles.c.source, story_members.c.duplicate_of)
            .join(articles, articles.c.id == story_members.c.article_id)
            .where(story_members.c.story_id.in_(ids))
            .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
        ):
            members[m.story_id].append({
                "id": m.id, "url": m.url, "title": m.title, "published": m.published,
                "source": m.source, "duplicate_of": m.duplicate_of})
        figures = casualties_of_stories(conn, ids)
        for r in page:
            yield {
                "id": r.id, "headline": r.headline, "first_seen": r.first_seen,
                "last_seen": r.last_seen, "seen": r.seen, "seen_from": r.seen_from,
                "article_count": r.article_count, "source_count": r.source_count,
                "articles": members[r.id],
                "casualties": [c.to_dict() for c in figures.get(r.id, [])],
            }
        after = (page[-1].seen or "", page[-1].id)


def export_mentions(conn: Connection, since: str | None = None, until: str | None = None,
                    source: str | None = None) -> Iterator[dict[str, Any]]:
    """Every entity mention: its article, offsets, text, type and the store-wide entity id
    (the same id as ``/entities/{id}``), in article then text order."""
    stmt = (
        select(mentions.c.article_id, articles.c.url, mentions.c.start, mentions.c.end,
               mentions.c.text, article_entities.c.type, article_entities.c.entity_id,
               entities.c.name)
        .join(articles, articles.c.id == mentions.c.article_id)
        .join(article_entities, and_(article_entities.c.article_id == mentions.c.article_id,
                                     article_entities.c.local_id == mentions.c.local_id))
        .join(entities, entities.c.id == article_entities.c.entity_id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk,
                  mentions.c.start)
    )
    for r in _stream(conn, _bounded(stmt, articles.c.published, since, until, source)):
        yield {"article": r.article_id, "url": r.url, "start": r.start, "end": r.end,
               "text": r.text, "type": r.type, "entity": r.entity_id, "name": r.name}


EXPORTERS = {
    "articles": export_articles,
    "quotes": export_quotes,
    "events": export_events,
    "places": export_places,
    "stories": export_stories,
    "mentions": export_mentions,
}
