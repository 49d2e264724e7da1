"""Toponym resolution: pick the gazetteer record each toponym of an article refers to.

A score per candidate adds up evidence, in log-population units:
- the prior: log10 of the population (regions get a stand-in), plus a bonus for countries
  and continents, whose names are rarely used for anything else;
- the article's other places: a candidate in a country that other toponyms name or lie in
  ("Kherson" with "Ukraine" nearby), or in a region the article names, a little more the
  more often they are mentioned; a region that holds the article's towns;
- a qualifier written next to it ("Louisville, Ky.", "Paris, France"), and for a region or
  country the town it qualifies ("Bronx, New York") or a state word after it ("New York
  Gov."); names listed with it ("New South Wales and Queensland": one kind, one country);
- nearness to the cities that the prior alone resolves with confidence, and to a reading
  of another name of the article ("Edmonton" and "Enfield": both in north London).
A town named alone in a dateline ("WASHINGTON —") is a well-known one. All mentions of one
name get one reading (one sense per discourse).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from europenews.analyze.places.frame import (
    POLICE_CUE,
    SMALL_TOWN,
    WEAK_MIN_POPULATION,
    beside_anchor,
    family_votes,
    frame_without,
    local_readings,
    outside_frame,
    supported,
)
from europenews.analyze.places.geonames import GeoEntry, GeoGazetteer, distance_km, place_key
from europenews.analyze.places.listing import (
    contradicted,
    holds,
    qualified_by,
    qualifiers_of,
    siblings_of,
)
from europenews.analyze.places.namesakes import city_rivals
from europenews.analyze.places.neighbours import neighbour, town_cells
from europenews.analyze.places.outlet import on_side
from europenews.analyze.places.toponym_forms import VAGUE, dateline
from europenews.analyze.places.toponyms import Toponym

FEATURE_BONUS = {"country": 1.5, "continent": 1.5, "region": 0.0, "city": 0.0, "county": 0.0}
COUNTRY_CONTEXT = 2.5  # the candidate's country is named or implied elsewhere in the article
REGION_CONTEXT = 2.0  # the candidate city's region is named in the article
QUALIFIER = 4.0  # "City, Region" / "City, Country" written together
NEAR = 1.0  # within NEAR_KM of a confidently resolved place
NEAR_KM = 300.0
# How often the article mentions a candidate's country or region breaks ties between readings
# that both have context ("Monroe County" with "Missouri" eleven times and "Indiana" twice).
MENTION_SHARE = 0.3
# Two names of the article that can be read as towns next to each other (within one grid
# cell, about 50 km) are rarely so by chance ("Edmonton" and "Enfield" in north London).
NEIGHBOUR = 1.5
DATELINE_TOWN = 100000  # a town named alone in a dateline is at least this big
HOME_VOTE = 1.0  # the outlet's home country counts as one confidently read name
# A reading whose best rival in another country scores within this margin is doubtful: good
# enough to list, not to place an event at (log10 units: a rival a thirtieth of its size).
DOUBT_MARGIN = 1.5
# Names listed together ("New South Wales, Western Australia and Queensland") are usually
# places of one kind in one country.
SIBLING = 2.0
# Words after a name that make it a state or province ("New York Gov. Andrew Cuomo",
# "Washington state", "the Alberta legislature").
_REGION_CUE = re.compile(
    r"\s+(?:Gov\.|Governor|Lt\.? Gov|Lieutenant Governor|Premier|state\b|[Ss]tate "
    r"(?:Senate|House|Assembly|[Ll]egislature|Capitol|Police|Patrol)|[Ll]egislature|"
    r"Legislative Assembly|Attorney General|Secretary of State|Supreme Court)"
)
CONFIDENT_MARGIN = 1.0
WEAK_REGION_VOTE = 0.5  # a state named inside an organisation's name, for its towns
# A town reached through one of its alternate names only when it is this big: the alternate
# names of mid-sized towns hold many words and names that are not about them ("Xinhua").
ALIAS_MIN_POPULATION = 100000
_COUNTY = re.compile(r"\s+(?:County|Co\.|COUNTY|CO\.|Co)$")
_MOUNT = re.compile(r"Mt\.?\s+(?=[A-Z])")
_KIND = re.compile(
    r"\s+(?:region|province|oblast|governorate|state|district|prefecture|city)$", re.I
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A toponym and the record it was resolved to; ``doubtful`` when a reading in another
    country came close and nothing in the text carried this one ("Norfolk" alone: the
    English county or the Virginian city)."""

    toponym: Toponym
    entry: GeoEntry
    doubtful: bool = False


