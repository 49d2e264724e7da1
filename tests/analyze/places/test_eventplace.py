"""Where an event happened, and words that are no places, on the shipped pipeline.

Hand-written reports in the style of local US news: the event's own sentence or dateline says
where it happened; time zones, common words and first names are not read as places abroad;
the outlet's home decides a name that its text leaves open.
"""

from __future__ import annotations

import pytest

from europenews.analyze.pipeline import analyze_article, make_doc
from europenews.model import Analysis, Article


def _analyse(nlp, text: str, source: str | None = None) -> Analysis:
    return analyze_article(nlp, Article(text, id="t", source=source))


def _event_place(analysis: Analysis) -> tuple[str, str] | None:
    assert analysis.events, "the report should give an event"
    place = analysis.events[0].place
    return None if place is None else (place.name, place.country)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "COLUMBUS, Ohio — Four members of one family were shot dead in their home late "
            "Sunday, police said. The first call came in at 10:40 p.m. EST, officers said.",
            ("Columbus", "US"),
        ),
        (
            "Police in Charlotte, N.C., said two men were wounded in a shooting outside a gas "
            "station on Tuesday night.",
            ("Charlotte", "US"),
        ),
        (
            "A man was shot and killed in Toledo, Ohio, on Friday, police said. Man, 34, was "
            "found near the Metro bus stop on Gulf Road. His sister Mary spoke to reporters.",
            ("Toledo", "US"),
        ),
        ("A teenager was wounded in a shooting in L.A. on Monday night, police said.",
         ("Los Angeles", "US")),
        (
            "An Indian student was shot and wounded in Dayton, Ohio, on Friday, police said.",
            ("Dayton", "US"),
        ),
        (
            "U.S. officials said little. A gunman wounded three people at a mall in Omaha, "
            "Nebraska, on Saturday.",
            ("Omaha", "US"),
        ),
    ],
    ids=["dateline-and-timezone", "town-with-state", "common-words-and-first-name", "la",
         "nationality-is-no-scene", "country-is-no-scene"],
)  # fmt: skip
def test_eventplace_is_where_the_report_says(nlp, text, expected):
    analysis = _analyse(nlp, text)
    assert _event_place(analysis) == expected
    # Nothing of a US report is read as a small place abroad.
    assert {p.country for p in analysis.places if p.feature != "country"} == {"US"}


def test_eventplace_timezone_alone_is_no_place(nlp):
    analysis = _analyse(nlp, "Updated 9:15 PM EST. A man was shot dead on Monday, police said.")
    assert not analysis.places
    assert _event_place(analysis) is None


def test_eventplace_doubtful_name_is_listed_but_places_no_event(nlp):
    text = "A woman was shot in the leg in Norfolk on Sunday, police said."
    doc = nlp(make_doc(nlp, Article(text, id="t")))
    # Norfolk alone: the English county or the Virginian city, and nothing in the text says.
    assert doc._.place_doubts
    analysis = _analyse(nlp, text)
    assert [p.name for p in analysis.places] == ["Norfolk"]
    assert _event_place(analysis) is None


def test_eventplace_outlet_home_decides_an_open_name(nlp):
    text = "A woman was shot in the leg in Norfolk on Sunday, police said."
    analysis = _analyse(nlp, text, source="wavy.com")  # a US call sign
    assert _event_place(analysis) == ("Norfolk", "US")


def test_eventplace_county_named_in_an_agency_frames_the_state(nlp):
    text = (
        "The Missouri State Highway Patrol said a trooper shot a driver on Interstate 70 in "
        "Boone County on Saturday. The driver died at a hospital."
    )
    place = _analyse(nlp, text).events[0].place
    assert place is not None and place.name == "Boone County" and place.country == "US"
    assert place.lon is not None and -93 < place.lon < -91  # Missouri's, not Kentucky's
