"""Places: geocode the toponyms of an article (component ``europenews_places``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.extensions import register_extensions
from europenews.model import Place, PlaceRef


def place_ref(place: Place) -> PlaceRef:
    """Return the compact reference to ``place`` that events carry."""
    return PlaceRef(
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        geonames_id=place.geonames_id,
    )


def place_at(places: list[Place], start: int, end: int) -> Place | None:
    """Return the place with a mention inside ``[start, end)``, else the one mentioned nearest.

    Inside the range, the first mention wins; a city or region beats a country when several
    lie inside, because it is the more precise location. Returns None when there are no places.
    """
    inside: list[tuple[int, int, Place]] = []
    best: tuple[int, Place] | None = None
    for place in places:
        for m in place.mentions:
            if m.start >= start and m.end <= end:
                rank = 1 if place.feature in ("country", "continent") else 0
                inside.append((rank, m.start, place))
            gap = start - m.end if m.end <= start else max(0, m.start - end)
            if best is None or gap < best[0]:
                best = (gap, place)
    if inside:
        return min(inside, key=lambda t: (t[0], t[1]))[2]
    return best[1] if best else None


def find_places(doc: Doc) -> list[Place]:
    """Pure: read the parse, return what was found."""
    return []


class PlaceFinder:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc)
        return doc


@Language.factory("europenews_places", assigns=["doc._.places"])
def make_places_finder(nlp: Language, name: str) -> PlaceFinder:
    register_extensions()
    return PlaceFinder(name)