def _name_key(name: str) -> str:
    """``place_key`` with "Mt." written out: "Mt Pleasant" and "Mount Pleasant" are one name."""
    return place_key(_MOUNT.sub("Mount ", name))


def candidates_for(gaz: GeoGazetteer, toponym: Toponym) -> list[GeoEntry]:
    """Return the records a toponym may name ("… County" and "… Co." name US counties)."""
    if toponym.demonym:
        entry = gaz.demonym(toponym.text)
        return [entry] if entry else []
    base = _COUNTY.sub("", toponym.text)
    if base != toponym.text:
        # Counties stand at the mean point of their towns: nearer than a namesake town, which
        # often lies in another county ("Plymouth" is not in Plymouth County, Iowa).
        counties = [c for c in gaz.candidates(base + " County") if c.feature == "county"]
        if counties:
            return counties
    key = _name_key(toponym.text)
    listed = gaz.candidates(toponym.text)
    if _MOUNT.match(toponym.text):
        # "Mt. Pleasant" is a Mount Pleasant: GeoNames spells only a few of them "Mt", so the
        # abbreviation alone would pick one of those (in Canada) over every other.
        ids = {id(e) for e in listed}
        listed = listed + [e for e in gaz.candidates(_MOUNT.sub("Mount ", toponym.text))
                           if id(e) not in ids]
    found = [
        e
        for e in listed
        if e.feature != "city" or e.population >= ALIAS_MIN_POPULATION or _name_key(e.name) == key
    ]
    if any(
        e.feature == "city" and _name_key(e.name) == key and e.population >= ALIAS_MIN_POPULATION
        for e in found
    ):
        # A big town called by its own name beats one whose old or foreign name it is
        # ("Philadelphia" is not Amman), not one it is a short form of ("Newcastle").
        found = [e for e in found if e.feature != "city" or key in _name_key(e.name)]
    if found:
        return city_rivals(found)
    kind = _KIND.sub("", toponym.text)
    if kind != toponym.text:
        # The word says which kind: "Kherson region" is the region, "York City" the town.
        found = gaz.candidates(kind)
        if toponym.text.lower().endswith(" city"):  # by its own name ("North City": none)
            town = key[:-5]
            return [e for e in found if e.feature == "city" and place_key(e.name) == town
                    and town not in VAGUE and town not in gaz.common]
        return [e for e in found if e.feature == "region"] or found
    return []


def prior(entry: GeoEntry) -> float:
    return math.log10(entry.population + 10) + FEATURE_BONUS.get(entry.feature, 0.0)


def _key(toponym: Toponym) -> str:
    return ("~" if toponym.demonym else "") + place_key(toponym.text)


@dataclass(slots=True)
class _Context:
    """What the other names of the article say: country and region votes, anchor cities."""

    # Votes are weights (1.0 for a confident reading, 0.5 for another): floats, read by key only.
    country_votes: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    region_votes: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    country_mentions: Counter[str] = field(default_factory=Counter)
    weak_country_votes: Counter[str] = field(default_factory=Counter)
    weak_voters: dict[str, str] = field(default_factory=dict)  # name key → country it hints
    region_mentions: Counter[str] = field(default_factory=Counter)
    anchors: dict[str, GeoEntry] = field(default_factory=dict)  # confident cities by name key
    # Grid cell → name keys with a town reading there (names with few readings only).
    cells: dict[tuple[int, int], set[str]] = field(default_factory=dict)
    side: str | None = None  # the outlet's side of the Mississippi, from its call sign
    spoken_home: str | None = None  # the home given by the article's language only


