"""One entity across languages (store/crosslang.py and its hook in store/linking.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.ingest.fingerprint import article_keys
from europenews.model import Analysis, Article, Entity, Mention
from europenews.store.articles import add_article
from europenews.store.crosslang import foreign_shorts, latin_form, skeleton
from europenews.store.entities import CanonicalEntity, get_entity, link_entities
from europenews.store.views_people import entity_detail
from tests.store.linked import store_linked


def _store(engine: Engine, text: str, name: str, type_: str, language: str) -> int:
    entity = Entity("e1", name, type_, (), (Mention(0, len(name), name),))
    return store_linked(engine, text, [entity], language=language)["e1"]


def _one_entity(engine: Engine, ids: set[int]) -> CanonicalEntity:
    """The one stored entity every spelling linked to (fails when they made several)."""
    assert len(ids) == 1, ids
    with engine.connect() as conn:
        entity = get_entity(conn, ids.pop())
    assert entity is not None
    return entity


@pytest.mark.parametrize(("text", "language", "place", "form"), [
    ("Niemczech", "pl", True, "Germany"),
    ("Německo", "cs", True, "Germany"),
    ("Francji", "pl", True, "France"),
    ("Zełenskiego", "pl", False, "Zelensky"),
    ("Germany", "en", True, "Germany"),
])
def test_crosslang_latin_form(text: str, language: str, place: bool, form: str) -> None:
    assert latin_form(text, language, place) == form


def test_crosslang_english_names_keep_their_own_form() -> None:
    assert latin_form("Ryanair Holdings", "en") == "Ryanair Holdings"


def test_crosslang_one_person_across_scripts_and_inflections(engine: Engine) -> None:
    ids = {
        _store(engine, "en text", "Volodymyr Zelensky", "person", "en"),
        _store(engine, "pl text", "Wołodymyr Zełenski", "person", "pl"),
        _store(engine, "uk text", "Володимир Зеленський", "person", "uk"),
    }
    entity = _one_entity(engine, ids)
    assert entity is not None and entity.name == "Volodymyr Zelensky"
    assert {"Wołodymyr Zełenski", "Володимир Зеленський"} <= set(entity.aliases)


def test_crosslang_different_people_stay_apart(engine: Engine) -> None:
    first = _store(engine, "a", "Jan Nowak", "person", "pl")
    second = _store(engine, "b", "Anna Kowalska", "person", "pl")
    assert first != second


def test_crosslang_country_names_are_one_place(engine: Engine) -> None:
    ids = {
        _store(engine, "one", "Germany", "place", "en"),
        _store(engine, "dwa", "Niemcy", "place", "pl"),
        _store(engine, "zwei", "Deutschland", "place", "de"),
        _store(engine, "три", "Германии", "place", "ru"),
    }
    entity = _one_entity(engine, ids)
    assert entity is not None and entity.name == "Germany"
    assert {"Niemcy", "Deutschland", "Германии"} <= set(entity.aliases)


def test_crosslang_declined_organisation_links_to_its_name(engine: Engine) -> None:
    first = _store(engine, "jeden", "Wizzline", "organization", "pl")
    second = _store(engine, "dwa", "Wizzlineu", "organization", "cs")
    third = _store(engine, "trzy", "Wizzlinea", "organization", "pl")
    assert first == second == third


def test_crosslang_people_get_no_cut_keys() -> None:
    from europenews.model import Entity, Mention
    from europenews.store.crosslang import stem_keys

    person = Entity("e1", "Anna Nowaka", "person", (), (Mention(0, 11, "Anna Nowaka"),))
    assert stem_keys(person, "pl") == frozenset()


def test_crosslang_person_spelt_and_declined_in_other_languages(engine: Engine) -> None:
    # German spells the name by its sound, Polish declines first name and surname.
    ids = {
        _store(engine, "en text", "Volodymyr Zelenskyy", "person", "en"),
        _store(engine, "de Text", "Wolodymyr Selenskyj", "person", "de"),
        _store(engine, "pl tekst", "Wołodymyra Zełenskiego", "person", "pl"),
        _store(engine, "uk текст", "Володимира Зеленського", "person", "uk"),
    }
    entity = _one_entity(engine, ids)
    assert entity is not None and entity.name == "Volodymyr Zelenskyy"
    assert {"Wolodymyr Selenskyj", "Wołodymyra Zełenskiego"} <= set(entity.aliases)


def test_crosslang_declined_first_name_and_czech_feminine_surname(engine: Engine) -> None:
    ids = {
        _store(engine, "en text", "Marta Bilenko", "person", "en"),
        _store(engine, "pl tekst", "Marty Bilenko", "person", "pl"),
        _store(engine, "cs text", "Marta Bilenková", "person", "cs"),
        _store(engine, "ru текст", "Марту Биленко", "person", "ru"),
    }
    assert len(ids) == 1


@pytest.mark.parametrize(("first", "second"), [
    (("Joe Harlow", "en"), ("Joel Harlow", "pl")),  # another first name, not a declined one
    (("Jan Wierzbicki", "pl"), ("Adam Wierzbicki", "cs")),
    (("Anna Kim", "en"), ("Anna Kima", "pl")),  # too short a surname to read an ending off
])
def test_crosslang_other_people_stay_apart(engine: Engine, first: tuple[str, str],
                                           second: tuple[str, str]) -> None:
    assert _store(engine, "one", first[0], "person", first[1]) != _store(
        engine, "two", second[0], "person", second[1])


def test_crosslang_entity_lists_its_spellings_by_language(engine: Engine) -> None:
    entity_id = _store(engine, "en text", "Volodymyr Zelenskyy", "person", "en")
    _store(engine, "pl tekst", "Wołodymyr Zełenski", "person", "pl")
    _store(engine, "pl inny tekst", "Wołodymyr Zełenski", "person", "pl")
    _store(engine, "de Text", "Wolodymyr Selenskyj", "person", "de")
    with engine.connect() as conn:
        detail = entity_detail(conn, entity_id)
    assert detail is not None
    groups = {g["language"]: g for g in detail["aliases_by_language"]}
    assert set(groups) == {"en", "pl", "de"}
    assert groups["pl"]["name"] == "Polish"
    assert [(a["alias"], a["articles"]) for a in groups["pl"]["aliases"]] == [
        ("Wołodymyr Zełenski", 2)]
    assert [a["alias"] for a in groups["de"]["aliases"]] == ["Wolodymyr Selenskyj"]
    # Each spelling links to an article in its own language that writes it so.
    support = {a["alias"]: a for a in detail["alias_support"]}
    assert groups["de"]["aliases"][0]["article"] in support["Wolodymyr Selenskyj"]["articles"]


def _store_with(engine: Engine, text: str, language: str,
                named: list[tuple[str, str]]) -> list[int]:
    found = [Entity(f"e{n}", name, type_, (), (Mention(0, len(name), name),))
             for n, (name, type_) in enumerate(named, 1)]
    ids = store_linked(engine, text, found, language=language)
    return [ids[f"e{n}"] for n in range(1, len(named) + 1)]


def test_crosslang_another_first_name_stays_apart_even_with_context(engine: Engine) -> None:
    # Relatives share a surname and the context of their story: a first name that merely
    # begins alike (James / Javed) is another person.
    [english, _] = _store_with(engine, "en one", "en", [("James Harlow", "person"),
                                                        ("Quillbyte Foundation", "organization")])
    [other, _] = _store_with(engine, "pl dwa", "pl", [("Javed Harlow", "person"),
                                                      ("Quillbyte Foundation", "organization")])
    assert other != english


def test_crosslang_two_spellings_in_one_article_give_their_role_once(engine: Engine) -> None:
    [known] = _store_with(engine, "en one", "en", [("Marta Bilenko", "person")])
    text = "pl tekst"
    article = Article(text=text, language="pl")
    keys = article_keys(article)
    found = tuple(Entity(f"e{n}", name, "person", ("minister",), (Mention(0, len(name), name),))
                  for n, name in enumerate(("Marta Bilenko", "Marty Bilenko"), 1))
    analysis = Analysis(article=Article(text=text, id=keys.id, language="pl"), entities=found)
    with engine.begin() as conn:
        add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                    content_hash=keys.content_hash)
        ids = link_entities(conn, analysis, keys.id)
    assert set(ids.values()) == {known}
    with engine.connect() as conn:
        entity = get_entity(conn, known)
    assert entity is not None and [r for r, _ in entity.roles] == ["minister"]


@pytest.mark.parametrize(("text", "language", "form"), [
    ("Wielkiej Brytanii", "pl", "United Kingdom"),  # the lemmatiser mangles "Wielka"
    ("Europie", "pl", "Europe"),  # CLDR's continents and regions too
    ("Evropě", "cs", "Europe"),
    ("Європі", "uk", "Europe"),
])
def test_crosslang_declined_country_and_continent_names(text: str, language: str,
                                                        form: str) -> None:
    assert latin_form(text, language, True) == form


def test_crosslang_europe_is_one_place_across_spellings(engine: Engine) -> None:
    ids = {
        _store(engine, "pl", "Europie", "place", "pl"),
        _store(engine, "cs", "Evropa", "place", "cs"),
        _store(engine, "ru", "Европы", "place", "ru"),
    }
    entity = _one_entity(engine, ids)
    # Shown by its English name, with the forms as written as its aliases.
    assert entity.name == "Europe"
    assert {"Europie", "Evropa", "Европы"} <= set(entity.aliases)


def test_crosslang_foreign_organisation_shorts_drop_countries_and_last_words() -> None:
    shorts = frozenset({"pakistan", "verhovny", "vsp", "sud pakistan"})
    kept = foreign_shorts(shorts, "verhovny sud pakistan", "organization", "ru")
    assert kept == {"verhovny", "vsp", "sud pakistan"}
    assert foreign_shorts(frozenset({"airways", "adria"}), "adria airways", "organization",
                          "sl") == {"adria"}
    # English names and other types keep theirs (the English short form "Falcons").
    assert foreign_shorts(frozenset({"falcons"}), "brandvik falcons", "organization",
                          "en") == {"falcons"}
    assert foreign_shorts(shorts, "verhovny sud pakistan", "place", "ru") == shorts



@pytest.mark.parametrize(("a", "b"), [("londyn", "london"), ("pendzab", "pandzab"),
                                      ("royters", "reuters")])
def test_crosslang_skeleton_meets_vowel_spellings(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b) != ""


def test_crosslang_skeleton_of_short_names_is_empty() -> None:
    assert skeleton("ryanair") == ""  # three consonants: too little to say
    assert skeleton("paris") == ""


def test_crosslang_place_spelt_with_other_vowels_links_with_context() -> None:
    shorts = foreign_shorts(frozenset(), "londyn", "place", "pl")
    assert shorts == {skeleton("london")}
    assert foreign_shorts(frozenset(), "londyn", "place", "en") == frozenset()

def test_crosslang_apostrophes_as_typed_and_typeset_are_one() -> None:
    assert latin_form("O’Leary", "pl", False, True) == latin_form("O'Leary", "pl", False, True)


def _article(engine: Engine, text: str, language: str,
             people: list[tuple[str, str]]) -> dict[str, int]:
    entities = [Entity(f"e{n}", name, type_, (), (Mention(0, len(name), name),))
                for n, (name, type_) in enumerate(people, 1)]
    return store_linked(engine, text, entities, language=language)


def test_crosslang_surname_alone_by_its_consonants_links_only_with_context(
    engine: Engine,
) -> None:
    # Bulgarian writes the unstressed vowel of an English surname with "ъ": only the
    # consonants agree. Alone, such a surname needs what any surname alone needs: context.
    first = _article(engine, "en text", "en", [("Dorian Fulbrook", "person"),
                                               ("Quenby Harbour", "place")])
    with_context = _article(engine, "bg текст", "bg", [("Фълбрук", "person"),
                                                       ("Quenby Harbour", "place")])
    without = _article(engine, "bg друг", "bg", [("Фълбрук", "person")])
    assert with_context["e1"] == first["e1"]
    assert without["e1"] != first["e1"]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("marisa loy", "marisa loi", True),  # Лой in Cyrillic, transliterated
    ("marisa loy", "marisu loyovou", True),  # Czech: declined first name, feminine surname
    ("marisa loy", "marisa lee", False),  # another short surname
    ("marisa loy", "marek loy", False),  # another first name
    ("marisa loyalton", "marisa loyaltonova", False),  # long surnames: the usual keys
])
def test_crosslang_short_surname_key(a: str, b: str, same: bool) -> None:
    from europenews.store.soundlink import short_surname_key

    ka, kb = short_surname_key(a), short_surname_key(b)
    assert (ka != "" and ka == kb) is same


def test_crosslang_full_name_with_a_short_surname_across_scripts(engine: Engine) -> None:
    ids = {
        _store(engine, "en text", "Marisa Loy", "person", "en"),
        _store(engine, "ru текст", "Мариса Лой", "person", "ru"),
        _store(engine, "cs text", "Marisu Loyovou", "person", "cs"),
    }
    assert len(ids) == 1
    other = _store(engine, "ru другой", "Марек Лой", "person", "ru")
    assert other not in ids
