"""Namesakes (analyze/places/namesakes.py): a region's prior gives way to a big city of its
name elsewhere in the country."""

from __future__ import annotations

from europenews.analyze.places.geonames import GeoEntry
from europenews.analyze.places.namesakes import city_rivals


def _entry(feature: str, population: int, region: str) -> GeoEntry:
    return GeoEntry(feature, None, "Havel", "NL", 0.0, 0.0, population, region)


def test_namesakes_a_big_city_outside_the_region_cuts_its_prior():
    region, city = _entry("region", 6_000_000, "NL.HV"), _entry("city", 3_000_000, "NL.OS")
    assert [e.population for e in city_rivals([region, city])] == [2_000_000, 3_000_000]


def test_namesakes_a_city_inside_the_region_or_a_small_one_leaves_it():
    region = _entry("region", 6_000_000, "NL.HV")
    inside, small = _entry("city", 5_000_000, "NL.HV"), _entry("city", 40_000, "NL.OS")
    assert city_rivals([region, inside, small])[0].population == 6_000_000
