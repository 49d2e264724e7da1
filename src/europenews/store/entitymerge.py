"""Two stored entities found to be one: the second is folded into the first.

Linking (``store/linking.py``) merges when one article names a thing by two names that two
stored entities go by on their own: "AP" and "Associated Press" side by side, after one article
wrote only "AP" and another only "Associated Press". Linking the article to one of them and
lending it the other's name left two entities with one full name (issue 17).
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, update

from europenews.store.schema import (
    article_entities,
    entities,
    entity_aliases,
    entity_keys,
    entity_roles,
    quotes,
)


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
