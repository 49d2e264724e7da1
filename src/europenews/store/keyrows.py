"""Stored entity keys matching an article entity's keys: one query per article entity.

Linking (``store/linking.py``) asks which stored entities of a type carry any of an article
entity's keys, and of which kind (a name, a short form). It asked in three queries, one per
kind of key, each built anew; in a profile of ``ingest`` those were a third of the linking time
(issue 19). One prepared statement now returns every matching key with its kind, and linking
sorts them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, select

from europenews.store import entitywrites, linkrows
from europenews.store.namekeys import NAME, NICK
from europenews.store.schema import entities, entity_keys

# Built once: SQLAlchemy reuses its compiled form (the key list expands at execution).
# The type is checked per key found (a correlated EXISTS by primary key): joined, SQLite read
# every entity of the type through its index for each lookup, a cost that grew with the store.
_KEY_ROWS = (select(entity_keys.c.entity_id, entity_keys.c.key, entity_keys.c.kind)
             .where(entity_keys.c.key.in_(bindparam("keys", expanding=True)),
                    select(entities.c.id).where(entities.c.id == entity_keys.c.entity_id,
                                                entities.c.type == bindparam("type_"))
                    .exists()))


Row = tuple[int, str, str]


def _query(conn: Connection, type_: str, wanted: list[str]) -> list[Row]:
    rows: list[Row] = []
    for start in range(0, len(wanted), 500):
        rows += [(int(r.entity_id), str(r.key), str(r.kind)) for r in conn.execute(
            _KEY_ROWS, {"type_": type_, "keys": wanted[start:start + 500]})]
    return rows


def key_rows(conn: Connection, type_: str, keys: Iterable[str]) -> list[Row]:
    """(entity id, key, kind) of every stored key in ``keys`` on an entity of ``type_`` (in no
    particular order)."""
    wanted = sorted({k for k in keys if k})
    if not wanted:
        return []
    memo = linkrows.held_memo(conn)
    read: tuple[set[str], dict[str, list[Row]]] | None = (
        None if memo is None else memo.get(("key rows", type_)))
    if read is not None and read[0].issuperset(wanted):
        return [row for k in wanted for row in read[1].get(k, ())]
    return _query(conn, type_, wanted)


def read_key_rows(conn: Connection, keys: dict[str, set[str]]) -> None:
    """While reads are held: the stored keys among ``keys`` (by entity type) in one query per
    type, kept for :func:`key_rows` (linking looked each of an article's names up on its own:
    one query per article entity, issue 19). Without held reads it does nothing."""
    memo = linkrows.held_memo(conn)
    if memo is None:
        return
    for type_, wanted in keys.items():
        found: dict[str, list[Row]] = {}
        for row in _query(conn, type_, sorted({k for k in wanted if k})):
            found.setdefault(row[1], []).append(row)
        memo[("key rows", type_)] = ({k for k in wanted if k}, found)


def nickname_holders(conn: Connection, nicknames: Iterable[str], key: str,
                     found: bool) -> set[int]:
    """The persons a nickname names, in either order of the articles: for a name written with
    nicknames (Carmine "The Jaw" Falcone), those named by one of them alone; for a name no
    person of its surname was ``found`` for, a person written with it as a nickname ("The
    Jaw"), or one first known by a nickname that an article has since written with this name
    (the stored surname is the nickname's: "Carmine Falcone" after "The Jaw")."""
    holders = {e for e, _, kind in key_rows(conn, "person", nicknames) if kind == NAME}
    if not found:
        for e, _, kind in key_rows(conn, "person", [key]):
            if kind == NICK or (kind == NAME and any(
                    k == NICK for _, k in entitywrites.keys_of(conn, e))):
                holders.add(e)
    return holders
