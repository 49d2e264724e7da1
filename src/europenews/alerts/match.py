"""Does a story fire a rule? Pure, over what the store says about the story (:class:`StoryFacts`).

Every condition of a rule must hold. The casualty condition (``killed_at_least``,
``injured_at_least``) asks whether the story's incident reached the number: the probability
``alerts.toll`` gives from the story's figures of that kind that reach it (how confident the
figure model was of them, how many outlets give them, how many stay below) must reach the
rule's ``confidence``, by default the level the toll model was chosen with on half A of the
shared GVA stories (:func:`alert_level`). That is not the page's question ("is this exact
figure right?"): "three dead" and "four killed" both say "at least three". The hit carries the
figure that reaches the number and is most confident, with its evidence, its confidence, whether
the page shows it, and the probability. Where the story is: the country most of its articles'
main events are in (their places when no event is placed), so a story that mentions a foreign
capital in passing is not moved there.

A hit carries the fact that fired it (:class:`AlertFact`), with the evidence to point to.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from europenews.alerts.rules import AlertRule, EventCondition
from europenews.alerts.toll import TollModel, toll_model
from europenews.stories.casualties import story_casualties
from europenews.storydata import ArticleFigure, StoryCasualty

EARTH_RADIUS_KM = 6371.0


def alert_level() -> float:
    """The probability a casualty condition needs unless the rule says otherwise
    (``event.confidence``): chosen with the toll model on half A of the shared GVA stories
    (``bench/train_alert_toll.py``: the lowest level with precision at least 0.95 there)."""
    return toll_model().level


@dataclass(frozen=True, slots=True)
class EventPoint:
    """One article's main event: where it is (any part may be unknown)."""

    article_id: str
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """What the rules read about one story (built by ``store/alert_facts.py``)."""

    story_id: str
    headline: str | None
    source_count: int
    breaking: bool
    first_seen: str | None = None  # its earliest publication date (ISO)
    figures: tuple[ArticleFigure, ...] = ()  # its articles' main-event figures
    events: tuple[EventPoint, ...] = ()
    place_countries: tuple[str, ...] = ()  # countries of its places, most articles first
    place_names: frozenset[str] = frozenset()  # lower-cased
    entity_ids: frozenset[int] = frozenset()
    # (speaker entity id, quote text) of its quotes with a resolved speaker.
    quotes: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Resolved:
    """What the store resolved for one rule: the canonical entities its names stand for and
    whether its search query matches one of the story's articles (None: no query)."""

    entity_ids: frozenset[int] = frozenset()
    speaker_ids: frozenset[int] = frozenset()
    query_matched: bool | None = None


@dataclass(frozen=True, slots=True)
class AlertFact:
    """Why a rule fired: the parts of the story that met its conditions."""

    parts: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.parts)


def main_country(facts: StoryFacts) -> str | None:
    """The country most of the story's main events are in (ties: the first event's), else
    the country most of its places are in, else None."""
    counts: dict[str, int] = {}
    for e in facts.events:
        if e.country:
            counts[e.country] = counts.get(e.country, 0) + 1
    if counts:
        return max(counts, key=lambda c: counts[c])  # dicts keep order: first event on ties
    return facts.place_countries[0] if facts.place_countries else None


def _reaching(casualties: Sequence[StoryCasualty], kind: str, least: int) -> StoryCasualty:
    """The story's value of ``kind`` that reaches ``least`` and is most confident (there is
    one: the toll model gives 0 otherwise)."""
    return max((c for c in casualties if c.kind == kind and not c.inferred_zero
                and c.value >= least),
               key=lambda c: (c.confidence, c.outlets, c.value))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _figure(c: StoryCasualty, probability: float) -> dict[str, Any]:
    return {"value": c.value, "given_by": list(c.given_by), "outlets": c.outlets,
            "confidence": c.confidence, "shown": c.shown, "probability": round(probability, 3),
            "evidence": [{"article": e.article_id, "start": e.start, "end": e.end,
                          "in_title": e.in_title} for e in c.evidence]}


def _event_parts(cond: EventCondition, facts: StoryFacts,
                 toll: TollModel | None) -> dict[str, Any] | None:
    parts: dict[str, Any] = {}
    counted = cond.killed_at_least is not None or cond.injured_at_least is not None
    model = toll or toll_model()
    level = model.level if cond.confidence is None else cond.confidence
    casualties = story_casualties(facts.figures) if counted else []
    for kind, least in (("killed", cond.killed_at_least), ("injured", cond.injured_at_least)):
        if least is None:
            continue
        least = max(least, 1)  # "at least 0" still asks for a figure of the kind to point to
        probability = model.probability(facts.figures, kind, least)
        if probability < level or probability <= 0.0:
            return None
        parts[kind] = _figure(_reaching(casualties, kind, least), probability)
    if cond.country is not None:
        country = main_country(facts)
        if country != cond.country:
            return None
        parts["country"] = country
    if cond.place is not None and cond.lat is None:
        wanted = cond.place.lower()
        at = [e for e in facts.events if e.place and e.place.lower() == wanted]
        if not at and wanted not in facts.place_names:
            return None
        parts["place"] = cond.place
    if (where := incident_where(facts)) is not None:
        parts["where"] = where
    if cond.lat is not None and cond.lon is not None and cond.radius_km is not None:
        near = [(round(distance_km(cond.lat, cond.lon, e.lat, e.lon), 1), e) for e in facts.events
                if e.lat is not None and e.lon is not None]
        near = [(d, e) for d, e in near if d <= cond.radius_km]
        if not near:
            return None
        d, e = min(near, key=lambda x: x[0])
        parts["near"] = {"place": e.place, "km": d, "article": e.article_id}
    return parts