def _score(
    e: GeoEntry,
    key: str,
    own: tuple[GeoEntry, float] | None,
    qualifiers: list[GeoEntry],
    ctx: _Context,
    mentions: int = 1,
    siblings: list[GeoEntry] | None = None,
    container: bool = False,
) -> float:
    """The evidence for reading ``key`` as ``e``; ``own`` is the name's own vote and
    ``mentions`` how often the name occurs, neither counted; ``siblings`` the readings of
    the names listed with it; ``container`` whether ``e`` is a region or country that the
    text writes as one (a state word after the name, or a town it qualifies)."""
    s = prior(e)
    own_entry, weight = own if own else (None, 0.0)
    votes = ctx.country_votes[e.country]
    if own_entry is not None and own_entry.country == e.country:
        votes -= weight
    votes += ctx.weak_country_votes[e.country] - (ctx.weak_voters.get(key) == e.country)
    if e.country and votes > 0:
        s += COUNTRY_CONTEXT
        others = ctx.country_mentions[e.country]
        if own_entry is not None and own_entry.country == e.country:
            others -= mentions
        s += MENTION_SHARE * math.log1p(max(0, others))
    if e.feature in ("city", "county"):
        rvotes = ctx.region_votes[e.region]
        others = ctx.region_mentions[e.region]
        if own_entry is not None and own_entry.feature == "region" and own_entry.region == e.region:
            rvotes -= weight
            others -= mentions
        if rvotes > 0:
            s += REGION_CONTEXT + MENTION_SHARE * math.log1p(max(0, others))
    elif e.feature == "region" and any(
        a.region == e.region for k, a in ctx.anchors.items() if k != key
    ):
        s += NEAR  # a region that holds the article's confidently read towns ("Quebec")
    if qualified_by(e, qualifiers) or container:
        s += QUALIFIER
    if siblings and any(f.feature == e.feature and f.country == e.country for f in siblings):
        s += SIBLING
    if e.feature in ("city", "county") and any(
        distance_km(e.lat, e.lon, a.lat, a.lon) < NEAR_KM
        for k, a in ctx.anchors.items()
        if k != key
    ):
        s += NEAR
    if e.feature in ("city", "county") and neighbour(e, key, ctx.cells):
        s += NEIGHBOUR
    if on_side(e, ctx.side):
        s += NEAR  # a K station reports towns west of the Mississippi, a W station east
    return s


