"""Spelling-tolerant name keys (names.py)."""

from __future__ import annotations

import pytest

from europenews.names import name_key, strip_accents, word_key


@pytest.mark.parametrize(
    "variant", ["Zelensky", "Zelenskiy", "Zelenskyy", "Zelenskyi", "ZELENSKYY", "Zelenskyy’s"]
)
def test_names_word_key_folds_transliterations(variant):
    assert word_key(variant) == word_key("Zelenskyy")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Oleksandr Prokudin", "Olexandr Prokudin"), ("Kharkiv", "Charkiw"), ("Rutté", "Rutte")],
)
def test_names_name_key_matches_spellings(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Kallas", "Costa"), ("Kaja Kallas", "Kallas")])
def test_names_name_key_keeps_different_names_apart(a, b):
    assert name_key(a) != name_key(b)


def test_names_strip_accents():
    assert (
        strip_accents("Ursula von der Leyen, Maroš Šefčovič")
        == "Ursula von der Leyen, Maros Sefcovic"
    )
