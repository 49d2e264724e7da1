"""Places: geocode the toponyms of an article and group them into places (``find_places``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from europenews.analyze.doctext import doc_text
from europenews.analyze.places.geocode import Resolved, resolve_toponyms
from europenews.analyze.places.geonames import GeoGazetteer
from europenews.analyze.places.outlet import (
    language_country,
    outlet_country,
    outlet_region,
    station_country,
    station_side,
)
from europenews.analyze.places.toponyms import find_toponyms
from europenews.model import Mention, Place, PlaceRef


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


def places_from(resolved: list[Resolved], text: str | None = None) -> list[Place]:
    """Group resolved toponyms into one Place per record, in order of first mention.

    Mention texts are taken from ``text`` when given, so they match the offsets exactly."""
    groups: dict[tuple[object, ...], list[Resolved]] = {}
    for r in resolved:
        e = r.entry
        key = (e.geonames_id,) if e.geonames_id else (e.feature, e.name, e.country)
        groups.setdefault(key, []).append(r)
    places = []
    for members in groups.values():
        e = members[0].entry
        mentions = tuple(
            Mention(
                r.toponym.start,
                r.toponym.end,
                text[r.toponym.start : r.toponym.end] if text is not None else r.toponym.text,
            )
            for r in sorted(members, key=lambda r: r.toponym.start)
        )
        places.append(
            Place(
                name=e.name,
                country=e.country or None,
                lat=round(e.lat, 5),
                lon=round(e.lon, 5),
                geonames_id=e.geonames_id,
                mentions=mentions,
                feature=e.feature,
            )
        )
    places.sort(key=lambda p: p.mentions[0].start)
    return places


@dataclass(frozen=True, slots=True)
class PlaceFinding:
    """An article's places, and where their doubtful mentions start (a reading that a
    reading in another country nearly matched, with nothing in the text to decide)."""

    places: tuple[Place, ...]
    doubtful: frozenset[int]


def locate_places(
    doc: Doc, gaz: GeoGazetteer, add_missed: bool = True, outlet: str | None = None
) -> PlaceFinding:
    """Pure: recognise the toponyms of ``doc`` and resolve them; one Place per place, with
    the doubtful mentions. ``outlet`` (the article's source hostname or URL) may tell where a
    local paper is."""
    toponyms = find_toponyms(doc, gaz, add_missed=add_missed)
    text = doc_text(doc)
    home = outlet_country(gaz, outlet) or station_country(text)
    spoken = None if home else language_country(doc.lang_)
    region, side = outlet_region(gaz, outlet), station_side(outlet)
    resolved = resolve_toponyms(gaz, toponyms, text, home, region, side, spoken=spoken)
    doubtful = frozenset(r.toponym.start for r in resolved if r.doubtful)
    return PlaceFinding(tuple(places_from(resolved, doc_text(doc))), doubtful)


def find_places(
    doc: Doc, gaz: GeoGazetteer, add_missed: bool = True, outlet: str | None = None
) -> list[Place]:
    """Pure: recognise the toponyms of ``doc``, resolve them, return one Place per place."""
    return list(locate_places(doc, gaz, add_missed, outlet).places)
