"""Resolving the doc's entity spans: relabelled, dropped, extended, repeated, others kept."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from europenews.analyze.entities.lexicon import EntityLexicon
from europenews.analyze.entities.resolve import resolve_names
from europenews.analyze.entities.roles import TitleWords

LEXICON = EntityLexicon(
    titles=TitleWords(
        heads=frozenset({"chancellor", "minister"}),
        modifiers=frozenset({"foreign"}),
        demonyms=frozenset({"Ukrainian", "German"}),
    ),
    canonical={},
    descriptions={},
    countries=frozenset({"Ukraine"}),
    not_names=frozenset({"men"}),
    event_heads=frozenset({"Open"}),
)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _resolved(vocab, words, ents):
    doc = Doc(vocab, words=words, ents=ents)
    return [(span.text, span.label_) for span in resolve_names(doc, LEXICON)]


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["Ukrainian", "cities", "were", "hit", "."], ["B-GPE", "O", "O", "O", "O"],
         [("Ukrainian", "NORP")]),
        (["She", "won", "the", "Hong", "Kong", "Open", "."],
         ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"], [("Hong Kong Open", "EVENT")]),
        (["The", "German", "team", "won", "."], ["O"] * 5, [("German", "NORP")]),
    ],
    ids=["demonym-read-as-place", "event-read-as-organisation", "untagged-demonym"],
)
def test_resolve_relabels_nationalities_and_events(vocab, words, ents, expected):
    assert _resolved(vocab, words, ents) == expected


def test_resolve_drops_spans_of_words_that_are_never_names(vocab):
    assert _resolved(vocab, ["Men", "ran", "."], ["B-ORG", "O", "O"]) == []


def test_resolve_runs_a_name_on_through_particles(vocab):
    words = ["Ursula", "von", "der", "Leyen", "spoke", "."]
    ents = ["B-PERSON", "O", "O", "O", "O", "O"]
    assert _resolved(vocab, words, ents) == [("Ursula von der Leyen", "PERSON")]


def test_resolve_untagged_repetition_of_a_name_is_a_mention(vocab):
    words = ["Kallas", "spoke", ".", "Later", ",", "Kallas", "left", "."]
    ents = ["B-PERSON"] + ["O"] * 7
    assert _resolved(vocab, words, ents) == [("Kallas", "PERSON"), ("Kallas", "PERSON")]


def test_resolve_keeps_numbers_and_dates_as_the_model_found_them(vocab):
    words = ["Three", "people", "died", "on", "Monday", "."]
    ents = ["B-CARDINAL", "O", "O", "O", "B-DATE", "O"]
    assert _resolved(vocab, words, ents) == [("Three", "CARDINAL"), ("Monday", "DATE")]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Lindhaven", "Minister", "Aivar", "Tamm", "spoke", "."], ("Aivar Tamm", "PERSON")),
        # Two title words in a row: the second is no first name.
        (["Foreign", "Minister", "Chancellor", "Tamm", "spoke", "."], ("Tamm", "PERSON")),
        # No title before it: a capitalised word before a surname stays out.
        (["Lindhaven", "Aivar", "Tamm", "spoke", "."], ("Tamm", "PERSON")),
    ],
    ids=["first-name-after-title", "title-after-title", "no-title"],
)
def test_resolve_a_first_name_between_a_title_and_a_surname_joins_it(vocab, words, expected):
    pos = ["PROPN"] * (len(words) - 2) + ["VERB", "PUNCT"]
    ents = ["O"] * (len(words) - 3) + ["B-PERSON", "O", "O"]
    doc = Doc(vocab, words=words, pos=pos, ents=ents)
    people = [(s.text, s.label_) for s in resolve_names(doc, LEXICON) if s.label_ == "PERSON"]
    assert people == [expected]


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”")])
def test_resolve_a_nickname_between_first_name_and_surname_is_one_person(nlp, marks):
    text = (f"Mob boss Carmine {marks[0]}The Jaw{marks[1]} Falcone, who feigned illness for "
            "years, died on Monday.")
    people = [e.name for e in nlp(text)._.entities if e.type == "person"]
    assert people == [f"Carmine {marks[0]}The Jaw{marks[1]} Falcone"]


def test_resolve_a_nickname_alone_is_the_person_it_names(nlp):
    text = ('Retired agent Walter "Night Owl" Farrow died on Monday. For decades Night Owl '
            "was only a name in the papers.")
    people = [e for e in nlp(text)._.entities if e.type == "person"]
    assert [e.name for e in people] == ['Walter "Night Owl" Farrow']
    assert "Night Owl" in [m.text for m in people[0].mentions]
