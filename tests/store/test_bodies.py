"""International bodies by their names in each language (store/bodies.py) and their links."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.store.bodies import body_initials, body_of, initials
from tests.store.test_crosslang import _one_entity, _store


@pytest.mark.parametrize(("text", "language", "body"), [
    ("Komisji Europejskiej", "pl", "European Commission"),  # declined: found by its lemmas
    ("Европейской комиссии", "ru", "European Commission"),
    ("Evropská komise", "cs", "European Commission"),
    ("Unii Europejskiej", "pl", "European Union"),  # CLDR's territory name of the EU
    ("Європейського Союзу", "uk", "European Union"),
    ("UE", "pl", "European Union"),  # initials of the Polish name
    ("EU", "cs", "European Union"),
    ("ЕС", "ru", "European Union"),
    ("ООН", "ru", "United Nations"),  # initials skip the short preposition-like words
    ("KE", "pl", "European Commission"),
    ("ВОЗ", "ru", "World Health Organization"),
    ("OBWE", "pl", "Organization for Security and Co-operation in Europe"),
])
def test_bodies_names_and_initials_in_their_language(text: str, language: str,
                                                      body: str) -> None:
    assert body_of(text, language) == body


@pytest.mark.parametrize(("text", "language"), [
    ("UE", "cs"),  # the Polish initials are not Czech ones
    ("Ue", "pl"),  # initials count only when written in capitals
    ("Komisja Wyborcza", "pl"),
    ("Ryanair", "pl"),
])
def test_bodies_other_names_are_no_body(text: str, language: str) -> None:
    assert body_of(text, language) is None


def test_bodies_initials_skip_short_lower_case_words() -> None:
    assert initials("Organizacja Bezpieczeństwa i Współpracy w Europie") == "OBWE"
    assert initials("Parlament") == ""
    assert initials("strefa euro") == ""  # not written as a proper name


def test_bodies_initials_two_bodies_share_name_neither() -> None:
    # Russian "Европейский совет" and "Европейский союз" both give ЕС by their initials; the
    # table lists ЕС for the Union, so the initials table itself may not pick either.
    shared = body_initials("ru")
    assert all(len(k) >= 2 for k in shared)
    assert body_of("ЕС", "ru") == "European Union"


def test_bodies_one_body_across_languages_and_scripts(engine: Engine) -> None:
    ids = {
        _store(engine, "pl one", "Komisja Europejska", "organization", "pl"),
        _store(engine, "pl two", "KE", "organization", "pl"),
        _store(engine, "ru one", "Еврокомиссия", "organization", "ru"),
        _store(engine, "cs one", "Evropské komise", "organization", "cs"),
    }
    entity = _one_entity(engine, ids)
    assert {"Komisja Europejska", "KE", "Еврокомиссия"} <= set(entity.aliases)


def test_bodies_reversed_initials_stay_apart(engine: Engine) -> None:
    # "UE" and "EU" are one body only where each language's own name says so: a Czech "UE"
    # is not the European Union.
    union = _store(engine, "cs one", "EU", "organization", "cs")
    other = _store(engine, "cs two", "UE", "organization", "cs")
    assert union != other
