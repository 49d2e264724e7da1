"""A first name and the word after it, read by the model as places, are a person's name."""

from __future__ import annotations

import pytest


def _names(nlp, text: str) -> tuple[list[str], dict[str, str]]:
    doc = nlp(text)
    return [p.name for p in doc._.places], {e.name: e.type for e in doc._.entities}


def test_firstnames_senator_in_a_list_is_no_town_pair(nlp):
    places, types = _names(nlp, "Democrats pointed to Senators Harry Reid of Nevada, Elizabeth "
                                "Warren of Massachusetts and Chuck Schumer of New York.")
    assert types.get("Elizabeth Warren") == "person"
    assert "Elizabeth" not in places and "Warren" not in places
    assert "Massachusetts" in places


def test_firstnames_a_candidate_read_as_a_facility_is_a_person(nlp):
    places, types = _names(nlp, "Trump took shots at Marco Rubio and Ted Cruz at the rally in "
                                "Tampa.")
    assert types.get("Marco Rubio") == "person"
    assert "Marco" not in places


@pytest.mark.parametrize(("text", "place"), [
    ("The storm hit Virginia Beach on Monday.", "Virginia Beach"),
    ("The family moved from Austin Texas to Denver last year.", "Austin"),
])
def test_firstnames_a_place_kind_or_a_state_after_the_name_keeps_the_place(nlp, text, place):
    places, _ = _names(nlp, text)
    assert place in places


@pytest.mark.parametrize(("text", "place"), [
    ("He shot six people in suburban Miami, the Miami Herald reported.", "Miami"),
    ("Teen Arrested In Miami Nightclub Mass Shooting\n\nA second teen was arrested in Miami.",
     "Miami"),
    ("He spent weeks at his home in Costa Rica before the vote.", "Costa Rica"),
])
def test_firstnames_a_place_that_is_also_a_first_name_stays_a_place(nlp, text, place):
    places, types = _names(nlp, text)
    assert place in places
    assert "person" not in {types.get(n) for n in ("Miami Herald", "Miami Nightclub", "Costa Rica")}
