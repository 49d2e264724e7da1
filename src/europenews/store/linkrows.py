"""The statements entity linking and relinking run for every article entity, built once.

``store/linking.py`` and ``store/relinking.py`` issue about 200 statements per stored article
(candidates, context, keys, aliases, counts). Built anew, SQLAlchemy spends about 88 µs on
each (constructing the expression, its cache key, the lookup of its compiled form) against
about 19 µs for one built once with bound parameters (issue 19): in a profile of the writer
that construction was a third of its time. These functions are the same queries, built at
import; the rules that use them stay in the two linking modules.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, bindparam, delete, func, insert, select

from europenews.store import entitywrites
from europenews.store.schema import (
    article_entities,
    articles,
    entities,
    entity_aliases,
    entity_keys,
    entity_links,
    entity_roles,
)

_ARTICLE_TOTAL = select(func.count()).select_from(articles)
_ARTICLE_COUNTS = select(entities.c.id, entities.c.article_count).where(
    entities.c.id.in_(bindparam("ids", expanding=True)))
_ARTICLE_COUNT = select(entities.c.article_count).where(entities.c.id == bindparam("eid"))


def _companions_stmt(skip: bool) -> Select[Any]:
    latest = (select(article_entities.c.article_id)
              .where(article_entities.c.entity_id == bindparam("eid"))
              .order_by(article_entities.c.article_id.desc()).limit(bindparam("n")))
    if skip:
        latest = latest.where(article_entities.c.article_id != bindparam("skip"))
    stmt = (select(article_entities.c.entity_id).distinct()
            .where(article_entities.c.article_id.in_(latest.scalar_subquery())))
    # "+ 0" keeps SQLite from reading the article's entities through the entity index: that
    # would read every article of each (every article naming "police"), a cost that grows with
    # the store; the latest CONTEXT_ARTICLES articles bound this one.
    return stmt.where((article_entities.c.entity_id + 0).in_(bindparam("among", expanding=True)))


_COMPANIONS = {skip: _companions_stmt(skip) for skip in (False, True)}
_ROLES = select(entity_roles.c.role).where(entity_roles.c.entity_id == bindparam("eid"))
_ROLES_BUT = _ROLES.where(entity_roles.c.article_id != bindparam("skip"))
_KEYS_OF_KIND = select(entity_keys.c.key).where(entity_keys.c.entity_id == bindparam("eid"),
                                                entity_keys.c.kind == bindparam("kind"))
_KEYS_OF_KINDS = select(entity_keys.c.entity_id, entity_keys.c.key).where(
    entity_keys.c.entity_id.in_(bindparam("ids", expanding=True)),
    entity_keys.c.kind == bindparam("kind"))
_SURNAME_KEYS = select(entity_keys.c.entity_id, entity_keys.c.key).where(
    entity_keys.c.entity_id.in_(
        select(entities.c.id).where(entities.c.type == "person",
                                    entities.c.surname_key == bindparam("surname"))
        .scalar_subquery()))
_SURNAMES_KEYS = (
    select(entities.c.surname_key, entity_keys.c.entity_id, entity_keys.c.key)
    .join(entities, entities.c.id == entity_keys.c.entity_id)
    .where(entities.c.type == "person",
           entities.c.surname_key.in_(bindparam("surnames", expanding=True))))
_ALIAS_HOLDERS = (
    select(entity_aliases.c.entity_id).distinct()
    .join(entities, entities.c.id == entity_aliases.c.entity_id)
    .where(entity_aliases.c.alias_key.in_(bindparam("keys", expanding=True)),
           entities.c.type == bindparam("type_")))
_INSERT_ENTITY = insert(entities)
# Not ``sort_by_parameter_order``: SQLite has no sentinel for it, and SQLAlchemy then sends one
# statement per row. Each returned row says which of ``rows`` it is by its values instead.
_INSERT_ENTITIES = insert(entities).returning(entities.c.id, entities.c.name, entities.c.type,
                                              entities.c.key)
_INSERT_ROLES = insert(entity_roles)
_INSERT_LINKS = insert(entity_links)
_LINKED_ELSEWHERE = (
    select(entity_links.c.article_id, entity_links.c.local_id, article_entities.c.entity_id)
    .join(article_entities, (article_entities.c.article_id == entity_links.c.article_id)
          & (article_entities.c.local_id == entity_links.c.local_id))
    .where(entity_links.c.key.in_(bindparam("keys", expanding=True)),
           entity_links.c.evidence.in_(bindparam("evidence", expanding=True)),
           entity_links.c.article_id != bindparam("article_id"),
           article_entities.c.entity_id != bindparam("eid"),
           article_entities.c.type == bindparam("type_")))
_KEYS_LINKED_ELSEWHERE = (
    select(entity_links.c.key, article_entities.c.type).distinct()
    .join(article_entities, (article_entities.c.article_id == entity_links.c.article_id)
          & (article_entities.c.local_id == entity_links.c.local_id))
    .where(entity_links.c.key.in_(bindparam("keys", expanding=True)),
           entity_links.c.evidence.in_(bindparam("evidence", expanding=True)),
           entity_links.c.article_id != bindparam("article_id")))
_LINKS_BEFORE = (
    select(entity_links.c.local_id, entity_links.c.key, entity_links.c.evidence,
           article_entities.c.entity_id)
    .join(article_entities, (article_entities.c.article_id == entity_links.c.article_id)
          & (article_entities.c.local_id == entity_links.c.local_id))
    .where(entity_links.c.article_id == bindparam("article_id")))
_FORGET = [delete(table).where(table.c.article_id == bindparam("article_id"))
           for table in (entity_roles, entity_links)]
_OTHERS_IN_ARTICLE = select(article_entities.c.entity_id).where(
    article_entities.c.article_id == bindparam("article_id"),
    article_entities.c.local_id != bindparam("local_id"))
_ROLES_IN_ARTICLE = select(entity_roles.c.role).where(
    entity_roles.c.article_id == bindparam("article_id"),
    entity_roles.c.entity_id == bindparam("eid"))
_ARTICLE_LINKS = (
    select(entity_links.c.key, article_entities.c.entity_id, article_entities.c.type)
    .join(article_entities, (article_entities.c.article_id == entity_links.c.article_id)
          & (article_entities.c.local_id == entity_links.c.local_id))
    .where(entity_links.c.article_id == bindparam("article_id")))


# --- reads held while nothing is written ---------------------------------------------------
# Linking an article weighs the same candidates' context again on every pass (each pass may
# link one more of the article's names, which is context for the next), and nothing is written
# between the first pass and the last: what the store says about a candidate cannot change, so
# the context reads are kept from one pass to the next (about a third of the statements).

_HELD = "europenews.linkrows.held"
T = TypeVar("T")


def hold_reads(conn: Connection) -> None:
    """Keep the context reads (counts, companions, roles, keys) until :func:`release_reads`, or
    until anything is written through this module or the transaction ends."""
    transaction = conn.get_transaction()
    if transaction is not None:
        conn.info[_HELD] = (weakref.ref(transaction), {})


def release_reads(conn: Connection) -> None:
    conn.info.pop(_HELD, None)


def held_memo(conn: Connection) -> dict[Hashable, Any] | None:
    """The reads held in this transaction, or None when none are."""
    held: tuple[weakref.ref[Any], dict[Hashable, Any]] | None = conn.info.get(_HELD)
    if held is None:
        return None
    transaction, memo = held
    if transaction() is None or transaction() is not conn.get_transaction():
        release_reads(conn)  # a transaction ended without a release: never reuse its reads
        return None
    return memo


def _held(conn: Connection, key: Hashable, read: Callable[[], T]) -> T:
    memo = held_memo(conn)
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    value: T = memo[key]
    return value


def held(conn: Connection, key: Hashable, read: Callable[[], T]) -> T:
    """``read()``, kept under ``key`` while reads are held (for reads other modules make)."""
    return _held(conn, key, read)


def article_total(conn: Connection) -> int:
    """How many articles the store holds."""
    return _held(conn, ("total",),
                 lambda: int(conn.execute(_ARTICLE_TOTAL).scalar_one()))


def article_counts(conn: Connection, ids: Iterable[int]) -> list[tuple[int, int]]:
    """(entity id, article count) of these entities (those that exist)."""
    wanted = frozenset(ids)
    return _held(conn, ("counts", wanted), lambda: [
        (int(r.id), int(r.article_count))
        for r in conn.execute(_ARTICLE_COUNTS, {"ids": sorted(wanted)})])


def article_count(conn: Connection, entity_id: int) -> int:
    return _held(conn, ("count", entity_id), lambda: int(
        conn.execute(_ARTICLE_COUNT, {"eid": entity_id}).scalar_one()))


def shared_companions(conn: Connection, entity_id: int, latest: int, among: Iterable[int],
                      skip: str | None = None) -> set[int]:
    """Entities mentioned in the entity's ``latest`` articles (but ``skip``) that are among
    ``among``, but the entity itself. The intersection is made in the query: a much-written-
    about entity has thousands of companions, and reading them all was most of the rows the
    writer fetched (issue 19)."""
    wanted = frozenset(among) - {entity_id}
    if not wanted:
        return set()
    params: dict[str, object] = {"eid": entity_id, "n": latest, "among": sorted(wanted)}
    if skip is not None:
        params["skip"] = skip
    return set(_held(conn, ("shared", entity_id, latest, skip, wanted), lambda: [
        int(e) for e in conn.execute(_COMPANIONS[skip is not None], params).scalars()]))


def roles_of(conn: Connection, entity_id: int, skip: str | None = None) -> list[str]:
    """The roles stored for the entity (but those ``skip`` gives)."""
    if skip is None:
        return _held(conn, ("roles", entity_id), lambda: [
            str(r) for r in conn.execute(_ROLES, {"eid": entity_id}).scalars()])
    return _held(conn, ("roles", entity_id, skip), lambda: [
        str(r) for r in conn.execute(_ROLES_BUT, {"eid": entity_id, "skip": skip}).scalars()])


def keys_of_kind(conn: Connection, entity_id: int, kind: str) -> list[str]:
    """The entity's keys of this kind (in no particular order)."""
    return _held(conn, ("keys", entity_id, kind), lambda: [
        str(k) for k in conn.execute(_KEYS_OF_KIND, {"eid": entity_id, "kind": kind}).scalars()])


