"""The type a gazetteer gives a name in another language (store/crosstypes.py), and linking
by it."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.model import Entity, Mention
from europenews.store.crosstypes import demonym_country, gazetteer_type
from europenews.store.entities import get_entity
from tests.store.linked import store_linked


def _entity(name: str, type_: str) -> Entity:
    return Entity("e1", name, type_, (), (Mention(0, len(name), name),))


@pytest.mark.parametrize(("word", "language", "country"), [
    ("Pakistańczycy", "pl", "Pakistan"),
    ("Irlandczyków", "pl", "Ireland"),
    ("Pákistánci", "cs", "Pakistan"),
    ("пакистанката", "bg", "Pakistan"),
])
def test_crosstypes_demonym_names_its_country(word: str, language: str, country: str) -> None:
    assert demonym_country(word, language) == country


@pytest.mark.parametrize(("word", "language"), [
    ("Franciszek", "pl"),  # a first name that begins as a country's word
    ("Jordanov", "bg"),  # a surname that does
    ("Kowalski", "pl"),
    ("Pakistan", "pl"),  # the country itself is no demonym
])
def test_crosstypes_other_words_are_no_demonyms(word: str, language: str) -> None:
    assert demonym_country(word, language) is None


@pytest.mark.parametrize(("name", "type_", "language", "expected"), [
    ("ЄС", "place", "uk", "organization"),  # the European Union
    ("Unia Europejska", "place", "pl", "organization"),
    ("European Union", "organization", "sl", "organization"),  # not the CLDR "territory"
    ("Германии", "organization", "ru", "place"),
    ("верховный суд Пакистана", "place", "ru", "organization"),
    ("Pákistánu", "person", "cs", "place"),
    ("Pakistańczycy", "person", "pl", "place"),
    ("Jan Kowalski", "person", "pl", "person"),
    ("Lidl", "organization", "pl", "organization"),
    ("EU", "place", "en", "place"),  # English keeps the recogniser's kinds
])
def test_crosstypes_gazetteer_type(name: str, type_: str, language: str, expected: str) -> None:
    assert gazetteer_type(_entity(name, type_), language)[0].type == expected


def test_crosstypes_demonym_links_to_its_country(engine: Engine) -> None:
    country = store_linked(engine, "Nowy rząd w Pakistanie.", [_entity("Pakistan", "place")],
                           language="pl")["e1"]
    people = store_linked(engine, "Pakistańczycy wyszli na ulice.",
                          [_entity("Pakistańczycy", "person")], language="pl")["e1"]
    assert people == country
    with engine.connect() as conn:
        entity = get_entity(conn, country)
    assert entity is not None and entity.type == "place" and entity.name == "Pakistan"


def test_crosstypes_body_typed_as_place_joins_the_organisation(engine: Engine) -> None:
    union = store_linked(engine, "Komisja i Unia Europejska.",
                         [_entity("Unia Europejska", "organization")], language="pl")["e1"]
    place = store_linked(engine, "Рішення ЄС.", [_entity("ЄС", "place")], language="uk")["e1"]
    assert place == union