# Two stories are one incident for an event rule when they fired within this many days of
# each other, at the same place (or this close), with tolls no further apart than this.
SAME_INCIDENT_DAYS = 2
SAME_INCIDENT_KM = 30.0
SAME_INCIDENT_TOLL = 1


def incident_where(facts: StoryFacts) -> dict[str, Any] | None:
    """Where and when the story's main events are: the place most of them name (with its
    point when known) and the story's first date; None when no event is placed."""
    placed = [e for e in facts.events if e.place]
    if not placed:
        return None
    counts: dict[str, int] = {}
    for e in placed:
        counts[e.place or ""] = counts.get(e.place or "", 0) + 1
    name = max(counts, key=lambda n: counts[n])
    point = next((e for e in placed if e.place == name and e.lat is not None), None)
    return {"place": name, "lat": point.lat if point else None,
            "lon": point.lon if point else None,
            "date": facts.first_seen[:10] if facts.first_seen else None}


def _day(value: object) -> int | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def same_incident(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Do two hits of an event rule report one incident (two stories the clusterer kept
    apart)? Same place or within :data:`SAME_INCIDENT_KM`, dates within
    :data:`SAME_INCIDENT_DAYS`, killed tolls within :data:`SAME_INCIDENT_TOLL`. Anything
    unknown on either side: not the same."""
    wa, wb = a.get("where"), b.get("where")
    if not isinstance(wa, dict) or not isinstance(wb, dict):
        return False
    da, db = _day(wa.get("date")), _day(wb.get("date"))
    if da is None or db is None or abs(da - db) > SAME_INCIDENT_DAYS:
        return False
    for kind in ("killed", "injured"):
        if (kind in a) != (kind in b):
            return False
        if kind in a and abs(a[kind]["value"] - b[kind]["value"]) > SAME_INCIDENT_TOLL:
            return False
    if str(wa.get("place", "")).lower() == str(wb.get("place", "")).lower():
        return True
    points = (wa.get("lat"), wa.get("lon"), wb.get("lat"), wb.get("lon"))
    if any(not isinstance(x, int | float) for x in points):
        return False
    lat1, lon1, lat2, lon2 = (float(x) for x in points)  # type: ignore[arg-type]
    return distance_km(lat1, lon1, lat2, lon2) <= SAME_INCIDENT_KM


def match_rule(rule: AlertRule, facts: StoryFacts, resolved: Resolved,
               toll: TollModel | None = None) -> AlertFact | None:
    """The fact that fires ``rule`` for the story, or None when a condition fails. ``toll``:
    the casualty model (the shipped one by default; the bench passes models in training)."""
    parts: dict[str, Any] = {}
    if rule.query is not None:
        if not resolved.query_matched:
            return None
        parts["query"] = rule.query
    if rule.entity is not None:
        ids = resolved.entity_ids & facts.entity_ids
        if not ids:
            return None
        parts["entity"] = {"name": rule.entity, "ids": sorted(ids)}
    if rule.quote is not None:
        words = (rule.quote.text or "").lower()
        said = [t for who, t in facts.quotes
                if who in resolved.speaker_ids and words in t.lower()]
        if not said:
            return None
        parts["quote"] = {"speaker": rule.quote.speaker, "text": said[0]}
    if rule.event is not None:
        event = _event_parts(rule.event, facts, toll)
        if event is None:
            return None
        parts.update(event)
    if rule.story is not None:
        if rule.story.breaking and not facts.breaking:
            return None
        least = rule.story.sources_at_least
        if least is not None and facts.source_count < least:
            return None
        parts["story"] = {"breaking": facts.breaking, "sources": facts.source_count}
    return AlertFact(parts)


def fact_line(fact: dict[str, Any]) -> str:
    """One line saying why a hit fired ("4 killed (police, confidence 0.91) · US")."""
    parts = []
    for kind in ("killed", "injured"):
        if kind in fact:
            by = list(fact[kind].get("given_by") or [])
            if (confidence := fact[kind].get("confidence")) is not None:
                by.append(f"confidence {confidence:.2f}")
            if fact[kind].get("shown") is False:  # the page lists it one click away, not in red
                by.append("not shown on the story page")
            parts.append(f"{fact[kind]['value']} {kind}" + (f" ({', '.join(by)})" if by else ""))
    for key in ("country", "place", "query"):
        if key in fact:
            parts.append(str(fact[key]))
    if "entity" in fact:
        parts.append(str(fact["entity"]["name"]))
    if "quote" in fact:
        parts.append(f"{fact['quote']['speaker']}: “{fact['quote']['text']}”")
    if "story" in fact:
        story = fact["story"]
        parts.append(f"{story['sources']} sources" + (", breaking" if story["breaking"] else ""))
    return " · ".join(parts)
