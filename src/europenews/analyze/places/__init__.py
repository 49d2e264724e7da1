"""Places: the toponyms of an article, geocoded against a GeoNames-derived gazetteer.

Front door: ``find_places(doc, gazetteer, add_missed=True)`` returns one ``Place`` per place
mentioned, in order of first mention. ``place_at`` and ``place_ref`` give the place an event
happened at.

Modules: ``finder`` (grouping into places), ``toponyms`` and ``toponym_forms`` (which spans are
place names), ``geocode`` (which record each one means), ``geonames`` (the gazetteer).
"""

from __future__ import annotations

from europenews.analyze.places.finder import find_places, place_at, place_ref
from europenews.analyze.places.geonames import GeoGazetteer, load_gazetteer

__all__ = ["GeoGazetteer", "find_places", "load_gazetteer", "place_at", "place_ref"]
