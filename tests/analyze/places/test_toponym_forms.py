"""Forms of place names with rules of their own: datelines, abbreviations that are also words,
postal codes, facilities."""

from __future__ import annotations

import pytest

from europenews.analyze.places.geonames import parse_gazetteer
from europenews.analyze.places.toponym_forms import (
    NOT_A_PLACE,
    abbreviation,
    code_only,
    dateline,
    facility,
    feature_part,
    plain,
)


@pytest.fixture(scope="module")
def gaz():
    # A region with a postal code and a dotted abbreviation, a country with a two-letter name,
    # and a town whose name is also written with a period.
    return parse_gazetteer(
        [
            "region\t1\tManitoba\tCA\t55.0\t-97.0\t1300000\tCA.03\tmanitoba|=man",
            "region\t2\tLouisiana\tUS\t31.0\t-92.0\t4600000\tUS.LA\tlouisiana|=la",
            "country\t3\tUnited States\tUS\t39.0\t-98.0\t330000000\tUS\tunited states|us",
            "city\t4\tBrandon\tCA\t49.85\t-99.95\t48000\tCA.03\tbrandon",
        ]
    )


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Plan to fight drugs.\n  TORRINGTON — Mayor Ryan Bingham spoke.", "TORRINGTON", True),
        ("LOUISVILLE, KY--(Marketwire) - Sales rose.", "LOUISVILLE", True),
        ("WASHINGTON Barack Obama pardoned a turkey.", "WASHINGTON", True),
        ("Fans of TORRINGTON — the club — cheered.", "TORRINGTON", False),
        ("Talks.\nNATO members met on Monday.", "NATO", False),
        ("Plan.\nTorrington — Mayor Bingham spoke.", "Torrington", False),
    ],
    ids=["line-dash", "agency", "text-start", "mid-line", "no-dash", "not-capitals"],
)
def test_toponym_forms_dateline_opens_a_line_in_capitals(text, name, expected):
    start = text.index(name)
    assert dateline(text, start, start + len(name)) is expected


def test_toponym_forms_dateline_with_dash_only_needs_the_dash():
    text = "GREEN fingered youngsters from a school worked hard."
    assert dateline(text, 0, 5)
    assert not dateline(text, 0, 5, dash=True)
    assert dateline("TORRINGTON — Mayor spoke.", 0, 10, dash=True)



@pytest.mark.parametrize(
    ("full", "text", "expected"),
    [
        ("They met in Brandon, Man. on Friday.", "Man", ("Man.", 4)),
        ("A Man. is no place here.", "A", ("A", 1)),
        ("The Man spoke.", "Man", ("Man", 3)),
    ],
    ids=["dotted-abbreviation", "unknown-word", "no-period"],
)
def test_toponym_forms_abbreviation_takes_its_period(gaz, full, text, expected):
    start = full.index(text)
    found, end = abbreviation(gaz, full, text, start + len(text))
    assert (found, end - start) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("LA", True), ("US", False), ("La", False), ("Man", False)]
)
def test_toponym_forms_code_only_for_capitals_that_are_only_a_postal_code(gaz, text, expected):
    assert code_only(gaz, text) is expected


@pytest.mark.parametrize(("dotted", "expected"), [("Brandon.", True), ("Man.", False)])
def test_toponym_forms_plain_when_the_period_changes_nothing(gaz, dotted, expected):
    assert plain(gaz, dotted) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Penn Avenue", True),
        ("Children's Hospital", True),
        ("Kabul Airport", True),
        ("Avenue", False),
        ("New York", False),
    ],
)
def test_toponym_forms_facility_needs_a_name_before_the_facility_word(text, expected):
    assert facility(text) is expected


def test_toponym_forms_direction_and_facility_words_are_no_places():
    assert {"west", "downtown", "street", "hospital"} <= NOT_A_PLACE


@pytest.mark.parametrize(
    ("full", "name", "expected"),
    [
        ("They climbed to a hut on Mount Brandon at dawn.", "Brandon", True),
        ("Snow closed the road over Mt. Brandon again.", "Brandon", True),
        ("Snow closed the road over Mt. Brandon again.", "Mt.", True),
        ("Boats crossed Lake Brandon in the fog.", "Brandon", True),
        ("The fair opened in Brandon on Monday.", "Brandon", False),
        ("He moved from Manitoba to Mt. Brandon.", "Manitoba", False),
        ("A crash on Mt. in the dark.", "Mt.", False),
    ],
    ids=["mount", "mt-name", "mt-itself", "lake", "town", "before-a-mountain", "mt-alone"],
)
def test_toponym_forms_feature_part_is_a_mountain_or_lake_name(gaz, full, name, expected):
    start = full.index(name)
    assert feature_part(gaz, full, start, start + len(name)) is expected


def test_toponym_forms_feature_part_keeps_a_town_named_after_its_lake():
    gaz = parse_gazetteer(["city\t5\tLake Brandon\tUS\t30.2\t-93.2\t70000\tUS.LA\tlake brandon"])
    full = "Police in Lake Brandon said so."
    start = full.index("Brandon")
    assert not feature_part(gaz, full, start, start + len("Brandon"))
