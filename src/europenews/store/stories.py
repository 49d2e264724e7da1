"""Stories: membership as the clusterer assigns it, and the summary columns pages show.

``assign_to_story`` records one assignment. A story's figures (headline, first/last seen,
counts, growth, breaking) are computed by ``stories.summary`` from ``list_story_members``;
``refresh_story`` keeps them, with the key entities and places counted here::

    refresh_story(conn, story_id, summarize_story(list_story_members(conn, story_id)))

``merge_stories`` moves the members of stories the clusterer merged into the one they joined.
``story_members_for_restore`` gives back recent stories so a restarted clusterer continues
them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from europenews.store.articles import insert_new_only, utc_now
from europenews.store.schema import (
    STATUS_CLUSTERED,
    article_entities,
    articles,
    entities,
    places,
    stories,
    story_members,
)
from europenews.storydata import StoryFigures, StoryMember


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story as listed on a page."""

    id: str
    headline: str | None
    first_seen: str | None
    last_seen: str | None
    article_count: int
    source_count: int
    key_entities: tuple[str, ...]
    key_places: tuple[str, ...]
    growth: float | None
    breaking: bool


def assign_to_story(
    conn: Connection, article_id: str, story_id: str, duplicate_of: str | None = None
) -> None:
    """Record that the article belongs to the story (replacing an earlier assignment)."""
    conn.execute(insert_new_only(conn, stories).values(
        id=story_id, article_count=0, source_count=0, breaking=False, updated_at=utc_now()))
    exists = conn.execute(
        select(story_members.c.article_id).where(story_members.c.article_id == article_id)
    ).first()
    values = {"story_id": story_id, "duplicate_of": duplicate_of, "assigned_at": utc_now()}
    if exists is None:
        conn.execute(insert(story_members).values(article_id=article_id, **values))
    else:
        conn.execute(
            update(story_members).where(story_members.c.article_id == article_id).values(**values)
        )
    conn.execute(
        update(articles).where(articles.c.id == article_id).values(status=STATUS_CLUSTERED)
    )


def merge_stories(conn: Connection, into_id: str, merged_ids: Sequence[str]) -> None:
    """Move every member of the merged stories into ``into_id`` and drop their rows (the
    clusterer found them to be one story). Refresh ``into_id`` afterwards."""
    ids = [story_id for story_id in merged_ids if story_id != into_id]
    if not ids:
        return
    conn.execute(
        update(story_members).where(story_members.c.story_id.in_(ids)).values(story_id=into_id)
    )
    conn.execute(delete(stories).where(stories.c.id.in_(ids)))


def _outlet(row: Any) -> str | None:
    """Who published a member: its named source, else (a file or a feed that names no
    publisher) its configured source row."""
    if row.source:
        return str(row.source)
    return None if row.source_id is None else f"source #{row.source_id}"


