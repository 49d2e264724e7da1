"""Cities and full country names across languages (store/cities.py, territories.skeleton_words)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.model import Entity, Mention
from europenews.store.cities import city_of
from europenews.store.crosslang import latin_form
from europenews.store.territories import skeleton_territories, skeleton_words, territory_of
from tests.store.linked import store_linked


@pytest.mark.parametrize(("text", "language", "city"), [
    ("Bruksela", "pl", "Brussels"),
    ("Brukseli", "pl", "Brussels"),  # declined
    ("Bruselu", "cs", "Brussels"),
    ("Брюксел", "bg", "Brussels"),
    ("Брюсселе", "ru", "Brussels"),  # Cyrillic, declined
    ("Londynie", "pl", "London"),  # the capital, not a smaller London elsewhere
    ("Mediolan", "pl", "Milan"),
])
def test_cities_other_languages_name_one_city(text: str, language: str, city: str) -> None:
    assert city_of(text, language) == city


@pytest.mark.parametrize("text", ["BRU", "Wyspach", "Zachód"])
def test_cities_codes_and_common_words_name_no_city(text: str) -> None:
    # "BRU" is an airport code GeoNames lists; the others are Polish common nouns.
    assert city_of(text, "pl") is None


def test_cities_own_name_before_a_bigger_citys_old_name() -> None:
    # GeoNames lists "Islamabad" among the old names of a bigger city than Pakistan's capital.
    assert city_of("Islamabad", "cs") == city_of("Исламабад", "ru") == "Islamabad"
    assert latin_form("Islamabadzie", "pl", place=True) == "Islamabad"


def test_cities_a_declined_name_is_also_read_as_its_lemma() -> None:
    assert city_of("Praze", "cs") is None  # its stem is not Praha's
    assert latin_form("Praze", "cs", place=True) == "Prague"


def test_cities_a_place_is_keyed_by_its_city_but_a_person_is_not() -> None:
    assert latin_form("Paryżu", "pl", place=True) == "Paris"
    assert latin_form("Paryżu", "pl", person=True) != "Paris"


def test_cities_one_city_across_languages_in_the_store(engine: Engine) -> None:
    ids = set()
    for text, name, language in [("en", "Brussels", "en"), ("pl", "Brukseli", "pl"),
                                 ("bg", "Брюксел", "bg"), ("cs", "Bruselu", "cs")]:
        entity = Entity("e1", name, "place", (), (Mention(0, len(name), name),))
        ids.add(store_linked(engine, f"{text} text", [entity], language=language)["e1"])
    assert len(ids) == 1


@pytest.mark.parametrize(("text", "language"), [
    ("Velká Británie", "cs"),  # CLDR's Czech name is "Spojené království"
    ("Velké Británii", "cs"),
    ("Velika Britanija", "sl"),
])
def test_territories_full_names_written_otherwise_than_cldr(text: str, language: str) -> None:
    assert territory_of(text, language) == "United Kingdom"


def test_territories_skeletons_keep_the_first_letter_and_consonants() -> None:
    assert skeleton_words("wielkiej brytanii") == skeleton_words("velyka brytaniya") == "vlk brtn"


def test_territories_skeletons_leave_out_one_word_and_shared_names() -> None:
    table = skeleton_territories()
    assert all(" " in key for key in table)  # a head word alone ("Británie") is not a country
    assert skeleton_words("brytania") not in table
    assert territory_of("Británie", "cs") is None


def _person(engine: Engine, text: str, name: str, language: str) -> int:
    entity = Entity("e1", name, "person", (), (Mention(0, len(name), name),))
    return store_linked(engine, text, [entity], language=language)["e1"]


def test_soundlink_skeleton_cuts_case_endings_and_keeps_consonants() -> None:
    from europenews.store.soundlink import skeleton

    # Bulgarian writes an unstressed vowel with ъ, read as "a": the consonants still agree.
    assert skeleton("yohnson") == skeleton("yonsan") == skeleton("yonsona") == "~insn"
    assert skeleton("corbyn") == skeleton("korbin")
    assert skeleton("may") == ""  # too few consonants to say anything


def test_soundlink_full_name_links_across_scripts_by_its_consonants(engine: Engine) -> None:
    english = _person(engine, "en text", "Dorian Fulbrook", "en")
    bulgarian = _person(engine, "bg text", "Дориан Фълбрук", "bg")
    assert english == bulgarian


def test_soundlink_other_first_name_or_surname_stays_apart(engine: Engine) -> None:
    english = _person(engine, "en text", "Dorian Fulbrook", "en")
    other_first = _person(engine, "bg text", "Марек Фълбрук", "bg")
    other_surname = _person(engine, "ru text", "Дориан Фалберг", "ru")
    assert len({english, other_first, other_surname}) == 3


def test_linking_two_new_entities_of_one_name_in_one_article_are_one(engine: Engine) -> None:
    # The recogniser kept two declined forms apart; both are keyed "Madrid" (GeoNames).
    first = Entity("e1", "Madryt", "place", (), (Mention(0, 6, "Madryt"),))
    second = Entity("e2", "Madrytu", "place", (), (Mention(10, 17, "Madrytu"),))
    ids = store_linked(engine, "Madryt or Madrytu", [first, second], language="pl")
    assert ids["e1"] == ids["e2"]
    later = store_linked(engine, "Madrid today", [Entity("e1", "Madrid", "place", (),
                                                         (Mention(0, 6, "Madrid"),))])
    assert later["e1"] == ids["e1"]


def test_linking_two_surnames_alone_in_one_article_stay_apart(engine: Engine) -> None:
    # Two people the article names by the same surname alone are not made one here.
    first = Entity("e1", "Halvorsen", "person", (), (Mention(0, 9, "Halvorsen"),))
    second = Entity("e2", "Halvorsen", "person", (), (Mention(14, 23, "Halvorsen"),))
    ids = store_linked(engine, "Halvorsen and Halvorsen", [first, second])
    assert ids["e1"] != ids["e2"]


def test_cities_a_place_named_in_another_language_is_shown_by_its_english_name(
        engine: Engine) -> None:
    # The entity's page is "Dublin" whatever declined form came first; the forms as written
    # stay its aliases.
    from sqlalchemy import select

    from europenews.store.schema import entities

    entity = Entity("e1", "Dublinie", "place", (), (Mention(0, 8, "Dublinie"),))
    entity_id = store_linked(engine, "pl text", [entity], language="pl")["e1"]
    other = Entity("e1", "Wysoki Zamek", "place", (), (Mention(0, 12, "Wysoki Zamek"),))
    other_id = store_linked(engine, "pl other", [other], language="pl")["e1"]
    with engine.connect() as conn:
        names = dict(conn.execute(select(entities.c.id, entities.c.name)).all())
    assert names[entity_id] == "Dublin"
    assert names[other_id] == "Wysoki Zamek"  # no known city: the name as written
