"""Stored entity keys by an article entity's keys: one query, every kind, one type."""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.engine import Engine

from europenews.store import linkrows
from europenews.store.keyrows import key_rows, read_key_rows
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


def test_keys_read_at_once_answer_as_the_store_while_held(engine: Engine) -> None:
    centre = _entity(engine, "Lindgren Centre", "organization",
                     [("lindgren centre", "name"), ("lindgren", "short")])
    with engine.begin() as conn:
        linkrows.hold_reads(conn)
        read_key_rows(conn, {"organization": {"lindgren", "harwick"}, "place": {"lindgren"}})
        conn.execute(insert(entity_keys).values(entity_id=centre, key="harwick", kind="short"))
        # Held: what was read at once is what the passes see (nothing is written meanwhile).
        assert key_rows(conn, "organization", ["lindgren", "harwick"]) == [
            (centre, "lindgren", "short")]
        assert key_rows(conn, "place", ["lindgren"]) == []
        # A key not read at once is asked of the store.
        assert sorted(key_rows(conn, "organization", ["lindgren centre", "harwick"])) == [
            (centre, "harwick", "short"), (centre, "lindgren centre", "name")]
        linkrows.release_reads(conn)
        assert sorted(key_rows(conn, "organization", ["lindgren", "harwick"])) == [
            (centre, "harwick", "short"), (centre, "lindgren", "short")]


def test_keys_read_at_once_without_held_reads_are_not_kept(engine: Engine) -> None:
    centre = _entity(engine, "Lindgren Centre", "organization", [("lindgren", "short")])
    with engine.begin() as conn:
        read_key_rows(conn, {"organization": {"lindgren"}})
        conn.execute(insert(entity_keys).values(entity_id=centre, key="lindgren centre",
                                                kind="name"))
        assert sorted(key_rows(conn, "organization", ["lindgren", "lindgren centre"])) == [
            (centre, "lindgren", "short"), (centre, "lindgren centre", "name")]
