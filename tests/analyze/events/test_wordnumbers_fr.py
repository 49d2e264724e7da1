"""French number words (``events/wordnumbers.py`` with ``lexicons/fr/numbers.json``)."""

from __future__ import annotations

import pytest

from europenews.analyze.events import load_event_lexicon
from europenews.analyze.events.wordnumbers import (
    NumberWords,
    is_number_word,
    is_vague_word,
    parse_words,
    read_number_words,
)
from europenews.errors import ConfigError


@pytest.fixture(scope="module")
def numbers() -> NumberWords:
    found = load_event_lexicon(language="fr").numbers
    assert found is not None
    return found


@pytest.mark.parametrize(("words", "value"), [
    (["sept"], 7),
    (["Dix-neuf"], 19),
    (["vingt", "et", "un"], 21),
    (["trente-deux"], 32),
    (["soixante-dix"], 70),
    (["soixante", "et", "onze"], 71),
    (["quatre-vingts"], 80),
    (["quatre-vingt-dix-neuf"], 99),
    (["cent"], 100),
    (["trois", "cents"], 300),
    (["deux", "cent", "quatre-vingt-un"], 281),
    (["mille"], 1000),
    (["deux", "mille", "cinq", "cents"], 2500),
    (["1", "200"], 1200),
    (["1 200"], 1200),
    (["1.200"], 1200),
    (["45"], 45),
])
def test_wordnumbers_fr_values(numbers: NumberWords, words: list[str], value: int) -> None:
    assert parse_words(words, numbers) == value


@pytest.mark.parametrize("words", [["dizaine"], ["plusieurs"], ["1", "20"], ["et"], ["moins"],
                                   ["999999999"]])
def test_wordnumbers_fr_no_exact_value(numbers: NumberWords, words: list[str]) -> None:
    assert parse_words(words, numbers) is None


def test_wordnumbers_fr_vague_and_number_words(numbers: NumberWords) -> None:
    assert is_vague_word("Dizaine", numbers) and is_vague_word("centaines", numbers)
    assert not is_vague_word("dix", numbers)
    assert is_number_word("vingt-trois", numbers) and is_number_word("1 500", numbers)
    assert not is_number_word("et", numbers) and not is_number_word("morts", numbers)


def test_wordnumbers_fr_malformed_file_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"numbers\.json"):
        read_number_words('{"units": {}}', "event lexicon: numbers.json")