def _members_in_order(story_id: str) -> Any:
    """A story's members in publication order (undated last, then as stored)."""
    return (
        select(articles.c.id, articles.c.title, articles.c.published, articles.c.source,
               articles.c.source_id, story_members.c.duplicate_of)
        .join(story_members, story_members.c.article_id == articles.c.id)
        .where(story_members.c.story_id == story_id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
    )


def list_story_members(conn: Connection, story_id: str) -> list[StoryMember]:
    """A story's members in publication order, as ``stories.summary`` reads them."""
    return [StoryMember(r.id, r.title, r.published, _outlet(r), r.duplicate_of)
            for r in conn.execute(_members_in_order(story_id))]


def refresh_story(conn: Connection, story_id: str, figures: StoryFigures) -> None:
    """Keep the story's figures (from ``stories.summary.summarize_story``) and recompute its
    key entities and places from its members; a story without members is left as it is."""
    if figures.article_count == 0:
        return
    ids = [article_id for article_id, _ in story_article_ids(conn, story_id)]
    if not ids:
        return
    # Key entities: the people and organisations most articles name, then the most mentioned
    # (a one-article story would otherwise list its names alphabetically); places have their
    # own list, and "misc" (demonyms, titles of works) names no actor.
    n_articles = func.count(func.distinct(article_entities.c.article_id))
    ent = conn.execute(
        select(entities.c.name, n_articles.label("n"))
        .join(entities, entities.c.id == article_entities.c.entity_id)
        .where(article_entities.c.article_id.in_(ids),
               entities.c.type.in_(("person", "organization")))
        .group_by(entities.c.id, entities.c.name)
        .order_by(n_articles.desc(), func.sum(article_entities.c.mention_count).desc(),
                  entities.c.name)
        .limit(5)
    ).all()
    place_counts = Counter(
        r.name for r in conn.execute(
            select(places.c.name, places.c.article_id).where(places.c.article_id.in_(ids))
            .distinct()
        )
    )
    conn.execute(
        update(stories).where(stories.c.id == story_id).values(
            headline=figures.headline,
            first_seen=figures.first_seen,
            last_seen=figures.last_seen,
            article_count=figures.article_count,
            source_count=figures.source_count,
            key_entities=json.dumps([r.name for r in ent], ensure_ascii=False),
            key_places=json.dumps([n for n, _ in place_counts.most_common(5)], ensure_ascii=False),
            growth=figures.growth,
            breaking=figures.breaking,
            updated_at=utc_now(),
        )
    )


def _summary(row: Any) -> StorySummary:
    return StorySummary(
        row.id, row.headline, row.first_seen, row.last_seen, int(row.article_count),
        int(row.source_count), tuple(json.loads(row.key_entities or "[]")),
        tuple(json.loads(row.key_places or "[]")), row.growth, bool(row.breaking),
    )


def get_story(conn: Connection, story_id: str) -> StorySummary | None:
    row = conn.execute(select(stories).where(stories.c.id == story_id)).first()
    return None if row is None else _summary(row)


def get_stories(conn: Connection, story_ids: Sequence[str]) -> dict[str, StorySummary]:
    """The stories with these ids, by id (unknown ids are left out)."""
    rows = conn.execute(select(stories).where(stories.c.id.in_(list(story_ids))))
    return {r.id: _summary(r) for r in rows}


def list_stories(
    conn: Connection, limit: int = 50, since: str | None = None, min_articles: int = 1
) -> list[StorySummary]:
    """Stories, most recently active first."""
    stmt = (
        select(stories)
        .where(stories.c.article_count >= min_articles)
        .order_by(stories.c.last_seen.is_(None), stories.c.last_seen.desc(), stories.c.id)
        .limit(limit)
    )
    if since is not None:
        stmt = stmt.where(stories.c.last_seen >= since)
    return [_summary(r) for r in conn.execute(stmt)]


def story_article_ids(conn: Connection, story_id: str) -> list[tuple[str, str | None]]:
    """(article id, duplicate_of) of a story's members in publication order."""
    rows = conn.execute(
        select(story_members.c.article_id, story_members.c.duplicate_of)
        .join(articles, articles.c.id == story_members.c.article_id)
        .where(story_members.c.story_id == story_id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
    )
    return [(r.article_id, r.duplicate_of) for r in rows]


def story_of_article(conn: Connection, article_id: str) -> str | None:
    return conn.execute(
        select(story_members.c.story_id).where(story_members.c.article_id == article_id)
    ).scalar()


def story_members_for_restore(conn: Connection, max_stories: int = 2000) -> dict[str, list[str]]:
    """The most recently active stories → their member article ids (publication order)."""
    recent = list(conn.execute(
        select(stories.c.id)
        .order_by(stories.c.last_seen.is_(None), stories.c.last_seen.desc())
        .limit(max_stories)
    ).scalars())
    return {story_id: [a for a, _ in story_article_ids(conn, story_id)] for story_id in recent}
