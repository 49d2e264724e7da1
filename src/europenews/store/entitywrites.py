"""What linking writes about the stored entities of one article, read once and written once.

For each of an article's entities, linking read the stored entity's row, keys and aliases and
wrote the new ones: six statements per article entity, about 40 % of all the writer issued
(issue 19). Between :func:`begin` and :func:`flush` those reads come from three queries over
all the article's entities, and the writes are kept, in order, and issued at :func:`flush` as
one statement per table. What a read returns is what the store would say had each write been
issued at once (an entity two of the article's names link to sees the first one's keys), and
outside ``begin``/``flush`` every function reads and writes the store directly.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from europenews.store.schema import entities, entity_aliases, entity_keys

_BUFFER = "europenews.entitywrites"
_ROWS = select(entities).where(entities.c.id.in_(bindparam("ids", expanding=True)))
_KEYS = select(entity_keys.c.entity_id, entity_keys.c.key, entity_keys.c.kind).where(
    entity_keys.c.entity_id.in_(bindparam("ids", expanding=True)))
_ALIASES = select(entity_aliases.c.entity_id, entity_aliases.c.alias).where(
    entity_aliases.c.entity_id.in_(bindparam("ids", expanding=True)))
_ROW = select(entities).where(entities.c.id == bindparam("eid"))
_KEYS_OF = select(entity_keys.c.key, entity_keys.c.kind).where(
    entity_keys.c.entity_id == bindparam("eid"))
_ALIASES_OF = select(entity_aliases.c.alias).where(entity_aliases.c.entity_id == bindparam("eid"))
_INSERT_KEYS = insert(entity_keys)
_INSERT_ALIASES = insert(entity_aliases)


@dataclass(slots=True)
class _Buffer:
    """The article's stored entities as the writes so far leave them, and those writes."""

    transaction: weakref.ref[Any]
    rows: dict[int, dict[str, Any]] = field(default_factory=dict)
    keys: dict[int, set[tuple[str, str]]] = field(default_factory=dict)
    aliases: dict[int, set[str]] = field(default_factory=dict)
    new_keys: list[dict[str, object]] = field(default_factory=list)
    new_aliases: list[dict[str, object]] = field(default_factory=list)
    changed: dict[int, dict[str, Any]] = field(default_factory=dict)


def begin(conn: Connection, entity_ids: Iterable[int]) -> None:
    """Read the rows, keys and aliases of these stored entities at once and keep the writes
    about them until :func:`flush` (call it before anything else reads them)."""
    transaction = conn.get_transaction()
    if transaction is None:
        return
    ids = sorted(set(entity_ids))
    buffer = _Buffer(weakref.ref(transaction))
    for start in range(0, len(ids), 500):
        part = {"ids": ids[start:start + 500]}
        found: Any
        for found in conn.execute(_ROWS, part):
            buffer.rows[int(found.id)] = dict(found._mapping)
            buffer.keys[int(found.id)] = set()
            buffer.aliases[int(found.id)] = set()
        for eid, key, kind in conn.execute(_KEYS, part):
            buffer.keys[int(eid)].add((str(key), str(kind)))
        for eid, alias in conn.execute(_ALIASES, part):
            buffer.aliases[int(eid)].add(str(alias))
    conn.info[_BUFFER] = buffer


def _buffer(conn: Connection) -> _Buffer | None:
    buffer: _Buffer | None = conn.info.get(_BUFFER)
    if buffer is not None and buffer.transaction() is not conn.get_transaction():
        del conn.info[_BUFFER]  # left by a transaction that failed: its writes are gone
        return None
    return buffer


def created(conn: Connection, entity_id: int, values: dict[str, Any]) -> None:
    """An entity row just inserted with ``values``: it has no keys nor aliases yet."""
    buffer = _buffer(conn)
    if buffer is not None:
        buffer.rows[entity_id] = {**values, "id": entity_id}
        buffer.keys[entity_id] = set()
        buffer.aliases[entity_id] = set()


def entity_row(conn: Connection, entity_id: int) -> Any:
    """The entity's row (attribute access: ``row.name``), with the updates so far."""
    buffer = _buffer(conn)
    if buffer is None or entity_id not in buffer.rows:
        return conn.execute(_ROW, {"eid": entity_id}).one()
    return _Row(buffer.rows[entity_id])


class _Row:
    __slots__ = ("_values",)

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None


def update_entity(conn: Connection, entity_id: int, values: dict[str, Any]) -> None:
    buffer = _buffer(conn)
    if buffer is None or entity_id not in buffer.rows:
        conn.execute(update(entities).where(entities.c.id == entity_id).values(**values))
        return
    buffer.rows[entity_id].update(values)
    buffer.changed.setdefault(entity_id, {}).update(values)


def keys_of(conn: Connection, entity_id: int) -> set[tuple[str, str]]:
    """(key, kind) of every key the entity has."""
    buffer = _buffer(conn)
    if buffer is None or entity_id not in buffer.keys:
        return {(str(r.key), str(r.kind)) for r in conn.execute(_KEYS_OF, {"eid": entity_id})}
    return set(buffer.keys[entity_id])


def add_keys(conn: Connection, rows: list[dict[str, object]]) -> None:
    """Insert key rows (``entity_id``, ``key``, ``kind``)."""
    buffer = _buffer(conn)
    if buffer is None or any(r["entity_id"] not in buffer.keys for r in rows):
        if rows:
            conn.execute(_INSERT_KEYS, rows)
        return
    for r in rows:
        buffer.keys[int(str(r["entity_id"]))].add((str(r["key"]), str(r["kind"])))
    buffer.new_keys += rows


def aliases_of(conn: Connection, entity_id: int) -> set[str]:
    buffer = _buffer(conn)
    if buffer is None or entity_id not in buffer.aliases:
        return {str(a) for a in conn.execute(_ALIASES_OF, {"eid": entity_id}).scalars()}
    return set(buffer.aliases[entity_id])


def add_aliases(conn: Connection, rows: list[dict[str, object]]) -> None:
    """Insert alias rows (``entity_id``, ``alias``, ``alias_key``)."""
    buffer = _buffer(conn)
    if buffer is None or any(r["entity_id"] not in buffer.aliases for r in rows):
        if rows:
            conn.execute(_INSERT_ALIASES, rows)
        return
    for r in rows:
        buffer.aliases[int(str(r["entity_id"]))].add(str(r["alias"]))
    buffer.new_aliases += rows


def flush(conn: Connection) -> None:
    """Issue the writes kept since :func:`begin`, in their order, and stop keeping them."""
    buffer = _buffer(conn)
    conn.info.pop(_BUFFER, None)
    if buffer is None:
        return
    if buffer.new_keys:
        conn.execute(_INSERT_KEYS, buffer.new_keys)
    if buffer.new_aliases:
        conn.execute(_INSERT_ALIASES, buffer.new_aliases)
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for entity_id, values in buffer.changed.items():
        columns = tuple(sorted(values))
        by_columns.setdefault(columns, []).append(
            {"eid": entity_id, **{f"v_{c}": values[c] for c in columns}})
    for columns, params in by_columns.items():
        conn.execute(_update_of(columns), params)


@functools.cache
def _update_of(columns: tuple[str, ...]) -> Any:
    """The batched UPDATE of these columns, built once per set of columns (a few exist)."""
    return (update(entities).where(entities.c.id == bindparam("eid"))
            .values({c: bindparam(f"v_{c}") for c in columns}))
