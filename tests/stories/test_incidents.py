from __future__ import annotations

import pytest

from europenews.stories.incidents import agreement, incident_cues


@pytest.mark.parametrize(
    ("title", "body", "ages", "counts"),
    [
        ("Boy, 8, wounded on porch", "The boy was hit by a stray bullet.", {8}, set()),
        ("Teen shot", "A 17-year-old was shot. Three people were wounded.", {17}, {3}),
        ("Quadruple shooting in Lindenport", "Police said two men were killed.", set(), {4, 2}),
        ("Council meets", "The council met on the budget.", set(), set()),
    ],
    ids=["person-comma-age", "n-year-old-and-count-word", "multiple-and-killed", "none"],
)
def test_incidents_reads_ages_and_casualty_counts(title, body, ages, counts):
    cues = incident_cues(title, body)
    assert cues.ages == ages
    assert cues.counts == counts


@pytest.mark.parametrize(
    ("text", "days"),
    [("shot early Sunday outside a bar", {"sun"}), ("on Tuesdays and Friday", {"tues", "fri"})],
    ids=["one-day", "plural-and-two-days"],
)
def test_incidents_reads_weekdays(text, days):
    assert incident_cues("", text).weekdays == days


def test_incidents_name_pairs_only_from_full_texts():
    body = "Darnell Whitby was taken to Fairhaven General on Marlow Street."
    assert {"darnell whitby", "marlow street"} <= incident_cues("Shooting", body).names
    # A headline feed's Title Case would make every word pair look like a name.
    assert incident_cues("Zorvex Shares Rise On Results", "").names == frozenset()


@pytest.mark.parametrize(
    ("item", "story", "expected"),
    [
        (frozenset({3}), {3, 5}, 1.0),
        (frozenset({4}), {3, 5}, -1.0),
        (frozenset(), {3}, 0.0),
        (frozenset({3}), set(), 0.0),
    ],
    ids=["shared", "disjoint", "item-silent", "story-silent"],
)
def test_incidents_agreement(item, story, expected):
    assert agreement(item, story) == expected


def test_incidents_reads_where_it_happened():
    body = (
        "BRAMLEY, Ohio — Tavon Quill, 19, was shot in the 400 block of W. Larch St. late"
        " Friday, near Ninth Avenue. A second man was hurt in Dunmore Falls, Pa."
    )
    cues = incident_cues("Teen shot in Bramley", body)
    # The abbreviation and the full word are one street; the number makes it an address.
    assert cues.streets == {"larch street", "ninth avenue"}
    assert cues.addresses == {"400 larch street"}
    assert cues.named_ages == {"tavon quill 19"}


def test_incidents_place_cues_need_a_street_word_and_people_a_comma_age():
    body = "Tavon Quill said, 'Thanks, Bramley.' Larch trees line the park. He is 19, police say."
    cues = incident_cues("Council meets", body)
    assert cues.streets == cues.addresses == cues.named_ages == frozenset()

