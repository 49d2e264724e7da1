"""Toponym resolution: pick the gazetteer record each toponym of an article refers to.

A score per candidate adds up evidence, in log-population units:
- the prior: log10 of the population (regions get a stand-in), plus a bonus for countries
  and continents, whose names are rarely used for anything else;
- the article's other places: a candidate in a country that other toponyms name or lie in
  ("Kherson" with "Ukraine" nearby), or in a region the article names;
- a qualifier written next to it ("Louisville, Ky.", "Paris, France");
- nearness to the cities that the prior alone resolves with confidence.
All mentions of one name get one reading (one sense per discourse).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from europenews.analyze.geonames import Gazetteer, GeoEntry, distance_km, name_key
from europenews.analyze.toponyms import Toponym

FEATURE_BONUS = {"country": 1.5, "continent": 1.5, "region": 0.0, "city": 0.0, "county": 0.0}
COUNTRY_CONTEXT = 2.5  # the candidate's country is named or implied elsewhere in the article
REGION_CONTEXT = 2.0  # the candidate city's region is named in the article
QUALIFIER = 4.0  # "City, Region" / "City, Country" written together
NEAR = 1.0  # within NEAR_KM of a confidently resolved place
NEAR_KM = 300.0
CONFIDENT_MARGIN = 1.0
_COUNTY = re.compile(r"\s+(?:County|Co\.|COUNTY|CO\.|Co)$")
_KIND = re.compile(
    r"\s+(?:region|province|oblast|governorate|state|district|prefecture|city)$", re.I
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A toponym and the record it was resolved to."""

    toponym: Toponym
    entry: GeoEntry


def candidates_for(gaz: Gazetteer, toponym: Toponym) -> list[GeoEntry]:
    """Return the records a toponym may name; "… County" reads as the county's namesake town."""
    if toponym.demonym:
        entry = gaz.demonym(toponym.text)
        return [entry] if entry else []
    found = gaz.candidates(toponym.text)
    if found:
        return found
    county = _COUNTY.sub("", toponym.text)
    if county != toponym.text:
        # No county polygons in the gazetteer: its namesake town is the nearest stand-in.
        return [replace(e, feature="county") for e in gaz.candidates(county) if e.feature == "city"]
    kind = _KIND.sub("", toponym.text)
    if kind != toponym.text:
        found = gaz.candidates(kind)
        regions = [e for e in found if e.feature == "region"]
        return regions or found
    return []


def prior(entry: GeoEntry) -> float:
    return math.log10(entry.population + 10) + FEATURE_BONUS.get(entry.feature, 0.0)


def _key(toponym: Toponym) -> str:
    return ("~" if toponym.demonym else "") + name_key(toponym.text)


def _qualifiers(toponyms: list[Toponym], text: str) -> dict[int, int]:
    """Index of a toponym → index of the toponym that qualifies it ("Louisville" → "Ky.")."""
    out = {}
    for i in range(len(toponyms) - 1):
        a, b = toponyms[i], toponyms[i + 1]
        if not a.demonym and not b.demonym and text[a.end : b.start].strip() == ",":
            out[i] = i + 1
    return out


def _countries_of(entry: GeoEntry) -> set[str]:
    return {entry.country} if entry.country else set()


def resolve_toponyms(gaz: Gazetteer, toponyms: list[Toponym], text: str) -> list[Resolved]:
    """Return each toponym that could be resolved, with its record."""
    keys = [_key(t) for t in toponyms]
    cands: dict[str, list[GeoEntry]] = {}
    for k, t in zip(keys, toponyms, strict=True):
        if k not in cands:
            cands[k] = candidates_for(gaz, t)
    quals: dict[str, set[str]] = {}
    for i, j in _qualifiers(toponyms, text).items():
        quals.setdefault(keys[i], set()).add(keys[j])

    # Pass 1: the prior alone; confident readings become the article's context.
    first: dict[str, GeoEntry] = {}
    confident: dict[str, GeoEntry] = {}
    for k, options in cands.items():
        if not options:
            continue
        ranked = sorted(options, key=prior, reverse=True)
        first[k] = ranked[0]
        if len(ranked) == 1 or prior(ranked[0]) - prior(ranked[1]) >= CONFIDENT_MARGIN or (
            ranked[0].feature in ("country", "continent")
        ):
            confident[k] = ranked[0]
    country_votes: Counter[str] = Counter()
    region_votes: Counter[str] = Counter()
    for k, e in first.items():
        weight = 1.0 if k in confident else 0.5
        for cc in _countries_of(e):
            country_votes[cc] += weight
        if e.feature == "region":
            region_votes[e.region] += weight

    anchors = {k: e for k, e in confident.items() if e.feature == "city"}

    # Pass 2: rescore with the context that the other names give.
    chosen: dict[str, GeoEntry] = {}
    for k, options in cands.items():
        if not options:
            continue
        own = first.get(k)
        own_weight = 1.0 if k in confident else 0.5
        qual_entries = [first[q] for q in quals.get(k, ()) if q in first]
        qual_options = [e for q in quals.get(k, ()) for e in cands.get(q, ())]

        def score(e: GeoEntry, own: GeoEntry | None = own, w: float = own_weight) -> float:
            s = prior(e)
            votes = country_votes[e.country] - (w if own and own.country == e.country else 0)
            if e.country and votes > 0:
                s += COUNTRY_CONTEXT
            if e.feature in ("city", "county"):
                rvotes = region_votes[e.region] - (
                    w if own and own.feature == "region" and own.region == e.region else 0
                )
                if rvotes > 0:
                    s += REGION_CONTEXT
            for q in qual_options or qual_entries:
                if q.feature == "region" and e.region == q.region and e.feature != "region":
                    s += QUALIFIER
                    break
                if q.feature == "country" and e.country == q.country and e.feature != "country":
                    s += QUALIFIER
                    break
            if e.feature in ("city", "county") and any(
                distance_km(e.lat, e.lon, a.lat, a.lon) < NEAR_KM
                for ak, a in anchors.items()
                if ak != k
            ):
                s += NEAR
            return s

        chosen[k] = max(options, key=score)

    return [Resolved(t, chosen[k]) for k, t in zip(keys, toponyms, strict=True) if k in chosen]
