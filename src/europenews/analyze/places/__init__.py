"""Places: the toponyms of an article, geocoded against a GeoNames-derived gazetteer.

Front door: ``find_places(doc, gazetteer, add_missed=True)`` returns one ``Place`` per place
mentioned, in order of first mention. ``event_place`` picks the place an event happened at
(``place_ref`` is what the event carries); ``place_at`` the place mentioned at a stretch.

Modules: ``finder`` (grouping into places), ``toponyms`` and ``toponym_forms`` (which spans are
place names), ``geocode`` (which record each one means), ``geonames`` (the gazetteer).
"""

from __future__ import annotations

from europenews.analyze.places.eventplace import event_place
from europenews.analyze.places.finder import (
    PlaceFinding,
    find_places,
    locate_places,
    place_at,
    place_ref,
)
from europenews.analyze.places.geonames import GeoGazetteer, load_gazetteer

__all__ = [
    "GeoGazetteer",
    "PlaceFinding",
    "event_place",
    "find_places",
    "load_gazetteer",
    "locate_places",
    "place_at",
    "place_ref",
]
