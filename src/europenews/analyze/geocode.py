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
from dataclasses import dataclass, field, replace

from europenews.analyze.geonames import Gazetteer, GeoEntry, distance_km, name_key
from europenews.analyze.toponyms import Toponym

FEATURE_BONUS = {"country": 1.5, "continent": 1.5, "region": 0.0, "city": 0.0, "county": 0.0}
COUNTRY_CONTEXT = 2.5  # the candidate's country is named or implied elsewhere in the article
REGION_CONTEXT = 2.0  # the candidate city's region is named in the article
QUALIFIER = 4.0  # "City, Region" / "City, Country" written together
NEAR = 1.0  # within NEAR_KM of a confidently resolved place
NEAR_KM = 300.0
CONFIDENT_MARGIN = 1.0
# A town named inside an organisation's or person's name must be this big to count
# ("CTV Edmonton" yes; "University" of Texas, a hamlet in the gazetteer, no).
WEAK_MIN_POPULATION = 50000
# A town reached through one of its alternate names only when it is this big: the alternate
# names of mid-sized towns hold many words and names that are not about them ("Xinhua").
ALIAS_MIN_POPULATION = 100000
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
    base = _COUNTY.sub("", toponym.text)
    if base != toponym.text:
        # A county's namesake town in the same state is nearer to it than the state's point.
        counties = [c for c in gaz.candidates(base + " County") if c.feature == "county"]
        if counties:
            named = {c.region: c.name for c in counties}
            return counties + [
                replace(e, feature="county", name=named[e.region], geonames_id=None)
                for e in gaz.candidates(base)
                if e.feature == "city" and e.region in named
            ]
    key = name_key(toponym.text)
    found = [
        e
        for e in gaz.candidates(toponym.text)
        if e.feature != "city" or e.population >= ALIAS_MIN_POPULATION or name_key(e.name) == key
    ]
    if found:
        return found
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


@dataclass(slots=True)
class _Context:
    """What the other names of the article say: country and region votes, anchor cities."""

    country_votes: Counter[str] = field(default_factory=Counter)
    region_votes: Counter[str] = field(default_factory=Counter)
    anchors: dict[str, GeoEntry] = field(default_factory=dict)  # confident cities by name key


def _score(
    e: GeoEntry,
    key: str,
    own: tuple[GeoEntry, float] | None,
    qualifiers: list[GeoEntry],
    ctx: _Context,
) -> float:
    """The evidence for reading ``key`` as ``e``; ``own`` is the name's own vote, not counted."""
    s = prior(e)
    own_entry, weight = own if own else (None, 0.0)
    votes = ctx.country_votes[e.country]
    if own_entry is not None and own_entry.country == e.country:
        votes -= weight
    if e.country and votes > 0:
        s += COUNTRY_CONTEXT
    if e.feature in ("city", "county"):
        rvotes = ctx.region_votes[e.region]
        if own_entry is not None and own_entry.feature == "region" and own_entry.region == e.region:
            rvotes -= weight
        if rvotes > 0:
            s += REGION_CONTEXT
    if _qualified(e, qualifiers):
        s += QUALIFIER
    if e.feature in ("city", "county") and any(
        distance_km(e.lat, e.lon, a.lat, a.lon) < NEAR_KM
        for k, a in ctx.anchors.items()
        if k != key
    ):
        s += NEAR
    return s


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
    confident: set[str] = set()
    for k, options in cands.items():
        if not options:
            continue
        ranked = sorted(options, key=prior, reverse=True)
        first[k] = ranked[0]
        if (
            len(ranked) == 1
            or prior(ranked[0]) - prior(ranked[1]) >= CONFIDENT_MARGIN
            or ranked[0].feature in ("country", "continent")
        ):
            confident.add(k)
    # Names seen only inside organisations' or people's names give no context of their own.
    strong = {k for k, t in zip(keys, toponyms, strict=True) if not t.weak}
    ctx = _Context(anchors={k: first[k] for k in confident if first[k].feature == "city"})
    own: dict[str, tuple[GeoEntry, float]] = {}
    for k, e in first.items():
        if k not in strong:
            continue
        own[k] = (e, 1.0 if k in confident else 0.5)
        if e.country:
            ctx.country_votes[e.country] += own[k][1]
        if e.feature == "region":
            ctx.region_votes[e.region] += own[k][1]

    # Pass 2: rescore with the context that the other names give.
    chosen: dict[str, GeoEntry] = {}
    qualified: set[str] = set()  # names written with a qualifier that fits their reading
    for k, options in cands.items():
        if not options:
            continue
        qualifiers = [e for q in quals.get(k, ()) for e in cands.get(q, ())]
        chosen[k] = max(options, key=lambda e, k=k, q=qualifiers: _score(e, k, own.get(k), q, ctx))
        if _qualified(chosen[k], qualifiers):
            qualified.add(k)

    out = []
    for k, t in zip(keys, toponyms, strict=True):
        e = chosen.get(k)
        if e is None:
            continue
        if t.weak and k not in strong | qualified and not _supported(e, t, ctx.country_votes):
            continue
        out.append(Resolved(t, e))
    return out


def _qualified(entry: GeoEntry, qualifiers: list[GeoEntry]) -> bool:
    """Whether a qualifier written next to the name ("…, Ky.") contains this reading."""
    for q in qualifiers:
        if q.feature == "region" and entry.feature != "region" and entry.region == q.region:
            return True
        if q.feature == "country" and entry.feature != "country" and entry.country == q.country:
            return True
    return False


def _supported(entry: GeoEntry, toponym: Toponym, country_votes: Counter[str]) -> bool:
    """Whether a weak toponym's reading fits the article: a country, or a region or sizeable
    town, called by its own name, in a country that the article's place names point to."""
    if entry.feature in ("country", "continent"):
        return True
    if country_votes[entry.country] <= 0:
        return False
    if entry.feature == "region":
        return True
    return entry.population >= WEAK_MIN_POPULATION and name_key(entry.name) == name_key(
        toponym.text
    )
