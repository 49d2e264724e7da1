"""Gazetteer-backed place and organisation recognition (europenews_gazetteer)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from europenews.analyze.entities.gazetteer import merge_entities


@pytest.fixture(scope="module")
def blank_gazetteer():
    nlp = spacy.blank("en")
    nlp.add_pipe("europenews_gazetteer")
    return nlp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones hit Kharkiv and Odesa overnight.", [("Kharkiv", "GPE"), ("Odesa", "GPE")]),
        (
            "Officials at the White House met the EU Council.",
            [("White House", "ORG"), ("EU Council", "ORG")],
        ),
        (
            "The UN Security Council met in Geneva.",
            [("UN Security Council", "ORG"), ("Geneva", "GPE")],
        ),
    ],
    ids=["coordinated-cities", "white-house-eu-council", "un-security-council"],
)
def test_gazetteer_factory_finds_names(blank_gazetteer, text, expected):
    doc = blank_gazetteer(text)
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_gazetteer_matches_all_caps_headlines(blank_gazetteer):
    doc = blank_gazetteer("SOCCER - GERMANY BEAT BRAZIL IN BERLIN")
    assert {(e.text, e.label_) for e in doc.ents} == {
        ("GERMANY", "GPE"),
        ("BRAZIL", "GPE"),
        ("BERLIN", "GPE"),
    }


def test_gazetteer_ignores_lowercase_words(blank_gazetteer):
    doc = blank_gazetteer("They said the deal was nice and would split costs.")
    assert list(doc.ents) == []


def _doc(words: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words)


def test_merge_entities_splits_coordination_read_as_one_organisation():
    doc = _doc(["Drones", "hit", "Kharkiv", "and", "Odesa", "."])
    model = [Span(doc, 2, 5, label="ORG")]
    matches = [Span(doc, 2, 3, label="GPE"), Span(doc, 4, 5, label="GPE")]
    merged = merge_entities(model, matches)
    assert [(e.text, e.label_) for e in merged] == [("Kharkiv", "GPE"), ("Odesa", "GPE")]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Strikes", "on", "Kherson", "continued"], "GPE"),
        (["Kherson", "said", "nothing"], "PERSON"),
    ],
    ids=["after-preposition", "subject"],
)
def test_merge_entities_overrules_person_only_in_place_context(words, expected):
    doc = _doc(words)
    doc[1].tag_ = "IN" if words[1] == "on" else "VBD"
    i = words.index("Kherson")
    merged = merge_entities(
        [Span(doc, i, i + 1, label="PERSON")], [Span(doc, i, i + 1, label="GPE")]
    )
    assert [e.label_ for e in merged] == [expected]


def test_merge_entities_keeps_longer_organisation_over_its_part():
    doc = _doc(["the", "UN", "Security", "Council", "met"])
    merged = merge_entities([Span(doc, 1, 2, label="ORG")], [Span(doc, 1, 4, label="ORG")])
    assert [e.text for e in merged] == ["UN Security Council"]


@pytest.mark.parametrize(
    "text", ["A missile struck Kherson on Friday.", "Residents of Kyiv sheltered."]
)
def test_gazetteer_no_person_for_cities(nlp, text):
    doc = nlp(text)
    assert not [e for e in doc.ents if e.label_ == "PERSON"]
    assert any(e.label_ == "GPE" for e in doc.ents)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pl", "PERSON"), ("en", "LOC")],
    ids=["declined-first-name-outside-english", "english-unchanged"],
)
def test_merge_entities_a_famous_place_that_is_a_declined_first_name(language, expected):
    # Our sentence: "Spotkałem Asię Nowak . Asia mówi" ("I met Asia Nowak. Asia says").
    words = ["Spotkałem", "Asię", "Nowak", ".", "Asia", "mówi"]
    doc = Doc(spacy.blank(language).vocab, words=words)
    people = [Span(doc, 1, 3, label="PERSON"), Span(doc, 4, 5, label="PERSON")]
    merged = merge_entities(people, [Span(doc, 4, 5, label="LOC")],
                            famous=frozenset({"asia"}))
    assert [(e.text, e.label_) for e in merged if e.text == "Asia"] == [("Asia", expected)]


def test_gazetteer_news_outlets_are_organisations(nlp):
    doc = nlp("Senator Jane Holloway will not run again, Politico reported on Monday. "
              "Breitbart called it a retreat.")
    types = {e.name: e.type for e in doc._.entities}
    assert types["Politico"] == "organization"
    assert types["Breitbart News"] == "organization"
    assert types["Jane Holloway"] == "person"
