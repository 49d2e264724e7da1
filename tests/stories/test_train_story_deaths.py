"""bench/train_story_deaths.py: the learned story death decision as a per-story level."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from europenews.storydata import ArticleFigure

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture()
def deaths():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import train_story_deaths as module

        yield module
    finally:
        sys.path.remove(str(BENCH))


def fig(article: str, kind: str, value: int | None, confidence: float) -> ArticleFigure:
    return ArticleFigure(article, f"outlet-{article}", "2026-03-01", kind, value, confidence,
                         0, 10, None, None)


def test_story_level_is_where_the_model_reaches_its_level(deaths) -> None:  # type: ignore[no-untyped-def]
    model = (1.2, -0.9, -0.7)
    for story in ([fig("a", "killed", 1, 0.8)],
                  [fig("a", "killed", 1, 0.8), fig("b", "injured", 2, 0.2)]):
        c = deaths.story_level(model, 0.68, story)
        injured = deaths.injured_given(story)
        z = model[2] + model[0] * math.log(c / (1 - c)) + model[1] * injured
        assert 1 / (1 + math.exp(-z)) == pytest.approx(0.68, abs=1e-9)
    # a story reporting injured needs more confidence when the injured weight is negative
    assert deaths.story_level(model, 0.68, [fig("b", "injured", 2, 0.2)]) > deaths.story_level(
        model, 0.68, [])


def test_value_rows_label_each_killed_value_by_the_record(deaths) -> None:  # type: ignore[no-untyped-def]
    story = [fig("a", "killed", 2, 0.9), fig("b", "killed", 2, 0.6), fig("c", "killed", 3, 0.7),
             fig("c", "injured", None, 0.5)]
    rows = sorted(deaths.value_rows(story, 2), key=lambda r: r[1])
    assert [label for _, label in rows] == [0, 1]
    assert all(x[1] == 0.0 for x, _ in rows)  # an injured figure without a value is none
    assert rows[1][0][0] > rows[0][0][0]  # two outlets giving 2 outweigh one giving 3