def resolve_toponyms(
    gaz: GeoGazetteer,
    toponyms: list[Toponym],
    text: str,
    home: str | None = None,
    home_region: str | None = None,
    side: str | None = None,
    spoken: str | None = None,
) -> list[Resolved]:
    """Return each toponym that could be resolved, with its record. ``home`` is the country of
    the outlet (``outlet.py``): one vote for it, as if the article named it once;
    ``home_region`` its state, when its hostname says ("US.NY"): one vote for that state;
    ``side`` the side of the Mississippi a US station's call sign says ("east", "west");
    ``spoken`` the country the article's language is written in when the outlet gives no home:
    it frames out villages and small towns abroad that nothing else in the text supports, and
    lends no support of its own (the gazetteer holds common words of a language as its
    country's villages: "Włochy", Polish for Italy, is a district of Warsaw), nor frames out a
    sizeable city (a Czech report names "Frankfurt" without its "Německo", a form the gazetteer
    cannot read)."""
    keys = [_key(t) for t in toponyms]
    cands: dict[str, list[GeoEntry]] = {}
    for k, t in zip(keys, toponyms, strict=True):
        if k not in cands:
            cands[k] = candidates_for(gaz, t)
    quals: dict[str, set[str]] = {}
    qualifies: dict[str, set[str]] = {}
    for i, j in qualifiers_of(toponyms, text).items():
        quals.setdefault(keys[i], set()).add(keys[j])
        qualifies.setdefault(keys[j], set()).add(keys[i])
    cued = {k for k, t in zip(keys, toponyms, strict=True) if _REGION_CUE.match(text, t.end)}
    policed = {k for k, t in zip(keys, toponyms, strict=True) if POLICE_CUE.match(text, t.end)}
    listed: dict[str, set[str]] = {}
    for i, others in siblings_of(toponyms, text).items():
        listed.setdefault(keys[i], set()).update(keys[j] for j in others if keys[j] != keys[i])

    # Pass 1: the prior alone; confident readings become the article's context.
    first: dict[str, GeoEntry] = {}
    confident: set[str] = set()
    country_sure: set[str] = set()
    for k, options in cands.items():
        if not options:
            continue
        ranked = sorted(options, key=prior, reverse=True)
        first[k] = ranked[0]
        if (
            (len(ranked) == 1 and (_sized(ranked[0]) or k in quals))
            or (len(ranked) > 1 and prior(ranked[0]) - prior(ranked[1]) >= CONFIDENT_MARGIN)
            or ranked[0].feature in ("country", "continent")
        ):
            confident.add(k)
        elif _sized(ranked[0]) and all(e.country == ranked[0].country for e in ranked
                 if prior(e) > prior(ranked[0]) - CONFIDENT_MARGIN):
            # Its close readings all lie in one country ("New York": the state or the city):
            # the name points to that country with confidence, whichever it means.
            country_sure.add(k)
    # Names seen only inside organisations' or people's names give no context of their own.
    strong = {k for k, t in zip(keys, toponyms, strict=True) if not t.weak}
    counts = Counter(k for k, t in zip(keys, toponyms, strict=True) if not t.weak)
    ctx = _Context(
        anchors={k: first[k] for k in confident if first[k].feature == "city"},
        cells=town_cells(cands, prior),
        side=side,
        spoken_home=spoken,
    )
    if home:
        ctx.country_votes[home] += HOME_VOTE
    if home_region:
        ctx.region_votes[home_region] += HOME_VOTE
    own: dict[str, tuple[GeoEntry, float]] = {}
    single = {k for k, options in cands.items() if len(options) == 1}
    for k, e in first.items():
        if k not in strong:
            if k in confident | country_sure and (
                (e.feature == "city" and e.population >= WEAK_MIN_POPULATION)
                or (e.feature in ("region", "county") and k in single)
            ):
                # A sizeable town, a state or a county read with confidence inside an
                # organisation's name ("Cairns Police", "the Missouri State Highway Patrol")
                # hints at the country and the state, for the other names only.
                ctx.weak_country_votes[e.country] += 1
                ctx.weak_voters[k] = e.country
                if e.feature != "city":
                    ctx.region_votes[e.region] += WEAK_REGION_VOTE
            continue
        own[k] = (e, 1.0 if k in confident | country_sure else 0.5)
        if e.country:
            ctx.country_votes[e.country] += own[k][1]
            ctx.country_mentions[e.country] += counts[k]
        if e.feature == "region" or (e.feature == "county" and k in single):
            # A state, or a county of one state only ("Gilmer County" is in two states).
            ctx.region_votes[e.region] += own[k][1]
            ctx.region_mentions[e.region] += counts[k]

    weights = {k: w for k, (_, w) in own.items()}
    own = family_votes(own)

    # Pass 2: rescore with the context that the other names give.
    chosen: dict[str, GeoEntry] = {}
    qualified: set[str] = set()  # names written with a qualifier that fits their reading
    close: set[str] = set()  # names with a reading abroad that scored nearly as well
    datelines = {k for k, t in zip(keys, toponyms, strict=True) if dateline(text, t.start, t.end)}
    for k, options in cands.items():
        if not options:
            continue
        if k in datelines and k not in quals:
            # A dateline names a town without its state only when the town is well known
            # ("WASHINGTON —" is the capital, whatever the story is about).
            known = [e for e in options if e.feature == "city" and e.population >= DATELINE_TOWN]
            if not any(_support(e, k, own.get(k), ctx) > 0 for e in known):
                # None of them in a country the article points to: a local paper's dateline
                # names its own town, one in the country that the article's other names (or
                # its outlet) are in ("LIMA —" over a report about Allen County, Ohio).
                known += [
                    e
                    for e in options
                    if e.feature == "city" and _support(e, k, own.get(k), ctx) > 0
                ]
            options = known or options
        if k in policed:
            # A force is a town's or a county's ("Nassau police" may be Nassau County's): when
            # the frame rules out the reading the prior prefers, one in the frame.
            votes = Counter(ctx.country_votes) + Counter(ctx.weak_country_votes)
            vote = (own[k][0].country, own[k][1]) if k in own else None
            counties = [e for e in gaz.candidates(k + " county") if e.feature == "county"]
            local = local_readings(options + counties, votes, vote)
            if first[k] not in local:
                options = local
        qualifiers = [e for q in quals.get(k, ()) for e in cands.get(q, ())]
        if contradicted(options, qualifiers):
            continue
        siblings = [first[j] for j in listed.get(k, ()) if j in first]
        # Written as the qualifier of a town ("Bronx, New York"): the state or country.
        held = [e for j in qualifies.get(k, ()) for e in cands.get(j, ())]

        def score(
            e: GeoEntry,
            k: str = k,
            q: list[GeoEntry] = qualifiers,
            b: list[GeoEntry] = siblings,
            h: list[GeoEntry] = held,
        ) -> float:
            container = (k in cued and e.feature == "region") or holds(e, h)
            return _score(e, k, own.get(k), q, ctx, counts[k], b, container)

        chosen[k] = max(options, key=score)
        if qualified_by(chosen[k], qualifiers):
            qualified.add(k)
        rivals = [score(e) for e in options if e.country != chosen[k].country]
        if rivals and score(chosen[k]) - max(rivals) < DOUBT_MARGIN:
            close.add(k)

    out = []
    # Written with a fitting qualifier, as the state or country of a town, or as a dateline's
    # well-known town (a small one abroad is no local paper's home: "FRONTON —" in Texas).
    carried = set(qualified)
    carried |= {k for k in qualifies if k in chosen and chosen[k].feature in ("region", "country")}
    carried |= {k for k in datelines if k in chosen and chosen[k].population >= DATELINE_TOWN}
    # The frame is what the names are read as now, not their first readings: two small
    # names that only the prior put abroad no longer hold each other there.
    now = {k: (chosen[k], weights[k]) for k in weights if k in chosen}
    ctx.country_votes = defaultdict(float)
    if home:
        ctx.country_votes[home] += HOME_VOTE
    for e, w in now.values():
        if e.country:
            ctx.country_votes[e.country] += w
    own = family_votes(now)
    for k, t in zip(keys, toponyms, strict=True):
        reading = chosen.get(k)
        if reading is None:
            continue
        # A small town named only inside an organisation's name beside a town the article
        # names ("Harrowgate Fire Station"): listed, but too weak to place an event at.
        beside = False
        if t.weak and k not in strong | carried and not supported(reading, t, ctx.country_votes):
            if not beside_anchor(reading, k, ctx.anchors, ctx.country_votes):
                continue
            beside = True
        if k not in carried and _outside(reading, k, own.get(k), ctx):
            continue
        out.append(Resolved(t, reading, doubtful=beside or (k in close and k not in carried)))
    return out


