"""Entities across articles: one canonical row per real-world person, organisation or place.

Linking rules (people): two names are one person when their name keys
(:func:`europenews.names.name_key`, tolerant of Zelensky / Zelenskyy / Zelenskiy) are equal,
or when their surnames agree and their first names are compatible (equal, or an initial of
the other). A surname alone joins the one known person with that surname; when several people
share it, it is ambiguous and is kept apart rather than merged into the wrong one. Other
types link on equal name keys (or a known alias).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from europenews.model import Analysis, Entity
from europenews.names import name_key
from europenews.store.schema import article_entities, entities, entity_aliases, entity_roles


@dataclass(frozen=True, slots=True)
class CanonicalEntity:
    """A row of the entity table, with what the web site shows about it."""

    id: int
    name: str
    type: str
    article_count: int
    first_seen: str | None
    last_seen: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[tuple[str, str | None], ...] = ()  # (role, published), oldest first


def _first_compatible(a: str, b: str) -> bool:
    """'volodymyr' ~ 'volodymyr', 'v' ~ 'volodymyr'; 'joe' !~ 'hunter'."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) == 1 and long_.startswith(short)


def _find_person(conn: Connection, key: str) -> int | None:
    words = key.split()
    surname = words[-1]
    rows = conn.execute(
        select(entities.c.id, entities.c.key, entities.c.article_count)
        .where(entities.c.type == "person", entities.c.surname_key == surname)
        .order_by(entities.c.article_count.desc(), entities.c.id)
    ).all()
    exact = [r for r in rows if r.key == key]
    if exact:
        return int(exact[0].id)
    full = [r for r in rows if len(r.key.split()) > 1]
    if len(words) == 1:
        # A surname alone: join the one person with that surname; several → ambiguous.
        return int(full[0].id) if len(full) == 1 else None
    compatible = [r for r in full if _first_compatible(r.key.split()[0], words[0])]
    if compatible:
        return int(compatible[0].id)
    if not full:
        # Only a surname-only entity so far: this full name completes it.
        alone = [r for r in rows if len(r.key.split()) == 1]
        if alone:
            return int(alone[0].id)
    return None


def _find_other(conn: Connection, key: str, type_: str) -> int | None:
    row = conn.execute(
        select(entities.c.id).where(entities.c.type == type_, entities.c.key == key)
        .order_by(entities.c.article_count.desc()).limit(1)
    ).first()
    if row is not None:
        return int(row.id)
    row = conn.execute(
        select(entities.c.id)
        .join(entity_aliases, entity_aliases.c.entity_id == entities.c.id)
        .where(entities.c.type == type_, entity_aliases.c.alias_key == key)
        .limit(1)
    ).first()
    return None if row is None else int(row.id)


def find_entity(conn: Connection, name: str, type_: str) -> int | None:
    """The canonical entity a name of this type links to, or None."""
    key = name_key(name)
    if not key:
        return None
    return _find_person(conn, key) if type_ == "person" else _find_other(conn, key, type_)


def _add_alias(conn: Connection, entity_id: int, alias: str) -> None:
    alias = alias.strip()
    if not alias:
        return
    exists = conn.execute(
        select(entity_aliases.c.entity_id).where(
            entity_aliases.c.entity_id == entity_id, entity_aliases.c.alias == alias
        )
    ).first()
    if exists is None:
        conn.execute(
            insert(entity_aliases).values(entity_id=entity_id, alias=alias,
                                          alias_key=name_key(alias))
        )


def _name_like_mentions(e: Entity, key: str) -> list[str]:
    """Mention texts that spell the name (not "he" or "the president"), as aliases."""
    words = set(key.split())
    out = []
    for m in e.mentions:
        mkey = name_key(m.text)
        if mkey and m.text[:1].isupper() and set(mkey.split()) <= words:
            out.append(m.text)
    return out


