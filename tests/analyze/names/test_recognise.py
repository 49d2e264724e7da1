"""The multilingual name recogniser (analyze/names/) on sentences of our own."""

from __future__ import annotations

import pytest

from europenews.analyze.names import NameLexicon, find_names, load_name_lexicon
from europenews.analyze.names.recognise import candidate_runs
from europenews.translit import fold, transliterate


@pytest.fixture(scope="module")
def lexicons() -> dict[str, NameLexicon]:
    return {lang: load_name_lexicon(language=lang) for lang in ("de", "pl", "es", "ru", "nl")}


def names(sentence: str, lexicon: NameLexicon) -> dict[str, str]:
    words = sentence.split(" ")
    found = find_names(words, [i == 0 for i in range(len(words))], lexicon)
    return {" ".join(words[n.start:n.end]): n.label for n in found}


def test_names_particles_join_a_name(lexicons: dict[str, NameLexicon]) -> None:
    words = ["Gestern", "sprach", "Ursula", "von", "der", "Leyen", "in", "Brüssel", "."]
    runs = [" ".join(words[a:b]) for a, b in candidate_runs(words, [True] + [False] * 8,
                                                            lexicons["de"])]
    assert "Ursula von der Leyen" in runs


def test_names_title_word_makes_a_person_and_is_left_out(
    lexicons: dict[str, NameLexicon],
) -> None:
    found = names("Am Abend traf Kanzlerin Marta Obermaier den Botschafter .", lexicons["de"])
    assert found == {"Marta Obermaier": "PERSON"}


def test_names_german_common_nouns_are_not_names(lexicons: dict[str, NameLexicon]) -> None:
    found = names("Die Mannschaft gewann im Jahr darauf die Meisterschaft in Hamburg .",
                  lexicons["de"])
    assert found == {"Hamburg": "GPE"}


def test_names_an_inflected_country_is_a_place(lexicons: dict[str, NameLexicon]) -> None:
    # "Niemczech" is the locative of "Niemcy"; CLDR knows the lemma.
    found = names("Spotkanie odbyło się w Niemczech i w Warszawie .", lexicons["pl"])
    assert found == {"Niemczech": "GPE", "Warszawie": "GPE"}


def test_names_organisation_word_makes_an_organisation(
    lexicons: dict[str, NameLexicon],
) -> None:
    found = names("Ella estudió en la Universidad de Salamanca durante cuatro años .",
                  lexicons["es"])
    assert found == {"Universidad de Salamanca": "ORG"}


def test_names_first_name_makes_a_person(lexicons: dict[str, NameLexicon]) -> None:
    found = names("Het boek van Peter van den Berg verscheen in Utrecht .", lexicons["nl"])
    assert found.get("Peter van den Berg") == "PERSON"
    assert found.get("Utrecht") == "GPE"


def test_names_sentence_start_and_month_are_not_names(
    lexicons: dict[str, NameLexicon],
) -> None:
    assert names("Im Mai wurde gewählt .", lexicons["de"]) == {}
    assert names("Во вторник в Москве прошли переговоры .", lexicons["ru"]) == {
        "Москве": "GPE"}


def test_names_roman_numerals_are_not_names(lexicons: dict[str, NameLexicon]) -> None:
    assert names("В XIX веке город вырос .", lexicons["ru"]) == {}


@pytest.mark.parametrize(("text", "key"), [
    ("Зеленський", "zelenskiy"), ("Łódź", "lodz"), ("Müller", "muller"), ("Жуков", "zhukov"),
])
def test_names_fold_writes_one_latin_key(text: str, key: str) -> None:
    assert fold(text) == key


def test_names_transliterate_keeps_latin_letters() -> None:
    assert transliterate("Kyiv Москва") == "kyiv moskva"


@pytest.mark.parametrize(("sentence", "place", "person"), [
    ("W poniedziałek prezydent Ukrainy Wołodymyr Zełenski spotkał się z premierem .",
     "Ukrainy", "Wołodymyr Zełenski"),
    ("Wczoraj premier Francji Emmanuel Macron otworzył szczyt .",
     "Francji", "Emmanuel Macron"),
])
def test_names_genitive_country_before_a_person_is_a_place(
    lexicons: dict[str, NameLexicon], sentence: str, place: str, person: str,
) -> None:
    found = names(sentence, lexicons["pl"])
    assert found.get(place) == "GPE" and found.get(person) == "PERSON"
    assert f"{place} {person}" not in found


def test_names_genitive_split_only_before_a_person(lexicons: dict[str, NameLexicon]) -> None:
    # A country's name inside an organisation's stays whole.
    found = names("Wczoraj Bank Polski ogłosił wyniki .", lexicons["pl"])
    assert "Polski" not in found


def test_names_a_titled_person_stays_a_person_when_repeated(
    lexicons: dict[str, NameLexicon],
) -> None:
    # "Wolodymyr" is also a town's name: bare, the name would be typed by it.
    text = ("Der ukrainische Präsident Wolodymyr Selenskyj sprach lange . Nach Angaben von "
            "Wolodymyr Selenskyj kamen viele .")
    words = text.split(" ")
    found = find_names(words, [i == 0 or words[i - 1] == "." for i in range(len(words))],
                       lexicons["de"])
    assert [n.label for n in found if words[n.start] == "Wolodymyr"] == ["PERSON", "PERSON"]