def _sized(entry: GeoEntry) -> bool:
    """Whether a name's only reading is big enough to be surely what the name means: a village
    or a small district ("Long Island" in the Bahamas) is often the gazetteer's only record of
    a name that means a place it lacks. A county's size is a stand-in: it counts as big."""
    return entry.feature == "county" or entry.population >= SMALL_TOWN


def _support(
    reading: GeoEntry, key: str, own: tuple[GeoEntry, float] | None, ctx: _Context
) -> float:
    """How strongly the article's other names point to the reading's country (its own name's
    vote left out)."""
    others = ctx.country_votes[reading.country] + ctx.weak_country_votes[reading.country]
    if own is not None and own[0].country == reading.country:
        others -= own[1]
    if ctx.weak_voters.get(key) == reading.country:
        others -= 1
    return others


def _outside(
    reading: GeoEntry, key: str, own: tuple[GeoEntry, float] | None, ctx: _Context
) -> bool:
    """Whether a reading lies outside the frame that the article's other names give."""
    vote = (own[0].country, own[1]) if own else None
    votes: Mapping[str, float] = ctx.country_votes
    spoken = ctx.spoken_home
    if spoken and reading.population < SMALL_TOWN and reading.country != spoken:
        votes = {**votes, spoken: votes.get(spoken, 0.0) + HOME_VOTE}
    frame = frame_without(votes, vote)
    return outside_frame(reading, frame, _support(reading, key, own, ctx))