def keys_of_kinds(conn: Connection, entity_ids: Iterable[int], kind: str) -> dict[int, list[str]]:
    """:func:`keys_of_kind` of several entities in one query (per 500): by entity id, every
    one of them (an empty list for one without such keys)."""
    wanted = sorted(set(entity_ids))
    found: dict[int, list[str]] = {e: [] for e in wanted}
    for start in range(0, len(wanted), 500):
        for eid, key in conn.execute(_KEYS_OF_KINDS, {"ids": wanted[start:start + 500],
                                                      "kind": kind}):
            found[int(eid)].append(str(key))
    return found


def read_keys_of_kind(conn: Connection, entity_ids: Iterable[int], kind: str) -> None:
    """While reads are held: the keys of this kind of all these entities in one query, kept for
    :func:`keys_of_kind` (a name's candidates were weighed one query each: a third of the
    statements the writer issued, issue 19). Without held reads it does nothing."""
    memo = held_memo(conn)
    if memo is None:
        return
    found = keys_of_kinds(conn, (e for e in entity_ids if ("keys", e, kind) not in memo), kind)
    memo.update((("keys", e, kind), keys) for e, keys in found.items())


def surname_keys(conn: Connection, surname: str) -> list[tuple[int, str]]:
    """(entity id, key) of every key of the persons with this surname key (in no particular
    order)."""
    return _held(conn, ("surname", surname), lambda: [
        (int(r.entity_id), str(r.key)) for r in conn.execute(_SURNAME_KEYS, {"surname": surname})])


