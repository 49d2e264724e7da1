"""Matching a rule against a story's facts: pure, over hand-made facts."""

from __future__ import annotations

import pytest

from europenews.alerts.match import (
    AlertFact,
    EventPoint,
    Resolved,
    StoryFacts,
    distance_km,
    fact_line,
    main_country,
    match_rule,
    same_incident,
)
from europenews.alerts.rules import AlertRule, parse_rule
from europenews.alerts.toll import FEATURES, TollModel
from europenews.storydata import ArticleFigure

# The probability is the combined confidence of the figures reaching the number: the matcher's
# logic is tested apart from the learned weights (tests/alerts/test_toll.py tests those).
HAND = TollModel({"killed": (1.0,) + (0.0,) * (len(FEATURES) - 1),
                  "injured": (1.0,) + (0.0,) * (len(FEATURES) - 1)},
                 {"killed": 0.0, "injured": 0.0}, 0.85)


def match_hand(rule: AlertRule, story: StoryFacts, resolved: Resolved) -> AlertFact | None:
    return match_rule(rule, story, resolved, toll=HAND)


def casualty(kind: str, value: int, confidence: float = 0.95,
             published: str = "2026-03-01") -> tuple[ArticleFigure, ...]:
    """One value as two outlets' figures (the trust rules reconcile them in the matcher)."""
    return tuple(ArticleFigure(f"a{value}{i}", outlet, published, kind, value, confidence, 0, 40,
                               str(value), "police")
                 for i, outlet in enumerate(("Daily", "Herald")))


def facts(*casualties: tuple[ArticleFigure, ...], countries: tuple[str | None, ...] = ("US",),
          **kw: object) -> StoryFacts:
    events = tuple(EventPoint(f"a{i}", "Springfield", c, 39.8, -89.6)
                   for i, c in enumerate(countries))
    figures = tuple(f for group in casualties for f in group)
    base: dict[str, object] = {"story_id": "s1", "headline": "h", "source_count": 2,
                               "breaking": False, "figures": figures, "events": events}
    base.update(kw)
    return StoryFacts(**base)  # type: ignore[arg-type]


DEADLY = parse_rule({"name": "deadly", "event": {"killed_at_least": 3, "country": "US"}}, "t")


@pytest.mark.parametrize(("story", "fires"), [
    (facts(casualty("killed", 4)), True),
    (facts(casualty("killed", 3)), True),
    (facts(casualty("killed", 2)), False),
    # An unconfident figure is never the story's, even a large one.
    (facts(casualty("killed", 9, confidence=0.3)), False),
    # "At least 3" holds for a confident 5 even when a later report gives 1: whether the
    # contradiction lowers it is the learned model's business (test_toll.py).
    (facts(casualty("killed", 1, published="2026-03-02"), casualty("killed", 5)), True),
    (facts(casualty("killed", 4), countries=("CA",)), False),
    # Most main events decide the country; one passing foreign event does not.
    (facts(casualty("killed", 4), countries=("US", "MX", "US")), True),
    # Only injured figures: the story's death figure is the inferred zero, never a match.
    (facts(casualty("injured", 5)), False),
])
def test_match_casualty_event(story: StoryFacts, fires: bool) -> None:
    fact = match_hand(DEADLY, story, Resolved())
    assert (fact is not None) is fires
    if fact is not None:
        assert fact.parts["killed"]["value"] >= 3 and fact.parts["country"] == "US"
        assert fact.parts["killed"]["evidence"][0]["article"].startswith("a")
        assert "killed (police, confidence " in fact_line(fact.to_dict())


def test_match_confidence_level_is_the_rules_own() -> None:
    story = facts(casualty("killed", 4, confidence=0.5))
    assert match_hand(DEADLY, story, Resolved()) is None
    lenient = parse_rule({"name": "l", "event": {"killed_at_least": 3, "confidence": 0.5}}, "t")
    fact = match_hand(lenient, story, Resolved())
    assert fact is not None and fact.parts["killed"]["probability"] >= 0.5
    # The page does not show it (below its level): the hit says so.
    assert fact.parts["killed"]["shown"] is False
    assert "not shown on the story page" in fact_line(fact.to_dict())


