"""bench/story_errors.py: the error classes add up to the final pair counts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.stories.incidents import LEAD, OTHER, record

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture()
def story_errors():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import story_errors as module

        yield module
    finally:
        sys.path.remove(str(BENCH))




@pytest.mark.parametrize("split_title", ["Court date set in unrelated matter"])
def test_story_errors_classes_add_up_to_final_pairs(story_errors, split_title: str) -> None:  # type: ignore[no-untyped-def]
    from europenews.stories.decision import load_decision_model

    records = [
        record(0, "1", "2016-03-04", "Two wounded outside Ferncliff Lounge in Dunmore", LEAD),
        record(1, "1", "2016-03-05", "Ferncliff Lounge shooting leaves two wounded", LEAD),
        record(2, "2", "2016-03-06", "Woman hurt as shots hit van in Belwick", OTHER),
        # The same incident months later, sharing no word with its first reports: a split.
        record(3, "1", "2016-09-01", split_title, "A hearing was moved to October."),
    ]
    result = story_errors.analyse(records, load_decision_model(), examples=5)
    pairs = result["final_pairs"]
    assert pairs["gold_pairs"] == 3
    # The full model never merges stories: every lost or wrong pair is counted once, when its
    # later article is placed.
    assert sum(result["lost_pairs_at_placement"].values()) == pairs["lost"]
    assert sum(result["wrong_pairs_at_placement"].values()) == pairs["wrong"]
    assert pairs["lost"] == 2  # the late article shares nothing with the first two
    late = [e for e in result["examples"] if e["article"] == 3]
    assert late and late[0]["class"].startswith("split")