def read_surname_keys(conn: Connection, surnames: Iterable[str]) -> None:
    """While reads are held: :func:`surname_keys` of all these surnames in one query (an
    article's persons were looked up one query each)."""
    memo = held_memo(conn)
    if memo is None:
        return
    wanted = sorted({s for s in surnames if ("surname", s) not in memo})
    for start in range(0, len(wanted), 500):
        part = wanted[start:start + 500]
        found: dict[str, list[tuple[int, str]]] = {s: [] for s in part}
        for r in conn.execute(_SURNAMES_KEYS, {"surnames": part}):
            found[str(r.surname_key)].append((int(r.entity_id), str(r.key)))
        memo.update((("surname", s), rows) for s, rows in found.items())


def read_counts(conn: Connection, entity_ids: Iterable[int]) -> None:
    """While reads are held: :func:`article_count` of these entities in one query (linking
    weighed each candidate's count with one)."""
    memo = held_memo(conn)
    if memo is None:
        return
    wanted = sorted({e for e in entity_ids if ("count", e) not in memo})
    for start in range(0, len(wanted), 500):
        memo.update((("count", int(r.id)), int(r.article_count)) for r in conn.execute(
            _ARTICLE_COUNTS, {"ids": wanted[start:start + 500]}))


def alias_holders(conn: Connection, type_: str, keys: Iterable[str]) -> set[int]:
    """The entities of ``type_`` an article has written by one of these name keys."""
    wanted = sorted(set(keys))
    if not wanted:
        return set()
    return {int(e) for e in conn.execute(_ALIAS_HOLDERS, {"keys": wanted, "type_": type_})
            .scalars()}


