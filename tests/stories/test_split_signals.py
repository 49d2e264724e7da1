"""bench/split_signals.py and bench/online_pairs.py: the pair signals and the online labels."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.stories.incidents import LEAD, OTHER, record

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture()
def bench() -> Iterator[tuple[ModuleType, ModuleType]]:
    sys.path.insert(0, str(BENCH))
    try:
        import online_pairs
        import split_signals

        yield split_signals, online_pairs
    finally:
        sys.path.remove(str(BENCH))




def test_gap_buckets(bench: tuple[ModuleType, ModuleType]) -> None:
    split_signals, _ = bench
    assert split_signals.gap_bucket(10, 10) == "same day"
    assert split_signals.gap_bucket(10, 13) == "1-3 days"
    assert split_signals.gap_bucket(40, 10) == "4-30 days"
    assert split_signals.gap_bucket(10, 131) == "over 120 days"
    assert split_signals.gap_bucket(None, 10) == "undated"


def test_signals_read_cues_and_events(bench: tuple[ModuleType, ModuleType]) -> None:
    split_signals, _ = bench
    from europenews.stories.incidents import incident_cues

    def article(i: str, source: str, text: str) -> dict[str, object]:
        return {"id": i, "source": source, "cues": incident_cues("", text), "rare": set()}

    x, y = article("x", "one.example", LEAD), article("y", "one.example", LEAD)
    z = article("z", "two.example", OTHER)
    events = {"x": [None, 2, "Dunmore"], "y": [None, 2, "Dunmore"], "z": [None, 1, "Belwick"]}
    tests = split_signals.signals(events)
    assert tests["same outlet"](x, y) and not tests["same outlet"](x, z)
    assert tests["a shared street"](x, y) and not tests["a shared street"](x, z)
    assert tests["same city and figures (events)"](x, y)
    assert not tests["same city (events)"](x, z)
    assert "same city (events)" not in split_signals.signals(None)


def test_online_pairs_label_stories_holding_the_incident(
    bench: tuple[ModuleType, ModuleType],
) -> None:
    _, online_pairs = bench
    from europenews.stories.decision import load_decision_model

    records = [
        record(0, "1", "2016-03-04", "Two wounded outside Ferncliff Lounge in Dunmore", LEAD),
        record(1, "2", "2016-03-05", "Woman hurt as shots hit van in Belwick", OTHER),
        record(2, "1", "2016-03-05", "Ferncliff Lounge shooting leaves two wounded", LEAD),
    ]
    xs, ys = online_pairs.online_pairs(records, load_decision_model())
    assert len(xs) == len(ys) and xs
    # The third article's own incident is among its candidates and is the one labelled 1.
    assert sum(ys) == 1
