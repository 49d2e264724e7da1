"""One stored entity per full name, in any article order (issue 17): a short form and the full
name first seen apart are merged when one article writes both."""

from __future__ import annotations

from itertools import permutations

import pytest
from sqlalchemy.engine import Engine

from europenews.model import Entity, Mention
from europenews.store.entities import entity_ids_for_name, get_entity
from tests.store.linked import store_linked


def _entity(name: str, *extra: str, type_: str = "organization", local: str = "e1") -> Entity:
    mentions = [Mention(0, len(t), t) for t in (name, *extra)]
    return Entity(local, name, type_, (), tuple(mentions))


def _others(n: int) -> list[Entity]:
    """An unrelated place per article, so that no two articles share context."""
    return [_entity(f"Placeville{'x' * n}", type_="place", local="e2")]


ARTICLES = {
    "short": lambda n: [_entity("QNA", local="e1"), *_others(n)],
    "full": lambda n: [_entity("Quarry News Agency"), *_others(n)],
    "both": lambda n: [_entity("Quarry News Agency", "QNA"), *_others(n)],
}


@pytest.mark.parametrize("order", list(permutations(ARTICLES)))
def test_a_short_form_and_the_full_name_are_one_entity_in_any_order(
        engine: Engine, order: tuple[str, ...]) -> None:
    for n, kind in enumerate(order):
        store_linked(engine, f"article {n} {kind}", ARTICLES[kind](n))
    with engine.connect() as conn:
        ids = entity_ids_for_name(conn, "Quarry News Agency")
        assert len(ids) == 1
        entity = get_entity(conn, ids[0])
        assert entity_ids_for_name(conn, "QNA") == ids
    assert entity is not None and entity.name == "Quarry News Agency"
    assert entity.article_count == 3


@pytest.mark.parametrize("order", list(permutations(ARTICLES)))
def test_a_merged_entity_takes_later_articles_by_either_name(
        engine: Engine, order: tuple[str, ...]) -> None:
    for n, kind in enumerate(order):
        store_linked(engine, f"article {n} {kind}", ARTICLES[kind](n))
    later = store_linked(engine, "a later one", ARTICLES["full"](9))["e1"]
    with engine.connect() as conn:
        assert entity_ids_for_name(conn, "Quarry News Agency") == [later]
        entity = get_entity(conn, later)
    assert entity is not None and entity.article_count == 4


def test_one_acronym_of_two_bodies_does_not_merge_them(engine: Engine) -> None:
    first = store_linked(engine, "a", [_entity("Harrow Police Department", "HPD"),
                                       *_others(1)])["e1"]
    second = store_linked(engine, "b", [_entity("Hillcrest Police Department"),
                                        *_others(2)])["e1"]
    # "HPD" beside the second body's name is the second body, not the first one's "HPD".
    third = store_linked(engine, "c", [_entity("Hillcrest Police Department", "HPD"),
                                       *_others(3)])["e1"]
    assert third == second != first
    with engine.connect() as conn:
        kept = get_entity(conn, first)
        other = get_entity(conn, second)
    assert kept is not None and kept.name == "Harrow Police Department"
    assert other is not None and other.name == "Hillcrest Police Department"


def test_the_same_full_name_of_a_person_is_one_person(engine: Engine) -> None:
    person = "person"
    first = store_linked(engine, "a", [_entity("Dorian Lake Fulbrook", type_=person),
                                       *_others(1)])["e1"]
    second = store_linked(engine, "b", [_entity("Dorian Fulbrook", type_=person),
                                        *_others(2)])["e1"]
    third = store_linked(engine, "c", [_entity("Dorian Fulbrook", type_=person),
                                       *_others(3)])["e1"]
    assert first == second == third


