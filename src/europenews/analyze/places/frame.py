"""The article's geographic frame: the country its place names point to, and the readings
that lie outside it without anything in the text to carry them there.

A local report names its own country's towns and states over and over ("Columbus, Ohio",
"Franklin County", "Ohio State"); a name read as a small place in some other country that
nothing else in the text points to ("Metro" in Indonesia, "Gulf" in Papua New Guinea in a
report from Biloxi) is then a word, not a place. A reading outside the frame stays when the
text carries it: a qualifier ("Man, Ivory Coast"), a dateline, another name in its country
(a country name, a demonym, a town there), or a place big enough to be named on its own
("Paris", "Aleppo").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from europenews.analyze.places.geonames import GeoEntry, distance_km, place_key
from europenews.analyze.places.toponyms import Toponym

# Evidence (confident readings weigh 1, others 0.5) that the other names of the article must
# give one country before that country frames the article.
FRAME_MIN = 1.5
# A town this big (capitals count five times their population in the gazetteer) is named in
# reports from anywhere without its country.
PROMINENT = 1_000_000
# A village or small town abroad that nothing else in the text points to is taken for a word
# as soon as one confident name (or the outlet) frames the article elsewhere.
SMALL_TOWN = 20_000
SMALL_FRAME_MIN = 1.0
# A town named inside an organisation's or person's name must be this big to count
# ("CTV Edmonton" yes; "University" of Texas, a hamlet in the gazetteer, no).
WEAK_MIN_POPULATION = 50000
# ... unless it lies this close to a town the article names with confidence: "Hornsey fire
# station" in a report from London is the neighbourhood it says, however small.
ANCHOR_KM = 25.0
# A kind word after a name key ("york city", "kherson region"): the same name.
_KIND_WORD = re.compile(
    r"\s+(?:region|province|oblast|governorate|state|district|prefecture|city)$"
)


@dataclass(frozen=True, slots=True)
class Frame:
    """The country the article's other names point to, and how strongly (a vote total)."""

    country: str | None
    votes: float


def frame_without(votes: Mapping[str, float], own: tuple[str, float] | None) -> Frame:
    """The frame the other names give, with the name's own vote (its country, its weight)
    taken out."""
    best: str | None = None
    top = 0.0
    for country, total in votes.items():
        if own is not None and own[0] == country:
            total -= own[1]
        if country and total > top:
            best, top = country, total
    return Frame(best, top)


def outside_frame(entry: GeoEntry, frame: Frame, support: float) -> bool:
    """Whether a reading lies outside the article's frame with nothing to carry it there:
    a town or region in a country that no other name points to (``support`` is their vote
    for its country), while the others frame the article elsewhere, and too small to be
    named on its own."""
    if entry.feature in ("country", "continent") or support > 0:
        return False
    if frame.country is None or frame.country == entry.country:
        return False
    if entry.population < SMALL_TOWN:
        return frame.votes >= SMALL_FRAME_MIN  # a village abroad needs its country named
    return frame.votes >= FRAME_MIN and entry.population < PROMINENT


def family_votes(own: dict[str, tuple[GeoEntry, float]]) -> dict[str, tuple[GeoEntry, float]]:
    """Each name's own vote, with the votes of the other spellings of the same name for the
    same country ("York City" and "York"): one name does not frame the article for itself."""
    family: defaultdict[tuple[str, str], float] = defaultdict(float)
    for k, (e, w) in own.items():
        family[(_KIND_WORD.sub("", k), e.country)] += w
    return {k: (e, family[(_KIND_WORD.sub("", k), e.country)]) for k, (e, w) in own.items()}


# A name before a police word names a local force: "Nassau police" in a report from New York
# is Nassau County's, not the Bahamas' (whose force is named otherwise).
POLICE_CUE = re.compile(r"\s+(?:[Pp]olice|POLICE|[Ss]heriff|SHERIFF|PD)\b")


def local_readings(
    options: list[GeoEntry], votes: Mapping[str, float], own: tuple[str, float] | None
) -> list[GeoEntry]:
    """The readings of a name before a police word in the country the article's other names
    (or its outlet alone) frame it in (``votes``, the name's own vote taken out), when the
    name can be read there; readings in a country the others point to as strongly stay."""
    frame = frame_without(votes, own)
    if frame.country is None or frame.votes < SMALL_FRAME_MIN:
        return options

    def others(country: str) -> float:
        return votes.get(country, 0.0) - (own[1] if own and own[0] == country else 0.0)

    local = [e for e in options if e.country == frame.country or others(e.country) >= frame.votes]
    return local or options


def supported(entry: GeoEntry, toponym: Toponym, country_votes: Mapping[str, float]) -> bool:
    """Whether a weak toponym's reading fits the article: a country, or a region or sizeable
    town, called by its own name, in a country that the article's place names point to
    (a county too: "Los Angeles County Sheriff's Department")."""
    if entry.feature in ("country", "continent"):
        return True
    if country_votes.get(entry.country, 0.0) <= 0:
        return False
    if entry.feature in ("region", "county"):
        return True
    return entry.population >= WEAK_MIN_POPULATION and place_key(entry.name) == place_key(
        toponym.text
    )


def beside_anchor(
    reading: GeoEntry, key: str, anchors: Mapping[str, GeoEntry], votes: Mapping[str, float]
) -> bool:
    """Whether a weak name's town reading lies beside a town the article names with
    confidence (``anchors``, by name key), in a country the article points to."""
    return (
        reading.feature == "city"
        and votes.get(reading.country, 0.0) > 0
        and any(
            distance_km(reading.lat, reading.lon, a.lat, a.lon) <= ANCHOR_KM
            for k, a in anchors.items()
            if k != key
        )
    )
