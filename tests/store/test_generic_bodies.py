"""Organisation names that name a kind of body ("Sheriff's Office") never link across
articles, and an article's new entities are inserted in one statement."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from europenews.model import Entity, Mention
from europenews.names import core_key, name_key
from europenews.store import linkrows
from europenews.store.namehold import generic_name
from europenews.store.schema import entities
from tests.store.linked import store_linked


def _ents(*names: tuple[str, str]) -> list[Entity]:
    return [Entity(f"e{i}", name, type_, (), (Mention(0, len(name), name),))
            for i, (name, type_) in enumerate(names, start=1)]


@pytest.mark.parametrize(("name", "generic"), [
    ("Sheriff's Office", True), ("Sheriff’s Office", True), ("Police Department", True),
    ("EMS", True), ("State Police", True), ("Fire Rescue", True),
    ("Department of Public Safety", True), ("Medical Examiner's Office", True),
    ("Harlow County Sheriff's Office", False), ("Brenton Police Department", False),
    ("U.S. Navy", False), ("Quillbyte", False),
    # Generic words, one body: the US foreign ministry (an "=" line of the word list).
    ("State Department", False), ("the Department of State", False),
])
def test_generic_name(name: str, generic: bool) -> None:
    assert generic_name(core_key(name_key(name))) is generic


def test_generic_bodies_never_link_across_articles(engine: Engine) -> None:
    # The same town beside both: still no evidence that the two offices are one.
    first = store_linked(engine, "one", _ents(("Sheriff's Office", "organization"),
                                              ("Harlow", "place")))
    second = store_linked(engine, "two", _ents(("Sheriff's Office", "organization"),
                                               ("Harlow", "place")))
    assert first["e1"] != second["e1"]
    assert first["e2"] == second["e2"]  # the place still links by name


def test_a_specific_office_takes_no_generic_mention(engine: Engine) -> None:
    generic = store_linked(engine, "one", _ents(("Sheriff's Office", "organization"),
                                                ("Harlow", "place"), ("Dana Reeve", "person")))
    # The full name arrives with the same context: relinking leaves the generic mention be.
    specific = store_linked(engine, "two", _ents(("Harlow County Sheriff's Office",
                                                  "organization"),
                                                 ("Harlow", "place"), ("Dana Reeve", "person")))
    assert specific["e1"] != generic["e1"]
    later = store_linked(engine, "three", _ents(("Sheriff's Office", "organization"),
                                                ("Harlow", "place"), ("Dana Reeve", "person")))
    assert later["e1"] not in {specific["e1"], generic["e1"]}
    again = store_linked(engine, "four", _ents(("Harlow County Sheriff's Office",
                                                "organization"),))
    assert again["e1"] == specific["e1"]  # a specific name links by name as before
    with engine.connect() as conn:
        names = {r.id: r.name for r in conn.execute(select(entities.c.id, entities.c.name))}
    assert names[specific["e1"]] == "Harlow County Sheriff's Office"
    assert names[generic["e1"]] == "Sheriff's Office"


def test_new_entities_are_inserted_in_one_statement(engine: Engine) -> None:
    inserts: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO ENTITIES"):
            inserts.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        ids = store_linked(engine, "one", _ents(("Ilse Varga", "person"),
                                                ("Police Department", "organization"),
                                                ("Tarnow", "place")))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(inserts) == 1
    assert len(set(ids.values())) == 3
    with engine.connect() as conn:
        names = {r.id: r.name for r in conn.execute(select(entities.c.id, entities.c.name))}
    assert [names[ids[k]] for k in ("e1", "e2", "e3")] == [
        "Ilse Varga", "Police Department", "Tarnow"]


def test_insert_entities_returns_ids_in_order(engine: Engine) -> None:
    rows: list[dict[str, object]] = [
        {"name": n, "type": "person", "key": n.lower(), "surname_key": None,
         "first_seen": None, "last_seen": None, "article_count": 0}
        for n in ("Cole Anders", "Mira Holt", "Ben Sato")]
    with engine.begin() as conn:
        ids = linkrows.insert_entities(conn, rows)
        names = [conn.execute(select(entities.c.name).where(entities.c.id == i)).scalar_one()
                 for i in ids]
    assert names == ["Cole Anders", "Mira Holt", "Ben Sato"]
    with engine.connect() as conn:
        assert linkrows.insert_entities(conn, []) == []


def test_first_nickname() -> None:
    from europenews.store.namekeys import first_nickname

    assert first_nickname(name_key("Bill Tarrant"), name_key("William Tarrant"))
    assert first_nickname(name_key("Maurice Tarrant"), name_key("Mo Tarrant"))
    assert not first_nickname(name_key("Bill Tarrant"), name_key("Robert Tarrant"))
    assert not first_nickname(name_key("Bill Tarrant"), name_key("William Harrow"))
    assert not first_nickname(name_key("Tarrant"), name_key("William Tarrant"))