def test_match_country_falls_back_to_places_without_placed_events() -> None:
    story = facts(casualty("killed", 4), countries=(None,), place_countries=("US", "CA"))
    assert main_country(story) == "US"
    assert match_hand(DEADLY, story, Resolved()) is not None


def test_match_radius_and_place() -> None:
    near = parse_rule({"name": "n", "event": {"lat": 39.78, "lon": -89.65, "radius_km": 25}},
                      "t")
    far = parse_rule({"name": "f", "event": {"lat": 48.85, "lon": 2.35, "radius_km": 25}}, "t")
    at = parse_rule({"name": "p", "event": {"place": "springfield"}}, "t")
    story = facts(casualty("killed", 1))
    assert match_hand(near, story, Resolved()) is not None
    assert match_hand(far, story, Resolved()) is None
    assert match_hand(at, story, Resolved()) is not None
    assert distance_km(48.85, 2.35, 51.5, -0.12) == pytest.approx(343, abs=5)


def test_match_entity_quote_query_and_story_conditions_combine() -> None:
    rule = parse_rule({"name": "c", "entity": "Ana Ruiz", "query": "bridge",
                       "quote": {"speaker": "Ana Ruiz", "text": "closed"},
                       "story": {"sources_at_least": 2}}, "t")
    story = facts(entity_ids=frozenset({7, 8}), quotes=((7, "The bridge stays closed."),))
    ok = Resolved(entity_ids=frozenset({7}), speaker_ids=frozenset({7}), query_matched=True)
    fact = match_hand(rule, story, ok)
    assert fact is not None and fact.parts["quote"]["text"] == "The bridge stays closed."
    assert match_hand(rule, story, Resolved(frozenset({9}), frozenset({7}), True)) is None
    assert match_hand(rule, story, Resolved(frozenset({7}), frozenset({8}), True)) is None
    assert match_hand(rule, story, Resolved(frozenset({7}), frozenset({7}), False)) is None
    small = facts(entity_ids=frozenset({7}), quotes=((7, "closed"),), source_count=1)
    assert match_hand(rule, small, ok) is None


def test_match_breaking() -> None:
    rule = parse_rule({"name": "b", "story": {"breaking": True}}, "t")
    assert match_hand(rule, facts(breaking=True), Resolved()) is not None
    assert match_hand(rule, facts(breaking=False), Resolved()) is None


def _hit(place: str, when: str, killed: int, lat: float = 39.8, lon: float = -89.6
         ) -> dict[str, object]:
    return {"killed": {"value": killed}, "country": "US",
            "where": {"place": place, "lat": lat, "lon": lon, "date": when}}


@pytest.mark.parametrize(("other", "same"), [
    (_hit("Springfield", "2026-03-02", 4), True),
    (_hit("springfield", "2026-03-03", 5), True),  # a day later, the toll revised by one
    (_hit("Chatham", "2026-03-01", 4, 39.67, -89.70), True),  # a suburb 16 km away
    (_hit("Springfield", "2026-03-09", 4), False),  # a week later: another shooting
    (_hit("Springfield", "2026-03-01", 9), False),  # another toll
    (_hit("Peoria", "2026-03-01", 4, 40.69, -89.59), False),  # 100 km away
    ({"killed": {"value": 4}, "country": "US"}, False),  # nowhere known: never merged
])
def test_match_same_incident(other: dict[str, object], same: bool) -> None:
    assert same_incident(_hit("Springfield", "2026-03-01", 4), other) is same


def test_match_event_fact_says_where_and_when() -> None:
    story = facts(casualty("killed", 4), first_seen="2026-03-01T10:00:00Z")
    fact = match_hand(DEADLY, story, Resolved())
    assert fact is not None
    assert fact.parts["where"] == {"place": "Springfield", "lat": 39.8, "lon": -89.6,
                                   "date": "2026-03-01"}


def test_match_at_least_zero_still_needs_a_figure() -> None:
    rule = parse_rule({"name": "any", "event": {"killed_at_least": 0}}, "t")
    assert match_hand(rule, facts(casualty("injured", 2)), Resolved()) is None
    fact = match_hand(rule, facts(casualty("killed", 1)), Resolved())
    assert fact is not None and fact.parts["killed"]["value"] == 1
