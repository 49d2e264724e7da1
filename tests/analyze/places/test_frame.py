"""The article's frame: readings abroad that nothing in the text carries (``frame.py``)."""

from __future__ import annotations

import pytest

from europenews.analyze.places.frame import Frame, frame_without, local_readings, outside_frame
from europenews.analyze.places.geonames import GeoEntry


def _entry(feature: str, country: str, population: int) -> GeoEntry:
    return GeoEntry(feature, 1, "Somewhere", country, 0.0, 0.0, population, f"{country}.01")


def test_frame_without_takes_the_name_own_vote_out():
    votes = {"US": 2.0, "ID": 1.0}
    assert frame_without(votes, None) == Frame("US", 2.0)
    # A US name's own vote taken out leaves the US in front with what the others gave.
    assert frame_without(votes, ("US", 1.0)) == Frame("US", 1.0)
    assert frame_without(votes, ("US", 1.5)) == Frame("ID", 1.0)
    assert frame_without({}, None) == Frame(None, 0.0)


@pytest.mark.parametrize(
    ("feature", "population", "votes", "support", "outside"),
    [
        ("city", 5_000, 1.0, 0.0, True),  # a village abroad: one vote elsewhere is enough
        ("city", 5_000, 0.5, 0.0, False),  # ... but not half a vote
        ("city", 200_000, 1.0, 0.0, False),  # a town needs a firmer frame elsewhere
        ("city", 200_000, 1.5, 0.0, True),
        ("city", 3_000_000, 5.0, 0.0, False),  # big enough to be named on its own
        ("city", 5_000, 3.0, 0.5, False),  # another name points to its country
        ("country", 5_000, 3.0, 0.0, False),  # a country is never dropped for the frame
        ("region", 50_000, 2.0, 0.0, True),
    ],
)
def test_frame_outside_needs_a_frame_elsewhere_and_no_support(
    feature, population, votes, support, outside
):
    entry = _entry(feature, "ID", population)
    assert outside_frame(entry, Frame("US", votes), support) is outside


def test_frame_reading_inside_the_frame_is_never_outside():
    assert not outside_frame(_entry("city", "US", 100), Frame("US", 9.0), 0.0)
    assert not outside_frame(_entry("city", "ID", 100), Frame(None, 0.0), 0.0)


def test_frame_police_name_takes_the_frame_reading():
    capital = _entry("city", "ZZ", 1_500_000)
    village = _entry("city", "US", 900)
    county = _entry("county", "US", 3000)
    options = [capital, village, county]
    # The outlet alone frames the article in the US: a force there, the town's or the county's.
    assert local_readings(options, {"US": 1.0, "ZZ": 1.0}, ("ZZ", 1.0)) == [village, county]
    # Another name points to the capital's country as strongly: it stays a reading.
    assert capital in local_readings(options, {"US": 1.0, "ZZ": 2.0}, ("ZZ", 1.0))
    # No frame, or half a vote: every reading.
    assert local_readings(options, {"ZZ": 1.0}, ("ZZ", 1.0)) == options
    assert local_readings(options, {"US": 0.5, "ZZ": 1.0}, ("ZZ", 1.0)) == options
    # No reading in the frame: every reading.
    assert local_readings([capital], {"US": 3.0}, None) == [capital]
