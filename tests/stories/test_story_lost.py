"""bench/story_lost.py: lost pairs and pairs of other incidents, counted by what they share."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture()
def story_lost():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import story_lost as module

        yield module
    finally:
        sys.path.remove(str(BENCH))


def test_story_lost_counts_shared_names_by_class_and_gap(story_lost) -> None:  # type: ignore[no-untyped-def]
    records = [
        {"story": "1", "published": "2016-01-01"},
        {"story": "1", "published": "2016-03-01"},  # same incident, 60 days on, split off
        {"story": "2", "published": "2016-03-02"},  # another incident, same name, kept apart
        {"story": "1", "published": "2016-01-01"},  # same incident, same story, no name
    ]
    final = ["s1", "s2", "s3", "s1"]
    names = [frozenset({"orla quist"}), frozenset({"orla quist"}), frozenset({"orla quist"}),
             frozenset()]
    found = story_lost.count_pairs(records, final, {"name pair": names})
    assert found["lost_pairs_by_gap"] == {"31-120": 2}  # pairs (1, 0) and (3, 1), 60 days
    sharing = found["sharing"]
    assert sharing["name pair df<=4: lost"] == {"31-120": 1}
    assert sharing["name pair df<=4: other incident, apart"] == {"1-3": 1, "31-120": 1}
    # Three articles name the pair: too many for the rarest limit.
    assert "name pair df<=2: lost" not in sharing