def _link_one(conn: Connection, e: Entity, published: str | None) -> int | None:
    key = name_key(e.name)
    if not key:
        return None
    entity_id = find_entity(conn, e.name, e.type)
    surname = key.split()[-1] if e.type == "person" else None
    if entity_id is None:
        entity_id = int(
            conn.execute(
                insert(entities).values(
                    name=e.name, type=e.type, key=key, surname_key=surname,
                    first_seen=published, last_seen=published, article_count=0,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )
    else:
        row = conn.execute(select(entities).where(entities.c.id == entity_id)).one()
        values: dict[str, Any] = {}
        # The canonical name is the most complete spelling seen (more words wins).
        if len(key.split()) > len(row.key.split()):
            values.update(name=e.name, key=key)
        if published and (row.first_seen is None or published < row.first_seen):
            values["first_seen"] = published
        if published and (row.last_seen is None or published > row.last_seen):
            values["last_seen"] = published
        if values:
            conn.execute(update(entities).where(entities.c.id == entity_id).values(**values))
    for alias in {e.name, *_name_like_mentions(e, key)}:
        _add_alias(conn, entity_id, alias)
    return entity_id


def link_entities(conn: Connection, analysis: Analysis, article_id: str) -> dict[str, int]:
    """Link each of the article's entities to a canonical entity (creating it if new).

    Returns local id (``e1``) → canonical id. Also records the roles the article gives.
    Call :func:`refresh_entity_counts` after the article's rows are saved.
    """
    published = analysis.article.published
    conn.execute(delete(entity_roles).where(entity_roles.c.article_id == article_id))
    out: dict[str, int] = {}
    for e in analysis.entities:
        entity_id = _link_one(conn, e, published)
        if entity_id is None:
            continue
        out[e.id] = entity_id
        for role in dict.fromkeys(e.roles):
            exists = conn.execute(
                select(entity_roles.c.entity_id).where(
                    entity_roles.c.entity_id == entity_id, entity_roles.c.role == role,
                    entity_roles.c.article_id == article_id,
                )
            ).first()
            if exists is None:
                conn.execute(insert(entity_roles).values(
                    entity_id=entity_id, role=role, article_id=article_id, published=published))
    return out


def refresh_entity_counts(conn: Connection, entity_ids: Sequence[int]) -> None:
    """Recount ``article_count`` from ``article_entities`` (so re-analysis never double counts).

    One counting query and one batched update per 500 entities, not two statements each (a
    batch of analyses touches hundreds)."""
    wanted = sorted(set(entity_ids))
    for start in range(0, len(wanted), 500):
        part = wanted[start:start + 500]
        counts = dict.fromkeys(part, 0)
        counts.update((int(r.entity_id), int(r.n)) for r in conn.execute(
            select(article_entities.c.entity_id,
                   func.count(func.distinct(article_entities.c.article_id)).label("n"))
            .where(article_entities.c.entity_id.in_(part))
            .group_by(article_entities.c.entity_id)))
        conn.execute(
            update(entities).where(entities.c.id == bindparam("eid"))
            .values(article_count=bindparam("n")),
            [{"eid": k, "n": v} for k, v in counts.items()],
        )


def get_entity(conn: Connection, entity_id: int) -> CanonicalEntity | None:
    """One canonical entity with its aliases and its roles over time."""
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
    if row is None:
        return None
    aliases = tuple(conn.execute(
        select(entity_aliases.c.alias).where(entity_aliases.c.entity_id == entity_id)
        .order_by(entity_aliases.c.alias)
    ).scalars())
    roles = tuple(
        (r.role, r.published)
        for r in conn.execute(
            select(entity_roles.c.role, func.min(entity_roles.c.published).label("published"))
            .where(entity_roles.c.entity_id == entity_id)
            .group_by(entity_roles.c.role)
            .order_by(func.min(entity_roles.c.published))
        )
    )
    return CanonicalEntity(row.id, row.name, row.type, row.article_count, row.first_seen,
                           row.last_seen, aliases, roles)


def top_entities(
    conn: Connection, type_: str | None = None, limit: int = 50
) -> list[CanonicalEntity]:
    """The most written-about entities (for an entity index page)."""
    stmt = select(entities).order_by(entities.c.article_count.desc(), entities.c.name)
    if type_ is not None:
        stmt = stmt.where(entities.c.type == type_)
    return [
        CanonicalEntity(r.id, r.name, r.type, r.article_count, r.first_seen, r.last_seen)
        for r in conn.execute(stmt.limit(limit))
    ]


def entity_ids_for_name(conn: Connection, name: str) -> list[int]:
    """Canonical entities a user's name query refers to (by key or alias; surname → all)."""
    key = name_key(name)
    if not key:
        return []
    ids = set(conn.execute(select(entities.c.id).where(entities.c.key == key)).scalars())
    ids |= set(conn.execute(
        select(entity_aliases.c.entity_id).where(entity_aliases.c.alias_key == key)).scalars())
    if len(key.split()) == 1:
        ids |= set(conn.execute(
            select(entities.c.id).where(entities.c.surname_key == key)).scalars())
    return sorted(ids)


def article_ids_for_entity(conn: Connection, entity_id: int, limit: int = 100) -> list[str]:
    rows = conn.execute(
        select(article_entities.c.article_id).where(article_entities.c.entity_id == entity_id)
        .limit(limit)
    )
    return [r.article_id for r in rows]
