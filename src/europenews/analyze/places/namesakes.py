"""Namesakes among a name's readings: a region and a big city of one name elsewhere in its
country (the state of Washington and the capital)."""

from __future__ import annotations

from dataclasses import replace

from europenews.analyze.places.geonames import GeoEntry

RIVAL_SHARE = 2  # a city at least half a same-name region's prior size is its rival ...
RIVAL_CUT = 3  # ... and the region's prior is cut to a third


def city_rivals(found: list[GeoEntry]) -> list[GeoEntry]:
    """A region whose name a big city outside it, in the same country, also bears (the state
    of Washington and the capital) is rather the city when nothing in the text says which:
    the region's prior is cut (a state word, a qualifier or its towns still make it the
    region)."""
    cities = [e for e in found if e.feature == "city"]
    return [replace(e, population=e.population // RIVAL_CUT)
            if e.feature == "region" and any(
                c.country == e.country and c.region != e.region
                and RIVAL_SHARE * c.population >= e.population for c in cities)
            else e for e in found]
