"""Kinds decided with the whole article (analyze/entities/kinds.py): only people are people."""

from __future__ import annotations

import pytest


def _people(nlp, text: str) -> list[str]:
    return [e.name for e in nlp(text)._.entities if e.type == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "Sgt. said the road was closed after the crash near the bridge on Monday night.",
        "Police said on Twitter that the road was closed. Twitter users shared photos.",
        "Please enable Javascript to view this page.\nThe council met on Monday.",
        "The injured were taken to Ostrava Memorial Hospital on Monday night.",
        "The crash happened on N. Harbor Vale Avenue late on Monday.",
    ],
    ids=["rank-alone", "platform", "script-notice", "hospital", "street"],
)
def test_kinds_no_person_where_the_article_names_none(nlp, text):
    assert _people(nlp, text) == []


def test_kinds_masthead_and_heading_are_no_entities(nlp):
    text = ("Nordwire\n\nLeaders Meet in Tallinn to Discuss Energy\n\nEstonian Prime Minister "
            "Kristen Michal met Latvian leaders in Tallinn on Monday to discuss energy.\n\n"
            "The Long Road to Energy Independence\n\nThe talks will go on in Riga next week.")
    names = {e.name for e in nlp(text)._.entities}
    assert "Nordwire" not in names
    assert not any("Road" in n for n in names)
    assert "Kristen Michal" in names


def test_kinds_a_name_with_an_age_is_a_person(nlp):
    text = "Jordan Hale, 34, was arrested on Tuesday after the robbery in Eastbrook."
    assert "Jordan Hale" in _people(nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Lena Holm, 66, of Varnhem, was walking into the store.",
     "Police said a 66-year-old Varnhem woman died on Monday."],
    ids=["hometown", "resident"],
)
def test_kinds_a_home_town_is_no_person(nlp, text):
    assert "Varnhem" not in _people(nlp, text)
