"""National institutions across languages (store/institutions.py), country acronyms from CLDR
initials (store/territories.py) and the article's country for a kind named bare."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.model import Entity, Mention
from europenews.store.crosslang import article_country, latin_form
from europenews.store.institutions import (
    country_of_adjective,
    institution_of,
    institution_shorts,
    kind_and_country,
)
from europenews.store.territories import territory_of, territory_of_initials
from tests.store.linked import store_linked
from tests.store.test_crosslang import _one_entity


@pytest.mark.parametrize(("text", "language", "found"), [
    ("Sąd Najwyższy Ukrainy", "pl", ("Supreme Court", "Ukraine")),  # country in the genitive
    ("Верховного суда Франции", "ru", ("Supreme Court", "France")),  # both declined
    ("Върховният съд на Франция", "bg", ("Supreme Court", "France")),  # article, preposition
    ("francuski Sąd Najwyższy", "pl", ("Supreme Court", "France")),  # adjective before
    ("Pakistansko vrhovno sodišče", "sl", ("Supreme Court", "Pakistan")),
    ("британского правительства", "ru", ("Government", "United Kingdom")),
    ("МИД Италии", "ru", ("Ministry of Foreign Affairs", "Italy")),  # the kind's acronym
    ("Ministerstwo Zdrowia", "pl", ("Ministry of Health", None)),  # no country named
    ("vlade", "sl", ("Government", None)),
])
def test_institutions_kind_and_country(text: str, language: str,
                                       found: tuple[str, str | None]) -> None:
    assert kind_and_country(text, language) == found


@pytest.mark.parametrize(("text", "language"), [
    ("Высший суд Лахора", "ru"),  # a town's court is no country's institution of the table
    ("Sąd Okręgowy w Krakowie", "pl"),  # not a kind of the table
    ("Ryanair", "pl"),
])
def test_institutions_other_names_are_none(text: str, language: str) -> None:
    assert kind_and_country(text, language) is None


def test_institutions_one_name_in_every_language() -> None:
    forms = {latin_form(t, lang) for t, lang in [
        ("Sąd Najwyższy Ukrainy", "pl"), ("Верховного суда Украины", "ru"),
        ("Nejvyššího soudu Ukrajiny", "cs"), ("ukrajinsko vrhovno sodišče", "sl")]}
    assert forms == {"Supreme Court of Ukraine"}
    # A kind named bare is the article's country's when linking gives one, else keeps its name.
    assert institution_of("Верховный суд", "ru", "Ukraine") == "Supreme Court of Ukraine"
    assert latin_form("Верховный суд", "ru") != "Supreme Court of Ukraine"


def test_institutions_adjectives_need_one_country() -> None:
    assert country_of_adjective("ukraińskiego", "pl") == "Ukraine"
    assert country_of_adjective("немецкого", "ru") is None  # no country's name begins so
    assert country_of_adjective("wielki", "pl") is None


def test_institutions_kind_is_a_marked_short_key() -> None:
    court = Entity("e1", "Sąd Najwyższy", "organization", (), ())
    assert institution_shorts(court, "pl") == {"#supreme court"}
    assert institution_shorts(court, None) == frozenset()
    place = Entity("e2", "Sąd Najwyższy", "place", (), ())
    assert institution_shorts(place, "pl") == frozenset()


@pytest.mark.parametrize(("text", "language", "country"), [
    ("ZDA", "sl", "United States"),  # Združene države Amerike
    ("SAD", "hr", "United States"),  # Sjedinjene Američke Države
    ("RPA", "pl", "South Africa"),  # Republika Południowej Afryki
    ("ОАЕ", "bg", "United Arab Emirates"),
])
def test_territories_acronyms_are_initials_of_cldr_names(text: str, language: str,
                                                           country: str) -> None:
    assert territory_of_initials(text, language) == country
    assert latin_form(text, language, True) == country


@pytest.mark.parametrize(("text", "language"), [
    ("ZDA", "pl"),  # the Slovene initials mean nothing in Polish
    ("Zda", "sl"),  # only in capitals
    ("США", "ru"),  # a letter more than CLDR's name: Saudi Arabia's СА fits as well
    ("ФРГ", "ru"),
])
def test_territories_other_acronyms_name_no_country(text: str, language: str) -> None:
    assert territory_of_initials(text, language) is None


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("США", "ru", "United States"), ("САЩ", "bg", "United States"), ("ФРН", "uk", "Germany"),
    ("RFN", "pl", "Germany"),
])
def test_territories_short_forms_of_the_table_name_their_country(text: str, language: str,
                                                                 expected: str) -> None:
    assert territory_of(text, language) == expected
    assert latin_form(text, language, True) == expected


@pytest.mark.parametrize(("text", "language"), [("САЩ", "pl"), ("RFN", "cs"), ("UK", "cs")])
def test_territories_short_forms_only_in_their_language(text: str, language: str) -> None:
    assert territory_of(text, language) is None


def _place(eid: str, name: str, times: int) -> Entity:
    return Entity(eid, name, "place", (), tuple(Mention(0, len(name), name)
                                                for _ in range(times)))


def test_crosslang_article_country_is_the_most_named_one() -> None:
    entities = [_place("e1", "Ukrainy", 3), _place("e2", "Polsce", 1),
                _place("e3", "Kraków", 4)]  # a town, not a country
    assert article_country(entities, "pl") == "Ukraine"
    assert article_country([_place("e1", "Ukrainy", 2), _place("e2", "Polski", 2)], "pl") is None
    assert article_country(entities, "en") is None  # English keeps its own keys


def _store_all(engine: Engine, text: str, language: str, entities: list[Entity]) -> dict[str, int]:
    return store_linked(engine, text, entities, language=language)


def _org(name: str) -> Entity:
    return Entity("e1", name, "organization", (), (Mention(0, len(name), name),))


def test_institutions_one_court_across_languages_and_bare_names(engine: Engine) -> None:
    ids = {
        _store_all(engine, "pl one", "pl", [_org("Sąd Najwyższy Ukrainy")])["e1"],
        _store_all(engine, "ru one", "ru", [_org("Верховного суда Украины")])["e1"],
        _store_all(engine, "cs one", "cs", [_org("ukrajinský Nejvyšší soud")])["e1"],
        # named bare in an article about Ukraine: that country's court
        _store_all(engine, "ru two", "ru", [_org("Верховный суд"),
                                            _place("e2", "Украине", 2)])["e1"],
    }
    entity = _one_entity(engine, ids)
    assert {"Sąd Najwyższy Ukrainy", "Верховный суд"} <= set(entity.aliases)


def test_institutions_of_two_countries_stay_apart(engine: Engine) -> None:
    ukraine = _store_all(engine, "pl one", "pl", [_org("Sąd Najwyższy Ukrainy")])["e1"]
    france = _store_all(engine, "pl two", "pl", [_org("Sąd Najwyższy Francji")])["e1"]
    bare = _store_all(engine, "pl three", "pl", [_org("Sąd Najwyższy"),
                                                 _place("e2", "Francji", 1)])["e1"]
    assert ukraine != france
    assert bare == france
