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


def test_eventplace_town_written_with_city_is_the_town_the_outlet_frames(nlp):
    # "York City" is the town, not the English county-level region; a US network affiliate's
    # site frames the article, and "York" again does not vote for its own foreign reading.
    text = (
        "Two men were wounded in a shooting in York City early Sunday, police said. Both men, "
        "of York, were taken to a hospital on the east side of York."
    )
    analysis = _analyse(nlp, text, source="fox27.com")
    assert _event_place(analysis) == ("York", "US")
    assert {p.country for p in analysis.places} == {"US"}


def test_eventplace_station_call_sign_frames_a_neighbourhood_named_like_a_town_abroad(nlp):
    # "Whitehaven" is a town in England in the gazetteer and a Memphis neighbourhood here: the
    # station's call sign and Memphis frame the article in the US.
    text = (
        "(WKRN-TV) - A teenager was shot and killed outside a corner store in Whitehaven on "
        "Friday night.\n\nMemphis police said the gunman ran toward a parked car. Neighbours "
        "in Whitehaven said the store had been robbed before."
    )
    analysis = _analyse(nlp, text, source="www.24news.com")
    assert {p.country for p in analysis.places} == {"US"}
    assert _event_place(analysis) == ("Memphis", "US")


def test_eventplace_two_nationalities_in_one_name_are_a_people_not_a_country(nlp):
    text = (
        "A security guard was shot at an American Indian casino outside Reno, Nevada, on "
        "Sunday. An African American man was arrested, police said."
    )
    analysis = _analyse(nlp, text)
    assert "IN" not in {p.country for p in analysis.places}
    assert _event_place(analysis) == ("Reno", "US")


def test_eventplace_is_not_where_the_victim_comes_from(nlp):
    text = ("A climber from Perth was killed in a fall on a glacier in "
            "New Zealand on Sunday, police said.")
    assert _event_place(_analyse(nlp, text)) == ("New Zealand", "NZ")


def test_eventplace_county_police_in_a_new_york_paper_are_no_capital_abroad(nlp):
    # "Nassau" is the Bahamas' capital and a county on Long Island; "Long Island" is also a
    # district of the Bahamas. The paper (a state's code and press words) frames the report in
    # the US, so the police are a force there and the district abroad is no place here.
    text = (
        "A 19-year-old man was shot in the leg outside a deli on Sunday night, Nassau police "
        "said. He was taken to Nassau University Medical Center. Officers on Long Island are "
        "looking for a man in a gray hoodie."
    )
    analysis = _analyse(nlp, text, source="www.nydailynews.com")
    assert {p.country for p in analysis.places} == {"US"}
    place = _event_place(analysis)
    assert place is not None and place[1] == "US"
    # Where the island state is named, its capital's police are its own.
    text = (
        "A tourist was shot in the leg outside a hotel on Sunday, Nassau police said. Bahamas "
        "officials said the gunman fled on foot."
    )
    assert _event_place(_analyse(nlp, text, source="www.nydailynews.com")) == ("Nassau", "BS")