@pytest.mark.parametrize("language, words, name, place", [
    # The sentencizer marks the paragraph break token, not the word after it, as the sentence's
    # start; that word is capitalised by position all the same.
    ("pl", ["Dom", "stoi", ".", "\n\n", "Rosyjska", "rakieta", "trafiła", "w", "Gdańsk", "."],
     "Rosyjska", "Gdańsk"),
    ("de", ["Es", "regnet", ".", "\n\n", "Der", "Zug", "fährt", "nach", "Bremen", "."],
     "Der", "Bremen"),
    # A line break with no full stop before it (a headline above the text) does the same.
    ("pl", ["Pożar", "w", "Gdańsku", "\n", "Według", "straży", "ogień", "ugaszono", "."],
     "Według", "Gdańsku"),
])
def test_names_a_common_word_opening_a_paragraph_is_no_name(
    lexicons: dict[str, NameLexicon], language: str, words: list[str], name: str, place: str,
) -> None:
    starts = [i == 0 or (words[i].strip() == "" and words[i - 1] == ".")
              for i in range(len(words))]
    found = {" ".join(words[n.start:n.end]) for n in find_names(words, starts, lexicons[language])}
    assert name not in found
    assert place in found  # the sentence's real name is still read


@pytest.mark.parametrize(("sentence", "language", "name"), [
    ("Zdaniem Tomasza Wilczka rząd się myli .", "pl", "Tomasza Wilczka"),
    ("Według Marii Sobczak wynik jest pewny .", "pl", "Marii Sobczak"),
    ("Согласно Петру Сидорову решение принято .", "ru", "Петру Сидорову"),
    ("Volgens Joris Hendriks is het plan klaar .", "nl", "Joris Hendriks"),
])
def test_names_sentence_opening_preposition_is_not_part_of_the_name(
    lexicons: dict[str, NameLexicon], sentence: str, language: str, name: str,
) -> None:
    found = names(sentence, lexicons[language])
    assert name in found and not any(n.split()[0] == sentence.split()[0] for n in found)


def test_names_parliament_makes_an_organisation(lexicons: dict[str, NameLexicon]) -> None:
    found = names("Wniosek musi jeszcze poprzeć Parlament Europejski .", lexicons["pl"])
    assert found == {"Parlament Europejski": "ORG"}


@pytest.mark.parametrize("sentence", [
    "Loni se konal festival v Brně .",  # "last year", also a town's name in GeoNames
    "Festival v Brně | Zdroj : Jana Dvořáková",
    "Festival v Brně . Foto Jana Dvořáková",
])
def test_names_caption_and_time_words_are_no_names(sentence: str) -> None:
    found = names(sentence, load_name_lexicon(language="cs"))
    assert not {"Loni", "Zdroj", "Foto"} & {w for name in found for w in name.split()}
    assert "Brně" in found or "Jana Dvořáková" in found


def test_names_lexicon_folder_without_not_names_still_loads(tmp_path: object) -> None:
    from pathlib import Path

    from europenews.analyze.lexicons import lexicon_folder

    folder = Path(str(tmp_path))
    packaged = lexicon_folder("europenews.analyze.names", "names", None, "cs")
    for name in ("particles.txt", "titles.txt", "org_heads.txt", "place_heads.txt",
                 "prepositions.txt"):
        (folder / name).write_text(packaged.joinpath(name).read_text("utf-8"), "utf-8")
    lexicon = load_name_lexicon(folder, language="cs", gazetteer=False)
    assert lexicon.not_names == frozenset()


@pytest.mark.parametrize(
    ("language", "sentence", "name"),
    [("cs", "Lety dnes zrušilo Letiště Václava Havla v Praze .", "Letiště Václava Havla"),
     ("pl", "Samolot wylądował na Lotnisku Chopina w Warszawie .", "Lotnisku Chopina"),
     ("pl", "Loty odwołały Polskie Linie Lotnicze LOT .", "Polskie Linie Lotnicze LOT")],
    ids=["cs-airport", "pl-airport", "pl-airline"],
)
def test_names_airports_and_airlines_are_organisations(language, sentence, name) -> None:
    # An airport named for a person ("Václava Havla") is no person.
    found = names(sentence, load_name_lexicon(language=language))
    assert found.get(name) == "ORG"


def test_names_czech_womens_surnames_are_people() -> None:
    lexicon = load_name_lexicon(language="cs")
    text = "Včera jsme mluvili s Kubíkovou a potom s rodinou Kubíkové z Prostějova ."
    words = text.split(" ")
    found = {" ".join(words[n.start:n.end]): n.label
             for n in find_names(words, [i == 0 for i in range(len(words))], lexicon)}
    assert found.get("Kubíkovou") == "PERSON"
    assert found.get("Kubíkové") == "PERSON"
    assert found.get("Prostějova") != "PERSON"  # a town's genitive, no accent
