"""Layout cues for person and team names (namecues.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from europenews.analyze.entities.namecues import cue_persons, overlay, team_names


@pytest.fixture(scope="module")
def make():
    return spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bowling : J. Smith took four wickets .", "J. Smith"),
        ("The report by A. B. McAllister was published .", "A. B. McAllister"),
    ],
    ids=["initial", "two-initials"],
)
def test_namecues_initial_and_surname_is_a_person(make, text, name):
    doc = make(text)
    assert [(s.text, s.label_) for s in cue_persons(doc, [])] == [(name, "PERSON")]


def test_namecues_initial_inside_abbreviation_is_not_a_person(make):
    doc = make("He won the U.S. Open last year .")
    assert cue_persons(doc, []) == []


def test_namecues_name_before_bracketed_country_is_a_person(make):
    doc = make("Maria Novak ( Slovenia ) beat Lena Berg ( Sweden ) 6-3 6-4")
    ents = [Span(doc, 3, 4, "GPE"), Span(doc, 9, 10, "GPE"), Span(doc, 6, 8, "ORG")]
    found = {(s.text, s.label_) for s in cue_persons(doc, ents)}
    assert found == {("Maria Novak", "PERSON"), ("Lena Berg", "PERSON")}


def test_namecues_towns_with_scores_are_teams(make):
    doc = make("Leeds 2 Hull 1\nIn Leeds 20 people met .")
    ents = [Span(doc, 0, 1, "GPE"), Span(doc, 2, 3, "GPE"), Span(doc, 6, 7, "GPE")]
    teams = [(s.text, s.start) for s in team_names(doc, ents, frozenset({"England"}))]
    assert teams == [("Leeds", 0), ("Hull", 2)]


def test_namecues_national_sides_stay_places(make):
    doc = make("England 2 Wales 1")
    ents = [Span(doc, 0, 1, "GPE"), Span(doc, 2, 3, "GPE")]
    assert team_names(doc, ents, frozenset({"England", "Wales"})) == []


def test_namecues_golf_rounds_are_not_teams(make):
    doc = make("287 Ian Woosnam 70 76 71 70")
    assert team_names(doc, [], frozenset()) == []


def test_namecues_overlay_replaces_overlapping_spans():
    doc = Doc(spacy.blank("en").vocab, words=["J.", "Smith", "left", "Kent"])
    ents = [Span(doc, 1, 2, "ORG"), Span(doc, 3, 4, "GPE")]
    merged = overlay(ents, [Span(doc, 0, 2, "PERSON")])
    assert [(s.text, s.label_) for s in merged] == [("J. Smith", "PERSON"), ("Kent", "GPE")]
