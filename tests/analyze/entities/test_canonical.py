"""Cleaning and document-level harmonisation of entity spans (canonical.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from europenews.analyze.entities.canonical import (
    caps_lines,
    clean_span,
    harmonise,
    split_span,
    trim_headline_words,
)


@pytest.fixture(scope="module")
def make():
    return spacy.blank("en")


def test_canonical_split_span_at_bracket_and_spaced_dash(make):
    doc = make("Romania - Ana Pop ( 31st )")
    parts = split_span(Span(doc, 0, len(doc), "ORG"))
    assert [p.text for p in parts] == ["Romania", "Ana Pop"]


def test_canonical_split_span_keeps_hyphenated_names(make):
    doc = make("Chester-le-Street won")
    span = Span(doc, 0, 5, "GPE")
    assert split_span(span) == [span]


@pytest.mark.parametrize(
    ("words", "label", "expected"),
    [
        (["the", "European", "Union"], "ORG", "European Union"),
        (["President", "Ana", "Pop"], "PERSON", "Ana Pop"),
        (["64", "Bob", "Estes"], "PERSON", "Bob Estes"),
        (["J.", "Adams", "123"], "PERSON", "J. Adams"),
    ],
    ids=["article", "title", "leading-number", "trailing-score"],
)
def test_canonical_clean_span(words, label, expected):
    doc = Doc(spacy.blank("en").vocab, words=words)
    cleaned = clean_span(Span(doc, 0, len(doc), label), frozenset({"president"}))
    assert cleaned is not None and cleaned.text == expected


def test_canonical_clean_span_drops_job_title_read_as_organisation():
    doc = Doc(spacy.blank("en").vocab, words=["the", "National", "Security", "Adviser"])
    assert clean_span(Span(doc, 0, 4, "ORG"), frozenset({"adviser"})) is None


def test_canonical_harmonise_surname_follows_full_name(make):
    doc = make("Ana Pop won . Pop was happy and Pop left .")
    ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 5, "ORG")]
    result = {(s.text, s.start, s.label_) for s in harmonise(doc, ents)}
    assert result == {("Ana Pop", 0, "PERSON"), ("Pop", 4, "PERSON"), ("Pop", 8, "PERSON")}


def test_canonical_harmonise_tags_caps_repetition(make):
    doc = make("KALLAS VISITS KYIV\nKaja Kallas arrived .")
    ents = [Span(doc, 4, 6, "PERSON")]
    result = {(s.text, s.label_) for s in harmonise(doc, ents)}
    assert ("KALLAS", "PERSON") in result


def test_canonical_caps_lines():
    text = "SOCCER - LEEDS WIN\nLeeds won on Sunday."
    assert caps_lines(text) == [(0, 18)]


def test_canonical_trim_headline_words(make):
    doc = make("Ukraine Presses Allies for Security Guarantees\nIt wants security guarantees.")
    ents = [Span(doc, 4, 6, "ORG"), Span(doc, 0, 1, "GPE")]
    assert [s.text for s in trim_headline_words(doc, ents)] == ["Ukraine"]
