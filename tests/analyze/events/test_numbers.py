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


@pytest.mark.parametrize(
    ("words", "value"),
    [(["twenty", "one"], 21), (["one", "hundred", "twenty", "five"], 125),
     (["three", "four"], None), (["twenty", "nineteen"], None), (["five", "hundred"], 500)],
    ids=["tens-units", "hundreds", "two-units", "two-tens", "scale"],
)
def test_numbers_a_smaller_number_fills_the_zeros_of_the_one_before(words, value):
    # "three of four members" once read as one number, seven.
    assert parse_number(words) == value


@pytest.mark.parametrize("word", ["people", "least", ""])
def test_numbers_non_numbers_have_no_value(word):
    assert word_value(word) is None


@pytest.mark.parametrize(("word", "vague"), [("dozens", True), ("Scores", True), ("five", False)])
def test_numbers_vague_quantities(word, vague):
    assert is_vague(word) is vague