def insert_entity(conn: Connection, values: dict[str, object]) -> int:
    """A new entity row; its id."""
    release_reads(conn)
    entity_id = int(conn.execute(_INSERT_ENTITY, values).inserted_primary_key[0])  # type: ignore[index]
    entitywrites.created(conn, entity_id, values)
    return entity_id


def insert_entities(conn: Connection, rows: list[dict[str, object]]) -> list[int]:
    """New entity rows in one statement; their ids, in the order of ``rows`` (an article's new
    entities were one INSERT each)."""
    if not rows:
        return []
    release_reads(conn)
    # Two rows with the same name, type and key are the same in every column, so either id
    # may go to either.
    by_values: dict[tuple[object, ...], list[int]] = {}
    for r in conn.execute(_INSERT_ENTITIES, rows):
        by_values.setdefault((r.name, r.type, r.key), []).append(int(r.id))
    ids = [by_values[(v["name"], v["type"], v["key"])].pop() for v in rows]
    for entity_id, values in zip(ids, rows, strict=True):
        entitywrites.created(conn, entity_id, values)
    return ids


def insert_roles(conn: Connection, rows: list[dict[str, object]]) -> None:
    release_reads(conn)
    if rows:
        conn.execute(_INSERT_ROLES, rows)


def insert_links(conn: Connection, rows: list[dict[str, object]]) -> None:
    release_reads(conn)
    if rows:
        conn.execute(_INSERT_LINKS, rows)


def linked_elsewhere(conn: Connection, keys: Iterable[str], evidence: Iterable[str],
                     article_id: str, entity_id: int,
                     type_: str | None) -> list[tuple[str, str, int]]:
    """(article id, local id, entity id) of the links other articles made by one of ``keys``
    with one of ``evidence``, to an entity of ``type_`` other than ``entity_id``."""
    return [(str(r.article_id), str(r.local_id), int(r.entity_id)) for r in conn.execute(
        _LINKED_ELSEWHERE, {"keys": sorted(keys), "evidence": list(evidence),
                            "article_id": article_id, "eid": entity_id, "type_": type_})]


def keys_linked_elsewhere(conn: Connection, keys: Iterable[str], evidence: Iterable[str],
                          article_id: str) -> set[tuple[str, str | None]]:
    """(key, type) of the links other articles made by one of ``keys`` with one of
    ``evidence``: which :func:`linked_elsewhere` queries can find anything, in one query."""
    wanted = sorted(set(keys))
    found: set[tuple[str, str | None]] = set()
    for start in range(0, len(wanted), 500):
        found.update((str(r.key), r.type) for r in conn.execute(_KEYS_LINKED_ELSEWHERE, {
            "keys": wanted[start:start + 500], "evidence": list(evidence),
            "article_id": article_id}))
    return found


def forget_links(conn: Connection, article_id: str) -> dict[tuple[Any, Any], tuple[int, Any]]:
    """Delete the article's links and roles (before it is linked again); what they were:
    (local id, key) -> (entity id, evidence)."""
    release_reads(conn)
    before = {(r.local_id, r.key): (int(r.entity_id), r.evidence)
              for r in conn.execute(_LINKS_BEFORE, {"article_id": article_id})}
    for stmt in _FORGET:
        conn.execute(stmt, {"article_id": article_id})
    return before


def others_in_article(conn: Connection, article_id: str, local_id: str) -> set[int]:
    """The store-wide entities of the article's other entities."""
    return {int(e) for e in conn.execute(
        _OTHERS_IN_ARTICLE, {"article_id": article_id, "local_id": local_id}).scalars()}


def roles_in_article(conn: Connection, article_id: str, entity_id: int) -> list[str]:
    return [str(r) for r in conn.execute(
        _ROLES_IN_ARTICLE, {"article_id": article_id, "eid": entity_id}).scalars()]


def article_links(conn: Connection, article_id: str) -> list[tuple[str, int, str]]:
    """(key, entity id, type) of every link the article made."""
    return [(str(r.key), int(r.entity_id), str(r.type))
            for r in conn.execute(_ARTICLE_LINKS, {"article_id": article_id})]
