"""Stored entity keys by an article entity's keys: one query, every kind, one type."""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.engine import Engine

from europenews.store.keyrows import key_rows
from europenews.store.schema import entities, entity_keys


def _entity(engine: Engine, name: str, type_: str, keys: list[tuple[str, str]]) -> int:
    with engine.begin() as conn:
        eid = int(conn.execute(insert(entities).values(
            name=name, type=type_, key=name.lower(), article_count=1)).inserted_primary_key[0])
        conn.execute(insert(entity_keys), [{"entity_id": eid, "key": k, "kind": kind}
                                           for k, kind in keys])
    return eid


def test_rows_of_every_kind_for_the_type_only(engine: Engine) -> None:
    centre = _entity(engine, "Lindgren Centre", "organization",
                     [("lindgren centre", "name"), ("lindgren", "short")])
    _entity(engine, "Lindgren", "person", [("lindgren", "short")])
    with engine.connect() as conn:
        rows = key_rows(conn, "organization", {"lindgren", "lindgren centre", "", "elsewhere"})
        assert sorted(rows) == [(centre, "lindgren", "short"),
                                (centre, "lindgren centre", "name")]
        assert key_rows(conn, "organization", {""}) == []
        assert key_rows(conn, "place", {"lindgren"}) == []
