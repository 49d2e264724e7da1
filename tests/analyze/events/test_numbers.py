from __future__ import annotations

import pytest

from europenews.analyze.events.numbers import is_vague, parse_number, word_value


@pytest.mark.parametrize(
    ("word", "value"),
    [("three", 3), ("12", 12), ("1,200", 1200), ("twenty-one", 21), ("dozen", 12), ("no", 0)],
)
def test_numbers_word_value(word, value):
    assert word_value(word) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [(["two", "hundred", "and", "five"], 205), (["3", "thousand"], 3000), (["forty", "two"], 42)],
)
def test_numbers_parse_number_runs(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("word", ["people", "least", ""])
def test_numbers_non_numbers_have_no_value(word):
    assert word_value(word) is None


@pytest.mark.parametrize(("word", "vague"), [("dozens", True), ("Scores", True), ("five", False)])
def test_numbers_vague_quantities(word, vague):
    assert is_vague(word) is vague
