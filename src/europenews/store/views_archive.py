"""The archive: every story, undated ones included, with a date range, a sort and a country.

Stories are dated by ``stories.seen``: the latest publication date of their articles, else a
date the articles state in their first lines, else when they were fetched
(``stories.summary.story_seen``), so no story falls out of the list for lack of a date.
Plain dicts out, bounded pages (see ``store/views.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, func, or_, select

from europenews.store.rows import newest_first, row_dict
from europenews.store.schema import events, places, stories, story_members

SORTS = ("newest", "largest", "sources")


@dataclass(frozen=True, slots=True)
class ArchiveFilters:
    """Narrowing and order of the archive. ``since``/``until``: ISO dates on the story's seen
    date (``until`` exclusive); ``country``: ISO 3166-1 code of a place its articles name or
    where one of its events happened; ``sort``: one of :data:`SORTS`."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    sort: str = "newest"


def _filtered(stmt: Select[Any], filters: ArchiveFilters) -> Select[Any]:
    stmt = stmt.where(stories.c.article_count > 0)
    if filters.since:
        stmt = stmt.where(stories.c.seen >= filters.since)
    if filters.until:
        stmt = stmt.where(stories.c.seen < filters.until)
    if filters.country:
        code = filters.country.upper()
        named = (select(story_members.c.story_id)
                 .join(places, places.c.article_id == story_members.c.article_id)
                 .where(places.c.country == code))
        happened = (select(story_members.c.story_id)
                    .join(events, events.c.article_id == story_members.c.article_id)
                    .where(events.c.country == code))
        stmt = stmt.where(or_(stories.c.id.in_(named), stories.c.id.in_(happened)))
    return stmt


def archive_stories(conn: Connection, filters: ArchiveFilters, limit: int = 50,
                    offset: int = 0) -> list[dict[str, Any]]:
    """One page of the archive: story summaries with ``seen`` and where it comes from."""
    stmt = _filtered(select(stories.c.id, stories.c.headline, stories.c.first_seen,
                            stories.c.last_seen, stories.c.seen, stories.c.seen_from,
                            stories.c.article_count, stories.c.source_count), filters)
    newest = newest_first(conn, stories.c.seen)
    if filters.sort == "largest":
        order = [stories.c.article_count.desc(), newest]
    elif filters.sort == "sources":
        order = [stories.c.source_count.desc(), stories.c.article_count.desc(), newest]
    else:
        order = [newest]
    stmt = stmt.order_by(*order, stories.c.id).limit(limit).offset(offset)
    return [row_dict(r) for r in conn.execute(stmt)]


def count_archive(conn: Connection, filters: ArchiveFilters) -> int:
    """How many stories the archive holds under these filters."""
    stmt = _filtered(select(func.count()).select_from(stories), filters)
    return int(conn.execute(stmt).scalar_one())


def archive_countries(conn: Connection, limit: int = 80) -> list[dict[str, Any]]:
    """Countries the stories' events happened in or their articles name, by stories."""
    n = func.count(func.distinct(story_members.c.story_id)).label("stories")
    rows = conn.execute(
        select(places.c.country, n)
        .join(story_members, story_members.c.article_id == places.c.article_id)
        .where(places.c.country.is_not(None))
        .group_by(places.c.country)
        .order_by(n.desc(), places.c.country)
        .limit(limit))
    return [row_dict(r) for r in rows]
