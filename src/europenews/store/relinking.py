"""Undoing links: a merge that later evidence contradicts is split.

When a new full name arrives ("Michelle Obama"), the links its surname made to another person
on context alone ("Obama" in an article about her, linked to "Barack Obama") are weighed again
and moved to the new person when the context fits it better. ``move_link`` moves one article
entity (mentions, roles, quotes) and ``rebuild_entity`` recomputes what the two entities show.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, and_, bindparam, delete, func, select, update

from europenews.names import name_key, surname_of
from europenews.store import linkrows
from europenews.store.linking import (
    BY_CONTEXT,
    MIN_CONTEXT,
    NEW,
    add_aliases,
    context_score,
)
from europenews.store.namehold import generic_name
from europenews.store.namekeys import SHORT
from europenews.store.schema import (
    article_entities,
    articles,
    entities,
    entity_aliases,
    entity_links,
    entity_roles,
    mentions,
    quotes,
)


def move_link(conn: Connection, article_id: str, local_id: str, to_entity: int) -> None:
    """Move one article entity (its mentions, roles and the quotes it spoke) to another
    store-wide entity; the old one is deleted when nothing is left of it."""
    old = conn.execute(select(article_entities.c.entity_id).where(
        article_entities.c.article_id == article_id,
        article_entities.c.local_id == local_id)).scalar()
    if old is None or old == to_entity:
        return
    conn.execute(update(article_entities).where(
        article_entities.c.article_id == article_id, article_entities.c.local_id == local_id
    ).values(entity_id=to_entity))
    for table, column in ((entity_roles, entity_roles.c.entity_id),
                          (quotes, quotes.c.speaker_entity_id)):
        conn.execute(update(table).where(table.c.article_id == article_id, column == old)
                     .values({column.name: to_entity}))
    for entity_id in (old, to_entity):
        rebuild_entity(conn, entity_id)


def rebuild_entity(conn: Connection, entity_id: int) -> None:
    """Recompute an entity's aliases, dates and count from the articles still linked to it;
    delete it when none is."""
    linked = select(article_entities.c.article_id, article_entities.c.local_id).where(
        article_entities.c.entity_id == entity_id).subquery()
    n = conn.execute(select(func.count()).select_from(linked)).scalar_one()
    if not n:
        conn.execute(update(quotes).where(quotes.c.speaker_entity_id == entity_id)
                     .values(speaker_entity_id=None))
        conn.execute(delete(entities).where(entities.c.id == entity_id))
        return
    names = conn.execute(
        select(mentions.c.text, article_entities.c.name)
        .join(linked, and_(linked.c.article_id == mentions.c.article_id,
                           linked.c.local_id == mentions.c.local_id))
        .join(article_entities, and_(article_entities.c.article_id == mentions.c.article_id,
                                     article_entities.c.local_id == mentions.c.local_id))
    ).all()
    aliases = {r.name for r in names}
    aliases |= {r.text for r in names if r.text[:1].isupper()
                and set(name_key(r.text).split()) <= set(name_key(r.name).split())}
    conn.execute(delete(entity_aliases).where(entity_aliases.c.entity_id == entity_id))
    add_aliases(conn, entity_id, sorted(aliases))
    dates = conn.execute(
        select(func.min(articles.c.published), func.max(articles.c.published),
               func.count(func.distinct(articles.c.id)))
        .where(articles.c.id.in_(select(linked.c.article_id)))).one()
    conn.execute(update(entities).where(entities.c.id == entity_id).values(
        first_seen=dates[0], last_seen=dates[1], article_count=int(dates[2])))


def _reconsider(conn: Connection, entity_id: int, type_: str, keys: set[str],
                article_id: str) -> None:
    """Links other articles made by one of ``keys`` (a surname alone, a short form) on context,
    or that started an entity of their own: move those whose context fits the entity with the
    full name, ``entity_id``, better than the one they are with."""
    rows = linkrows.linked_elsewhere(conn, keys, (BY_CONTEXT, NEW), article_id, entity_id, type_)
    for other_article, local_id, other_entity in rows:
        context = linkrows.others_in_article(conn, other_article, local_id)
        roles = linkrows.roles_in_article(conn, other_article, other_entity)
        here = context_score(conn, other_entity, context, roles, skip=other_article)
        there = context_score(conn, entity_id, context, roles, skip=other_article)
        if there >= MIN_CONTEXT and there > here:
            move_link(conn, other_article, local_id, entity_id)
            conn.execute(update(entity_links).where(
                entity_links.c.article_id == other_article,
                entity_links.c.local_id == local_id).values(evidence=BY_CONTEXT))


def settle_links(conn: Connection, article_id: str, entity_ids: Sequence[int]) -> None:
    """After an article's rows are saved: recount its entities, then weigh again the links
    that a full name in it may contradict or complete (see :func:`_reconsider`)."""
    refresh_entity_counts(conn, entity_ids)
    links = [link for link in linkrows.article_links(conn, article_id)
             if len(link[0].split()) >= 2]
    # Read at once: moving a link (below) changes no entity's keys.
    shorts = linkrows.keys_of_kinds(conn, {e for _, e, type_ in links if type_ != "person"},
                                    SHORT)
    weighed: list[tuple[int, str, set[str]]] = []
    for key, entity_id, type_ in links:
        if type_ == "person":
            keys = {surname_of(key)}
        else:
            # A generic name ("sheriff's office", the last two words of "Osceola County
            # Sheriff's Office") never links across articles: its links are never weighed again
            # (each was a new entity, and weighing them all cost some 70 statements an article).
            keys = {k for k in shorts[entity_id]
                    if type_ != "organization" or not generic_name(k)}
        if keys:
            weighed.append((entity_id, type_, keys))
    # Which of them any other article's link could answer, in one query: most find none, and
    # asking each on its own was the writer's most frequent statement (issue 19). Moving a
    # link keeps its key and type and leaves its evidence among these, so the answer holds
    # throughout.
    found = linkrows.keys_linked_elsewhere(
        conn, {k for _, _, keys in weighed for k in keys}, (BY_CONTEXT, NEW), article_id)
    for entity_id, type_, keys in weighed:
        if any((k, type_) in found for k in keys):
            # the entity's type is the article entity's: linking joins only the same type
            _reconsider(conn, entity_id, type_, keys, article_id)


def refresh_entity_counts(conn: Connection, entity_ids: Sequence[int]) -> None:
    """Recount ``article_count`` from ``article_entities`` (so re-analysis never double counts).

    One counting query and one batched update per 500 entities, not two statements each (a
    batch of analyses touches hundreds)."""
    wanted = sorted(set(entity_ids))
    for start in range(0, len(wanted), 500):
        part = wanted[start:start + 500]
        counts = dict.fromkeys(part, 0)
        counts.update((int(r.entity_id), int(r.n))
                      for r in conn.execute(_COUNTS, {"ids": part}))
        conn.execute(_SET_COUNT, [{"eid": k, "n": v} for k, v in counts.items()])


# Built once (issue 19: built anew for every article, they cost more than running them).
_COUNTS = (select(article_entities.c.entity_id,
                  func.count(func.distinct(article_entities.c.article_id)).label("n"))
           .where(article_entities.c.entity_id.in_(bindparam("ids", expanding=True)))
           .group_by(article_entities.c.entity_id))
_SET_COUNT = (update(entities).where(entities.c.id == bindparam("eid"))
              .values(article_count=bindparam("n")))
