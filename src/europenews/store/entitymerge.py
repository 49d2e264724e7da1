"""Two stored entities found to be one: which (:func:`same_thing`), and the second folded into
the first (:func:`merge_entity`).

Linking (``store/linking.py``) merges when one article names a thing by two names that two
stored entities go by on their own: "AP" and "Associated Press" side by side, after one article
wrote only "AP" and another only "Associated Press". Linking the article to one of them and
lending it the other's name left two entities with one full name (issue 17).
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, update

from europenews.names import initials_of, middle_names_clash
from europenews.store import linkrows, namekeys
from europenews.store.keyrows import key_rows
from europenews.store.linklocal import Local
from europenews.store.namehold import full_names_hold
from europenews.store.namekeys import NAME
from europenews.store.schema import (
    article_entities,
    entities,
    entity_aliases,
    entity_keys,
    entity_roles,
    quotes,
)


def _full_name_holders(conn: Connection, local: Local) -> set[int]:
    """The stored entities that hold one of the article entity's full names as a name."""
    full = {k for k in local.names if len(k.split()) > 1}
    return {e for e, key, kind in key_rows(conn, local.entity.type, full)
            if kind == NAME and key in full}


def same_thing(conn: Connection, local: Local, chosen: int, strong: set[int]) -> list[int]:
    """The other stored entities the article shows to be the one it links to by name (read
    before the article's keys are written): those that hold one of its full names, or go only
    by its initials or its name written as one word ("AP" alone in one article, "Associated
    Press" alone in another, then both side by side). An organisation or place is merged only
    into one that holds one of those full names or goes only by those short forms itself
    ("Milwaukee Police Department" beside "MPD" may link to the "MPD" of an article on the
    Memphis police: that merges nothing), and only when the full names both go by may all be
    one body's (that link lent the Memphis police the Milwaukee name: the next article with it
    merges nothing either). A person's full names must not clash in middle names
    ("George Bush" may be held by both Bushes)."""
    if local.single or local.generic:
        return []
    full = {k for k in local.names if len(k.split()) > 1}
    short = {initials_of(k) for k in full} | {namekeys.joined_key(k) for k in full}

    def named(entity_id: int) -> tuple[set[str], set[str]]:
        names = set(linkrows.keys_of_kind(conn, entity_id, NAME))
        return names, {k for k in names if len(k.split()) > 1}

    names, mine = named(chosen)
    if not local.is_person and not (mine & full or (names and names <= short)):
        return []
    mine |= full
    out = []
    others = sorted((strong | _full_name_holders(conn, local)) - {chosen})
    linkrows.read_keys_of_kind(conn, others, NAME)  # one query while reads are held
    for other in others:
        names, theirs = named(other)
        if local.is_person:
            same = bool(theirs & full) and not any(
                middle_names_clash(a, b) for a in mine for b in theirs)
        else:  # and no full name of either is another body's (see the docstring)
            same = ((bool(theirs & full) or (bool(names) and names <= short))
                    and full_names_hold(mine | theirs))
        if same:
            out.append(other)
    return out


def merge_entity(conn: Connection, gone: int, into: int) -> None:
    """Fold entity ``gone`` into ``into``: its article entities, quotes, roles, keys and
    aliases go over, its dates widen ``into``'s, and ``gone`` is deleted. Counts are left to
    ``relinking.refresh_entity_counts``."""
    if gone == into:
        return
    for table, column in ((article_entities, article_entities.c.entity_id),
                          (quotes, quotes.c.speaker_entity_id)):
        conn.execute(update(table).where(column == gone).values({column.name: into}))
    # Rows ``into`` already has (one article linked to both, a key both hold) are not copied:
    # each table is unique on them.
    for table, columns in ((entity_roles, ("role", "article_id", "published")),
                           (entity_keys, ("key", "kind")),
                           (entity_aliases, ("alias", "alias_key"))):
        unique = [c for c in columns if c in ("role", "article_id", "key", "kind", "alias")]
        have = {tuple(r) for r in conn.execute(
            select(*(table.c[c] for c in unique)).where(table.c.entity_id == into))}
        rows = [dict(r._mapping) for r in conn.execute(
            select(*(table.c[c] for c in columns)).where(table.c.entity_id == gone))]
        new = [{**r, "entity_id": into} for r in rows
               if tuple(r[c] for c in unique) not in have]
        if new:
            conn.execute(insert(table), new)
        conn.execute(delete(table).where(table.c.entity_id == gone))
    both = select(entities.c.first_seen, entities.c.last_seen).where(
        entities.c.id.in_((gone, into))).subquery()
    first, last = conn.execute(select(func.min(both.c.first_seen),
                                      func.max(both.c.last_seen))).one()
    conn.execute(update(entities).where(entities.c.id == into)
                 .values(first_seen=first, last_seen=last))
    conn.execute(delete(entities).where(entities.c.id == gone))
