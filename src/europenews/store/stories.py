"""Stories: membership as the clusterer assigns it, and the summary columns pages show.

``assign_to_story`` records one assignment. A story's figures (headline, first/last seen,
counts, growth, breaking) are computed by ``stories.summary`` from ``list_story_members``;
``refresh_story`` keeps them, with the key entities and places counted here::

    refresh_story(conn, story_id, summarize_story(list_story_members(conn, story_id)))

``assignments_after`` gives back the assignments in the order they were made (``seq``), so a
restarted clusterer replays them and continues exactly where its predecessor stood;
``claim_for_story`` makes sure an article is assigned once, whoever clusters.
``merge_stories`` moves the members of stories the clusterer merged into the one they joined.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from europenews.store.articles import insert_new_only, utc_now
from europenews.store.schema import (
    STATUS_ANALYSED,
    STATUS_CLUSTERED,
    STATUS_FETCHED,
    article_entities,
    articles,
    entities,
    places,
    sources,
    stories,
    story_members,
)
from europenews.store.sources import outlet_of, source_label_column
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
    seen: str | None = None  # the latest date known (see stories.summary.story_seen)
    seen_from: str | None = None  # published | text | fetched


# The statements each assignment runs, built once with bound parameters: built anew for every
# article, their construction cost more than running them (issue 19).
_CLAIM = (update(articles)
          .where(articles.c.id == bindparam("article"), articles.c.status == STATUS_ANALYSED)
          .values(status=STATUS_CLUSTERED))
_LAST_SEQ = select(func.coalesce(func.max(story_members.c.seq), 0))
_STORY_OF = select(story_members.c.story_id).where(
    story_members.c.article_id == bindparam("article"))
_ADD_MEMBER = insert(story_members)
_MOVE_MEMBER = update(story_members).where(story_members.c.article_id == bindparam("article"))
_CLUSTERED = (update(articles).where(articles.c.id == bindparam("article"))
              .values(status=STATUS_CLUSTERED))


def claim_for_story(conn: Connection, article_id: str) -> bool:
    """Mark an analysed article clustered; False when it is not waiting for a story (another
    process clustered it, or it is not analysed): then it must not be assigned again."""
    return bool(conn.execute(_CLAIM, {"article": article_id}).rowcount)


def ready_for_stories(conn: Connection, limit: int) -> tuple[list[str], bool]:
    """The analysed articles at the head of the queue (articles waiting for their analysis or
    a story, in publication order as ``articles_with_status`` gives it) up to the first one
    still waiting for its analysis, among its first ``limit``; and whether the head ended
    there (True: an unanalysed article or the queue's end follows)."""
    rows = conn.execute(
        select(articles.c.id, articles.c.status)
        .where(articles.c.status.in_([STATUS_FETCHED, STATUS_ANALYSED]))
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
        .limit(limit)).all()
    ready: list[str] = []
    for row in rows:
        if row.status != STATUS_ANALYSED:
            return ready, True
        ready.append(str(row.id))
    return ready, len(rows) < limit


def last_seq(conn: Connection) -> int:
    """The number of the latest assignment (``story_members.seq``; 0 when there is none)."""
    return int(conn.execute(_LAST_SEQ).scalar_one())


def next_seq(conn: Connection) -> int:
    """The number of the next assignment (1, 2, ...)."""
    return last_seq(conn) + 1


def assign_to_story(
    conn: Connection, article_id: str, story_id: str, duplicate_of: str | None = None
) -> tuple[int, str | None]:
    """Record that the article belongs to the story (replacing an earlier assignment);
    returns the assignment's number and the story the article left, if any (whose figures
    the caller refreshes: :func:`refresh_story` deletes it when it has no member left)."""
    conn.execute(insert_new_only(conn, stories).values(
        id=story_id, article_count=0, source_count=0, breaking=False, updated_at=utc_now()))
    previous = conn.execute(_STORY_OF, {"article": article_id}).scalar()
    seq = next_seq(conn)
    values = {"story_id": story_id, "duplicate_of": duplicate_of, "assigned_at": utc_now(),
              "seq": seq}
    if previous is None:
        conn.execute(_ADD_MEMBER, {"article_id": article_id, **values})
    else:
        conn.execute(_MOVE_MEMBER, {"article": article_id, **values})
    conn.execute(_CLUSTERED, {"article": article_id})
    return seq, (previous if previous != story_id else None)


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


# How much of an article's text a summary reads (where an undated article states its date).
HEAD_CHARS = 300


def _members_in_order() -> Any:
    """A story's members in publication order (undated last, then as stored): the story
    is the bound parameter ``story``."""
    return (
        select(articles.c.id, articles.c.title, articles.c.published, articles.c.source,
               articles.c.source_id, story_members.c.duplicate_of, articles.c.fetched_at,
               func.substr(articles.c.text, 1, HEAD_CHARS).label("head"),
               source_label_column())
        .join(story_members, story_members.c.article_id == articles.c.id)
        .outerjoin(sources, sources.c.id == articles.c.source_id)
        .where(story_members.c.story_id == bindparam("story"))
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
    )


_MEMBERS = _members_in_order()


def list_story_members(conn: Connection, story_id: str) -> list[StoryMember]:
    """A story's members in publication order, as ``stories.summary`` reads them."""
    return [StoryMember(r.id, r.title, r.published, outlet_of(r), r.duplicate_of, r.head or "",
                        r.fetched_at)
            for r in conn.execute(_MEMBERS, {"story": story_id})]


# Key entities: the people and organisations most articles name, then the most mentioned
# (a one-article story would otherwise list its names alphabetically); places have their
# own list, and "misc" (demonyms, titles of works) names no actor.
_N_ARTICLES = func.count(func.distinct(article_entities.c.article_id))
_KEY_ENTITIES = (
    select(entities.c.name, _N_ARTICLES.label("n"))
    .join(entities, entities.c.id == article_entities.c.entity_id)
    # The article entity's type (the same as its entity's: linking joins only those):
    # with the entity's, SQLite read every person and organisation of the store through
    # the type index, for each story refreshed (issue 19).
    .where(article_entities.c.article_id.in_(bindparam("ids", expanding=True)),
           article_entities.c.type.in_(("person", "organization")))
    .group_by(entities.c.id, entities.c.name)
    .order_by(_N_ARTICLES.desc(), func.sum(article_entities.c.mention_count).desc(),
              entities.c.name)
    .limit(5))
_PLACES = (select(places.c.name, places.c.article_id)
           .where(places.c.article_id.in_(bindparam("ids", expanding=True))).distinct())
_DELETE_STORY = delete(stories).where(stories.c.id == bindparam("story"))
_REFRESH = update(stories).where(stories.c.id == bindparam("story"))


def refresh_story(conn: Connection, story_id: str, figures: StoryFigures) -> None:
    """Keep the story's figures (from ``stories.summary.summarize_story``, counted from its
    members) and recompute its key entities and places; a story without members is deleted
    (no story without articles exists)."""
    ids = [article_id for article_id, _ in story_article_ids(conn, story_id)]
    if figures.article_count == 0 or not ids:
        conn.execute(_DELETE_STORY, {"story": story_id})
        return
    ent = conn.execute(_KEY_ENTITIES, {"ids": ids}).all()
    place_counts = Counter(r.name for r in conn.execute(_PLACES, {"ids": ids}))
    conn.execute(
        _REFRESH, dict(
            story=story_id,
            headline=figures.headline,
            first_seen=figures.first_seen,
            last_seen=figures.last_seen,
            article_count=figures.article_count,
            source_count=figures.source_count,
            key_entities=json.dumps([r.name for r in ent], ensure_ascii=False),
            key_places=json.dumps([n for n, _ in place_counts.most_common(5)], ensure_ascii=False),
            growth=figures.growth,
            breaking=figures.breaking,
            seen=figures.seen,
            seen_from=figures.seen_from,
            updated_at=utc_now(),
        )
    )


def _summary(row: Any) -> StorySummary:
    return StorySummary(
        row.id, row.headline, row.first_seen, row.last_seen, int(row.article_count),
        int(row.source_count), tuple(json.loads(row.key_entities or "[]")),
        tuple(json.loads(row.key_places or "[]")), row.growth, bool(row.breaking),
        row.seen, row.seen_from,
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


_ARTICLE_IDS = (
    select(story_members.c.article_id, story_members.c.duplicate_of)
    .join(articles, articles.c.id == story_members.c.article_id)
    .where(story_members.c.story_id == bindparam("story"))
    .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk))


def story_article_ids(conn: Connection, story_id: str) -> list[tuple[str, str | None]]:
    """(article id, duplicate_of) of a story's members in publication order."""
    return [(r.article_id, r.duplicate_of)
            for r in conn.execute(_ARTICLE_IDS, {"story": story_id})]


def story_of_article(conn: Connection, article_id: str) -> str | None:
    return conn.execute(
        select(story_members.c.story_id).where(story_members.c.article_id == article_id)
    ).scalar()


@dataclass(frozen=True, slots=True)
class Assigned:
    """One recorded assignment, as a restored clusterer replays it."""

    seq: int
    article_id: str
    story_id: str
    duplicate_of: str | None


def assignments_after(conn: Connection, seq: int, limit: int = 500) -> list[Assigned]:
    """The assignments numbered after ``seq``, in order (at most ``limit``). Assignments from
    before numbering (a store older than ``seq``) come first, in the order of their time."""
    rows = conn.execute(
        select(story_members.c.seq, story_members.c.article_id, story_members.c.story_id,
               story_members.c.duplicate_of)
        .where(story_members.c.seq > seq)
        .order_by(story_members.c.seq)
        .limit(limit)
    )
    return [Assigned(int(r.seq), r.article_id, r.story_id, r.duplicate_of) for r in rows]


def stories_out_of_step(conn: Connection) -> list[str]:
    """Stories whose stored article count differs from their members (none, when every
    assignment refreshed its story), including stories left without members."""
    members = (select(story_members.c.story_id, func.count().label("n"))
               .group_by(story_members.c.story_id).subquery())
    rows = conn.execute(
        select(stories.c.id)
        .outerjoin(members, members.c.story_id == stories.c.id)
        .where(func.coalesce(members.c.n, 0) != stories.c.article_count)
    )
    return [r.id for r in rows]


LINKED_TYPES = ("person", "organization", "place")


def linked_keys_of(conn: Connection, article_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Each article's store-wide entity ids as story keys ("e:12"), people, organisations and
    places: the same whatever language the article is in (stories/across.py)."""
    out: dict[str, list[str]] = {}
    ids = list(dict.fromkeys(article_ids))
    for start in range(0, len(ids), 500):  # bounded IN lists
        rows = conn.execute(
            select(article_entities.c.article_id, article_entities.c.entity_id)
            .where(article_entities.c.article_id.in_(ids[start:start + 500]),
                   article_entities.c.type.in_(LINKED_TYPES))
            .order_by(article_entities.c.article_id, article_entities.c.entity_id)
        )
        for r in rows:
            out.setdefault(r.article_id, []).append(f"e:{r.entity_id}")
    return {a: tuple(keys) for a, keys in out.items()}