def test_a_person_known_by_two_full_names_apart_is_one_once_an_article_writes_both(
        engine: Engine) -> None:
    person = "person"
    short = store_linked(engine, "a", [_entity("Nadia Corvin", type_=person),
                                       *_others(1)])["e1"]
    longer = store_linked(engine, "b", [_entity("Elena Nadia Corvin", type_=person),
                                        *_others(2)])["e1"]
    assert short != longer  # another first name: nothing says they are one yet
    both = store_linked(engine, "c", [_entity("Elena Nadia Corvin", "Nadia Corvin",
                                              type_=person), *_others(3)])["e1"]
    with engine.connect() as conn:
        assert entity_ids_for_name(conn, "Nadia Corvin") == [both]
        entity = get_entity(conn, both)
    assert entity is not None and entity.article_count == 3


def test_a_full_name_two_people_hold_does_not_merge_them_when_middle_names_clash(
        engine: Engine) -> None:
    person = "person"
    father = store_linked(engine, "a", [_entity("Gordon H. W. Barlow", "Gordon Barlow",
                                                type_=person), *_others(1)])["e1"]
    son = store_linked(engine, "b", [_entity("Gordon W. Barlow", "Gordon Barlow",
                                             type_=person), *_others(2)])["e1"]
    assert father != son
    with engine.connect() as conn:
        assert get_entity(conn, father) is not None


def test_a_name_an_acronym_lent_to_another_body_merges_nothing(engine: Engine) -> None:
    harrow = store_linked(engine, "a", [_entity("Harrow Police Department", "HPD"),
                                        *_others(1)])["e1"]
    hillcrest = store_linked(engine, "b", [_entity("Hillcrest Police Department"),
                                           *_others(2)])["e1"]
    for n in range(3, 6):  # "HPD" beside Hillcrest's name, then Hillcrest's name alone
        store_linked(engine, f"c{n}", [_entity("Hillcrest Police Department", "HPD"),
                                       *_others(n)])
        store_linked(engine, f"d{n}", [_entity("Hillcrest Police Department"),
                                       *_others(n + 10)])
    with engine.connect() as conn:
        kept = get_entity(conn, harrow)
        other = get_entity(conn, hillcrest)
    assert kept is not None and kept.name == "Harrow Police Department"
    assert other is not None and other.name == "Hillcrest Police Department"


NICKNAMED = {
    "nicknamed": lambda n: [_entity('Walter "Night Owl" Farrow', "Farrow", type_="person"),
                            *_others(n)],
    "nickname": lambda n: [_entity("Night Owl", type_="person"), *_others(n)],
    "name": lambda n: [_entity("Walter Farrow", type_="person"), *_others(n)],
}


@pytest.mark.parametrize("order", list(permutations(NICKNAMED)))
def test_a_nickname_written_inside_the_name_names_the_person(
        engine: Engine, order: tuple[str, ...]) -> None:
    for n, kind in enumerate(order):
        store_linked(engine, f"article {n} {kind}", NICKNAMED[kind](n))
    with engine.connect() as conn:
        ids = entity_ids_for_name(conn, "Walter Farrow")
        assert len(ids) == 1
        assert entity_ids_for_name(conn, "Night Owl") == ids
        entity = get_entity(conn, ids[0])
    assert entity is not None and entity.article_count == 3


def test_a_nickname_alone_joins_no_other_person_of_that_surname(engine: Engine) -> None:
    first = store_linked(engine, "a", [_entity('Walter "Night Owl" Farrow', type_="person"),
                                       *_others(1)])["e1"]
    other = store_linked(engine, "b", [_entity("The Chin", type_="person"), *_others(2)])["e1"]
    assert first != other


def test_a_full_name_without_its_surname_is_no_nickname(engine: Engine) -> None:
    # "Dana Lee" written in Dana Lee Whitlow's article is a short form, not a nickname: another
    # article's Dana Lee, with nothing in common, is another person.
    first = store_linked(engine, "a", [_entity("Dana Lee Whitlow", "Dana Lee", type_="person"),
                                       *_others(1)])["e1"]
    other = store_linked(engine, "b", [_entity("Dana Lee", type_="person"), *_others(2)])["e1"]
    assert first != other
