"""Rows for ``europenews export``: articles, quotes, events and places as dicts (written out
by ``europenews.formats``).

Each function streams (server-side batches), takes a ``Connection`` and optional date/source
bounds, and yields plain JSON-ready dicts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Select, select

from europenews.store.schema import (
    analyses,
    articles,
    entities,
    events,
    places,
    quotes,
    story_members,
)

EXPORT_KINDS = ("articles", "quotes", "events", "places")


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
            "cue": r.cue,
        }


def export_events(conn: Connection, since: str | None = None, until: str | None = None,
                  source: str | None = None) -> Iterator[dict[str, Any]]:
    stmt = (
        select(events, articles.c.title, articles.c.url, articles.c.source)
        .join(articles, articles.c.id == events.c.article_id)
        .order_by(events.c.published.is_(None), events.c.published, events.c.id)
    )
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


EXPORTERS = {
    "articles": export_articles,
    "quotes": export_quotes,
    "events": export_events,
    "places": export_places,
}
