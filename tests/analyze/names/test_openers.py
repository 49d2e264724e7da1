"""A sentence's common first word and a heading's capitals before a name (names/openers.py),
on sentences of our own."""

from __future__ import annotations

import pytest

from europenews.analyze.names import NameLexicon, find_names, load_name_lexicon
from europenews.analyze.names.openers import CommonWords, dictionary, heading_words


@pytest.fixture(scope="module")
def lexicons() -> dict[str, NameLexicon]:
    return {lang: load_name_lexicon(language=lang) for lang in ("pl", "cs", "uk")}


def names(text: str, lexicon: NameLexicon) -> dict[str, str]:
    """The names of ``text`` (words split on spaces; a sentence starts after "." and "\n")."""
    words = text.split(" ")
    starts = [i == 0 or words[i - 1] in {".", "\n"} for i in range(len(words))]
    return {" ".join(words[n.start:n.end]): n.label
            for n in find_names(words, starts, lexicon)}


def test_openers_an_adverb_opening_a_sentence_is_left_out(
    lexicons: dict[str, NameLexicon],
) -> None:
    found = names("Jednocześnie Lufthansa ogłosiła nowe połączenia .", lexicons["pl"])
    assert "Jednocześnie Lufthansa" not in found
    assert "Lufthansa" in found


def test_openers_a_noun_the_article_writes_in_lower_case_is_left_out(
    lexicons: dict[str, NameLexicon],
) -> None:
    text = "Zaměstnanci Lufthansy stávkují . Odbory tvrdí , že zaměstnanci chtějí víc ."
    found = names(text, lexicons["cs"])
    assert "Zaměstnanci Lufthansy" not in found
    assert "Lufthansy" in found


def test_openers_ukrainian_plural_noun_is_left_out(lexicons: dict[str, NameLexicon]) -> None:
    found = names("Співробітники Lufthansa страйкують у Франкфурті .", lexicons["uk"])
    assert set(found) >= {"Lufthansa"}
    assert "Співробітники Lufthansa" not in found


def test_openers_a_name_of_common_words_stays_whole(lexicons: dict[str, NameLexicon]) -> None:
    # Both words are common words: the capitals are the institution's name.
    found = names("Sąd Najwyższy uchylił wczoraj wyrok sądu okręgowego .", lexicons["pl"])
    assert found.get("Sąd Najwyższy") == "ORG"


def test_openers_a_known_place_and_an_adjective_stay_whole(
    lexicons: dict[str, NameLexicon],
) -> None:
    found = names("Wielka Brytania opuściła Unię . Holenderski MSZ wydał komunikat .",
                  lexicons["pl"])
    assert found.get("Wielka Brytania") == "GPE"
    assert "Holenderski MSZ" in found


def test_openers_a_run_written_inside_a_sentence_is_a_name(
    lexicons: dict[str, NameLexicon],
) -> None:
    text = ("Zaměstnanci Lufthansy stávkují . Četl jsem román Zaměstnanci Lufthansy , "
            "řekli zaměstnanci .")
    assert "Zaměstnanci Lufthansy" in names(text, lexicons["cs"])


def test_openers_a_heading_of_common_words_in_capitals_is_no_name(
    lexicons: dict[str, NameLexicon],
) -> None:
    found = names("ZOBACZ TEŻ \n Wczoraj piloci Lufthansy ogłosili strajk .", lexicons["pl"])
    assert not any("ZOBACZ" in name or "TEŻ" in name for name in found)
    assert "Lufthansy" in found


def test_openers_heading_words_keep_a_lone_acronym() -> None:
    assert dictionary("pl") is not None
    known = CommonWords("pl", ["LOT", "odwołał", "lot", "."], frozenset({"w", "z"}), True)
    # "lot" is also "a flight", and the article writes it so: three capitals stay a name.
    assert heading_words(["LOT"], known) == 0
    assert heading_words(["UWAGA", "PILNE"], known) == 2
    assert heading_words(["UWAGA", "PILNE", "Lufthansa"], known) == 2


def test_openers_a_first_name_alone_is_its_person(lexicons: dict[str, NameLexicon]) -> None:
    text = "Spotkałem Asię Kowalczyk w Krakowie . Następnie Asia poszła do domu ."
    found = names(text, lexicons["pl"])
    assert found.get("Asię Kowalczyk") == "PERSON"  # declined first name: lemma Asia
    assert found.get("Asia") == "PERSON"
    # Without a person of that first name, the word keeps the lexicons' reading.
    assert names("Następnie Asia poszła do domu .", lexicons["pl"]).get("Asia") != "PERSON"


def test_openers_a_declined_first_name_is_no_common_word(
    lexicons: dict[str, NameLexicon],
) -> None:
    # "marka" is also "a brand"; the dictionary lists "Marka" under the name "Marek".
    found = names("Marka Nowaka widziano wczoraj w Gdańsku .", lexicons["pl"])
    assert found.get("Marka Nowaka") == "PERSON"


def test_openers_a_heading_then_a_stop_word_gives_no_name(
    lexicons: dict[str, NameLexicon],
) -> None:
    # The heading's capitals end where a sentence starts without a full stop: its first
    # word ("To", "it is") opens it.
    found = names("O TYM SIĘ MÓWI To nie koniec sprawy Kowalskiego .", lexicons["pl"])
    assert found == {"Kowalskiego": "PERSON"}
    assert names("CZYTAJ TEŻ \n Wczoraj padało w Gdańsku .", lexicons["pl"]) == {
        "Gdańsku": "GPE"}
