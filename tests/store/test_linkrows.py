"""Linking's statements built once: reads held through an article's passes, entity writes kept
until the article's flush, the misspelt-surname lookup by an index range (issue 19)."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, func, insert, select
from sqlalchemy.engine import Engine

from europenews.store import entitywrites, linkrows
from europenews.store.schema import entities, entity_aliases, entity_keys
from europenews.store.soundlink import misspelt_candidates


def _entity(conn: Connection, name: str, type_: str = "person", count: int = 1,
            keys: tuple[tuple[str, str], ...] = ()) -> int:
    eid = int(conn.execute(insert(entities).values(
        name=name, type=type_, key=name.lower(), article_count=count)).inserted_primary_key[0])
    if keys:
        conn.execute(insert(entity_keys), [{"entity_id": eid, "key": k, "kind": kind}
                                           for k, kind in keys])
    return eid


def _stored_keys(conn: Connection, eid: int) -> set[tuple[str, str]]:
    return {(r.key, r.kind) for r in conn.execute(
        select(entity_keys.c.key, entity_keys.c.kind).where(entity_keys.c.entity_id == eid))}


def test_held_reads_stay_until_released_or_written(engine: Engine) -> None:
    with engine.begin() as conn:
        eid = _entity(conn, "Orla Vantreight", count=3)
        linkrows.hold_reads(conn)
        assert linkrows.article_count(conn, eid) == 3
        conn.execute(entities.update().values(article_count=7))
        # Held: nothing is written while an article's passes run, so this is what they see.
        assert linkrows.article_count(conn, eid) == 3
        assert linkrows.article_counts(conn, [eid]) == [(eid, 7)]  # not read before: fresh
        linkrows.release_reads(conn)
        assert linkrows.article_count(conn, eid) == 7
        linkrows.hold_reads(conn)
        assert linkrows.article_total(conn) == 0
        linkrows.insert_roles(conn, [])  # any write through the module lets go
        conn.execute(entities.update().values(article_count=9))
        assert linkrows.article_count(conn, eid) == 9


def test_reads_held_by_a_failed_transaction_are_never_used(engine: Engine) -> None:
    with engine.connect() as conn:
        with conn.begin():
            eid = _entity(conn, "Orla Vantreight", count=3)
        with pytest.raises(RuntimeError), conn.begin():
            linkrows.hold_reads(conn)
            assert linkrows.article_count(conn, eid) == 3
            raise RuntimeError("the batch failed before its passes ended")
        with conn.begin():
            conn.execute(entities.update().values(article_count=5))
            assert linkrows.article_count(conn, eid) == 5


def test_entity_writes_read_as_if_written_and_land_at_flush(engine: Engine) -> None:
    with engine.begin() as conn:
        old = _entity(conn, "Vantreight", keys=(("vantreight", "short"),))
        conn.execute(insert(entity_aliases), [{"entity_id": old, "alias": "Vantreight",
                                               "alias_key": "vantreight"}])
        entitywrites.begin(conn, [old])
        new = linkrows.insert_entity(conn, {"name": "Pell Marrow", "type": "person",
                                            "key": "pell marrow", "article_count": 0})
        entitywrites.add_keys(conn, [{"entity_id": old, "key": "orla vantreight",
                                      "kind": "name"}])
        entitywrites.add_keys(conn, [{"entity_id": new, "key": "marrow", "kind": "short"}])
        entitywrites.add_aliases(conn, [{"entity_id": old, "alias": "Orla Vantreight",
                                         "alias_key": "orla vantreight"}])
        entitywrites.update_entity(conn, old, {"name": "Orla Vantreight"})
        entitywrites.update_entity(conn, old, {"last_seen": "2026-12-01"})
        # What linking reads back is the store as if every write had been issued...
        assert entitywrites.keys_of(conn, old) == {("vantreight", "short"),
                                                   ("orla vantreight", "name")}
        assert entitywrites.keys_of(conn, new) == {("marrow", "short")}
        assert entitywrites.aliases_of(conn, old) == {"Vantreight", "Orla Vantreight"}
        assert entitywrites.entity_row(conn, old).name == "Orla Vantreight"
        assert entitywrites.entity_row(conn, new).name == "Pell Marrow"
        # ... but none of them has been issued yet.
        assert _stored_keys(conn, old) == {("vantreight", "short")}
        assert conn.execute(select(entities.c.name).where(entities.c.id == old)).scalar() \
            == "Vantreight"
        entitywrites.flush(conn)
        assert _stored_keys(conn, old) == {("vantreight", "short"), ("orla vantreight", "name")}
        assert _stored_keys(conn, new) == {("marrow", "short")}
        row = conn.execute(select(entities).where(entities.c.id == old)).one()
        assert (row.name, row.last_seen) == ("Orla Vantreight", "2026-12-01")
        assert conn.execute(select(func.count()).select_from(entity_aliases)).scalar() == 2
        # After the flush, writes go straight to the store again.
        entitywrites.add_keys(conn, [{"entity_id": new, "key": "pell marrow", "kind": "name"}])
        assert ("pell marrow", "name") in _stored_keys(conn, new)


def test_entity_writes_of_a_failed_transaction_are_dropped(engine: Engine) -> None:
    with engine.connect() as conn:
        with conn.begin():
            eid = _entity(conn, "Vantreight")
        with pytest.raises(RuntimeError), conn.begin():
            entitywrites.begin(conn, [eid])
            entitywrites.add_keys(conn, [{"entity_id": eid, "key": "lost", "kind": "short"}])
            raise RuntimeError("the batch failed before its flush")
        with conn.begin():
            entitywrites.add_keys(conn, [{"entity_id": eid, "key": "kept", "kind": "short"}])
            entitywrites.flush(conn)  # nothing kept from the failed one to issue
            assert _stored_keys(conn, eid) == {("kept", "short")}


def test_misspelt_surnames_by_prefix_range_persons_only(engine: Engine) -> None:
    with engine.begin() as conn:
        halme = _entity(conn, "Halme", keys=(("halme", "short"),))
        _entity(conn, "Halm Works", "organization", keys=(("halmx", "short"),))
        _entity(conn, "Hilme", keys=(("hilme", "short"),))  # another first letters
        _entity(conn, "Halmerstone", keys=(("halmerstone", "short"),))  # too long
        assert misspelt_candidates(conn, "halm") == {halme}
        assert misspelt_candidates(conn, "halme") == set()  # the same spelling is no misspelling


def test_keys_of_several_entities_in_one_read(engine: Engine) -> None:
    with engine.begin() as conn:
        one = _entity(conn, "Orla Vantreight", keys=(("orla vantreight", "name"),
                                                    ("vantreight", "short")))
        two = _entity(conn, "Pell Marrow", keys=(("marrow", "short"),))
        assert linkrows.keys_of_kinds(conn, [one, two, 999], "short") == {
            one: ["vantreight"], two: ["marrow"], 999: []}
        linkrows.hold_reads(conn)
        linkrows.read_keys_of_kind(conn, [one, two], "name")
        conn.execute(insert(entity_keys).values(entity_id=two, key="pell marrow", kind="name"))
        assert linkrows.keys_of_kind(conn, two, "name") == []  # held as read at once
        assert linkrows.keys_of_kind(conn, two, "short") == ["marrow"]
        linkrows.release_reads(conn)
        assert linkrows.keys_of_kind(conn, two, "name") == ["pell marrow"]


def test_keys_linked_elsewhere_by_key_and_type(engine: Engine) -> None:
    from sqlalchemy import select as select_

    from europenews.model import Entity, Mention
    from europenews.store.schema import entity_links
    from tests.store.linked import store_linked

    def person(name: str) -> Entity:
        return Entity("e1", name, "person", (), (Mention(0, len(name), name),))

    store_linked(engine, "Vantreight said little.", [person("Vantreight")])
    store_linked(engine, "Orla Vantreight spoke.", [person("Orla Vantreight")])
    with engine.connect() as conn:
        by_key = {r.key: r.article_id for r in conn.execute(
            select_(entity_links.c.key, entity_links.c.article_id))}
        keys = ["vantreight", "orla vantreight", "pell"]
        # Each article's own link is left out; both started an entity of their own ("new").
        assert linkrows.keys_linked_elsewhere(conn, keys, ("context", "new"),
                                              by_key["orla vantreight"]) == {
            ("vantreight", "person")}
        assert linkrows.keys_linked_elsewhere(conn, keys, ("context", "new"),
                                              by_key["vantreight"]) == {
            ("orla vantreight", "person")}
        assert linkrows.keys_linked_elsewhere(conn, keys, ("context",), "elsewhere") == set()


def test_surnames_and_counts_read_at_once_while_held(engine: Engine) -> None:
    with engine.begin() as conn:
        orla = int(conn.execute(insert(entities).values(
            name="Orla Vantreight", type="person", key="orla vantreight",
            surname_key="vantreight", article_count=2)).inserted_primary_key[0])
        conn.execute(insert(entity_keys), [{"entity_id": orla, "key": "orla vantreight",
                                            "kind": "name"},
                                           {"entity_id": orla, "key": "vantreight",
                                            "kind": "short"}])
        linkrows.read_surname_keys(conn, ["vantreight"])  # not held: nothing kept
        linkrows.read_counts(conn, [orla])
        conn.execute(entities.update().values(article_count=4))
        assert linkrows.article_count(conn, orla) == 4
        linkrows.hold_reads(conn)
        linkrows.read_surname_keys(conn, ["vantreight", "marrow"])
        linkrows.read_counts(conn, [orla, 999])
        conn.execute(entities.update().values(article_count=6))
        conn.execute(insert(entity_keys).values(entity_id=orla, key="o vantreight",
                                                kind="name"))
        assert sorted(linkrows.surname_keys(conn, "vantreight")) == [
            (orla, "orla vantreight"), (orla, "vantreight")]
        assert linkrows.surname_keys(conn, "marrow") == []
        assert linkrows.article_count(conn, orla) == 4
        linkrows.release_reads(conn)
        assert len(linkrows.surname_keys(conn, "vantreight")) == 3
        assert linkrows.article_count(conn, orla) == 6
