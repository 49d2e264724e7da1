"""store.snippets: marked words around the matches, at a fixed cost."""

from __future__ import annotations

import time

import pytest

from europenews.store.snippets import WINDOW, make_snippet, query_terms


@pytest.mark.parametrize(("query", "text", "marked"), [
    ("harbour", "Ships left the harbour at dawn.", "[harbour]"),
    ("drone", "Two drones flew over the city.", "[drones]"),
    ("kyiv*", "Officials in Kyivska oblast said", "[Kyivska]"),
    ('"city council"', "The city council voted.", "[city] [council]"),
    ("lodz", "Trams in Łódź run late.", "[Łódź]"),
], ids=["word", "plural", "prefix", "phrase", "accents"])
def test_snippets_mark_matches(query: str, text: str, marked: str) -> None:
    assert marked in make_snippet(text, None, query)


def test_snippets_start_near_the_best_window() -> None:
    text = "Filler words come first. " * 40 + "The minister met the envoy in Riga."
    snippet = make_snippet(text, None, "minister envoy")
    assert snippet.startswith("…") and "[minister]" in snippet and "[envoy]" in snippet


def test_snippets_title_when_only_the_title_matches() -> None:
    assert make_snippet("Nothing relevant here.", "Budget vote", "budget") == "[Budget] vote"


def test_snippets_opening_words_when_nothing_matches() -> None:
    snippet = make_snippet("One two three four five six seven eight nine ten eleven twelve "
                           "thirteen fourteen fifteen sixteen seventeen", None, "absent")
    assert snippet.startswith("One two") and snippet.endswith("…") and "[" not in snippet


def test_snippets_cost_the_same_on_a_hit_dense_text() -> None:
    began = time.monotonic()
    snippet = make_snippet("ferry " * 1_000_000, None, "ferry")
    assert time.monotonic() - began < 0.5
    assert snippet.count("[ferry]") == 16 and snippet.endswith("…")
    assert len("ferry " * 1_000_000) > WINDOW


def test_snippets_query_terms_skip_or_and_punctuation() -> None:
    assert [t.word for t in query_terms('Kherson OR "drone strike" -- kyiv*')] == [
        "kherson", "drone", "strike", "kyiv"]
