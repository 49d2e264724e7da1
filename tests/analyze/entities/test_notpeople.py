"""Names the model reads as a person's that the article writes as a venue, a business or a
town (analyze/entities/notpeople.py), decided for every mention of the article."""

from __future__ import annotations

import pytest


def _kinds(nlp, text: str) -> dict[str, str]:
    return {e.name: e.type for e in nlp(text)._.entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police said an armed man walked near the Castellano fountains on Monday. He fled "
         "from Castellano after the shooting.", "Castellano"),
        ("Four people were wounded in a shooting outside Club Marisol in San Leandro.",
         "Club Marisol"),
        ("A home in Hartsel, Colo., was searched on Saturday. Hartsel is a small town where "
         "Hartsel residents know each other.", "Hartsel"),
    ],
    ids=["the-name-noun", "venue-first-word", "town-with-state"],
)
def test_notpeople_venues_and_towns_are_no_people(nlp, text, name):
    # The model reads each of these names as a person's in at least one sentence.
    assert not any(e.type == "person" for e in nlp(text)._.entities if e.name == name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Okafor family said the Okafor home was searched twice.", "Okafor"),
        ("Dana Okafor said the Okafor garage was searched.", "Dana Okafor"),
        ("Rep. Jordan Hale, Texas, said the plan failed.", "Jordan Hale"),
    ],
    ids=["family-and-home", "surname-of-a-full-name", "title-before-the-name"],
)
def test_notpeople_people_stay_people(nlp, text, name):
    assert _kinds(nlp, text).get(name) == "person"


def test_notpeople_decides_for_every_mention():
    # One mention written as a town's decides the others, whatever the model said of them.
    import spacy
    from spacy.tokens import Doc, Span

    from europenews.analyze.entities.notpeople import not_people

    words = ["In", "Varnhem", ",", "Sweden", ",", "police", "spoke", ".", "Varnhem", "is",
             "small", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    names = [Span(doc, 1, 2, label="PERSON"), Span(doc, 3, 4, label="GPE"),
             Span(doc, 8, 9, label="PERSON")]
    assert not_people(names, set(), set()) == {"Varnhem": "GPE"}
    assert not_people(names, {"Varnhem"}, set()) == {}  # read as a person's somewhere: kept
    assert not_people(names, set(), {"varnhem"}) == {}  # the surname of a person's full name


def test_notpeople_a_name_before_a_place_and_its_possessive_stays():
    # "tied the record of Buford, Creighton's leading scorer": the place after the comma
    # begins a description of the person, it qualifies no town.
    import spacy
    from spacy.tokens import Doc, Span

    from europenews.analyze.entities.notpeople import not_people

    words = ["tied", "Buford", ",", "Creighton", "’s", "leading", "scorer", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    names = [Span(doc, 1, 2, label="PERSON"), Span(doc, 3, 4, label="GPE")]
    assert not_people(names, set(), set()) == {}
