"""bench/record_figures.py: wrong stories sorted into classes that add up, in the checker's
URL view and over every story."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
CLASSES = ("false_death", "mixed_other_incident", "read_not_shown", "read_other_shown",
           "split_elsewhere", "none_read", "other_values")


@pytest.fixture()
def record_figures():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import record_figures as module

        yield module
    finally:
        sys.path.remove(str(BENCH))


def _figure(article: str, host: str, value: int, confidence: float) -> dict[str, Any]:
    return {"article_id": article, "outlet": host, "published": "2026-03-01", "kind": "killed",
            "value": value, "confidence": confidence, "start": 0, "end": 40,
            "phrase": "two people", "given_by": None}


def _case() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]], dict[str, Any]]:
    arts = [{"id": f"a{i}", "story": gold, "url": f"http://site{i}.example:80/x"
             if i == 4 else f"http://site{i}.example/x"}
            for i, gold in ((1, "g1"), (2, "g1"), (3, "g2"), (4, "g3"))]
    incidents = {"g1": {"killed": 2}, "g2": {"killed": 0}, "g3": {"killed": 1}}
    snapshots = [
        # the incident's toll read below the display level: a 0 is shown
        {"story": "s1", "members": [["a1", "http://site1.example/x"]],
         "figures": [_figure("1", "site1.example", 2, 0.5)]},
        # the same incident split off, no figure of its own
        {"story": "s2", "members": [["a2", "http://site2.example/x"]], "figures": []},
        # nobody died, a confident death is shown
        {"story": "s3", "members": [["a3", "http://site3.example/x"]],
         "figures": [_figure("3", "site3.example", 1, 0.95)]},
        # right, but the store dropped ":80": the URL view cannot match it
        {"story": "s4", "members": [["a4", "http://site4.example/x"]],
         "figures": [_figure("4", "site4.example", 1, 0.95)]},
    ]
    return arts, incidents, {"snapshots": snapshots}


@pytest.mark.parametrize(("by_id", "stories", "right"), [(False, 3, 0), (True, 4, 1)])
def test_record_figures_classes_add_up(record_figures, by_id: bool, stories: int,  # type: ignore[no-untyped-def]
                                       right: int) -> None:
    arts, incidents, recorded = _case()
    counts, wrong = record_figures.analyse(arts, incidents, recorded, by_id)
    assert counts["stories"] == stories and counts.get("right", 0) == right
    assert sum(counts.get(c, 0) for c in CLASSES) == stories - right == len(wrong)
    by_story = {w["story"]: w["class"] for w in wrong}
    assert by_story == {"s1": "read_not_shown", "s2": "split_elsewhere", "s3": "false_death"}
    assert counts["gold0"] == 1 and counts["wrong_in_split_incident"] == 2


def test_record_figures_display_level_moves_what_is_shown(record_figures) -> None:  # type: ignore[no-untyped-def]
    arts, incidents, recorded = _case()
    low, _ = record_figures.analyse(arts, incidents, recorded, True, 0.4)
    high, _ = record_figures.analyse(arts, incidents, recorded, True, 0.99)
    # at 0.4 the toll read at 0.5 is shown (s1 right, as s4); at 0.99 nothing is: s3's false
    # death becomes a right 0, s4's right 1 a wrong 0
    assert (low.get("right", 0), low.get("false_death", 0)) == (2, 1)
    assert (high.get("right", 0), high.get("false_death", 0)) == (1, 0)


def test_record_figures_says_why_a_wrong_value_is_shown(record_figures) -> None:  # type: ignore[no-untyped-def]
    fig = record_figures.ArticleFigure
    rule = 0.8
    early = fig("1", "a.example", "2026-03-01", "killed", 3, 0.95, 0, 40, "three men", None)
    late = fig("2", "b.example", "2026-03-02", "killed", 2, 0.95, 0, 40, "two men", None)
    word = fig("3", "c.example", "2026-03-02", "killed", 1, 0.95, 0, 40, None, None)
    assert record_figures.why([early, late], 3, 2, rule).startswith("a later report beat")
    weak = dataclasses.replace(early, confidence=0.5)
    assert record_figures.why([weak, late], 3, 2, rule).startswith("the record's value below")
    assert record_figures.why([word], 0, 1, rule) == "word death (more)"
    assert record_figures.why([late], 4, 2, rule) == "count (fewer)"
