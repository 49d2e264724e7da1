"""Learn the story death model (``stories/death_model.py``) on half A, choose its level out of
fold, and compare it with the combined-confidence rule it replaces.

    .venv/bin/python bench/alert_replay.py record A.jsonl A-record.json.gz
    .venv/bin/python bench/train_story_deaths.py A.jsonl A-record.json.gz \
        [--write src/europenews/stories/death_model.json]

Rows: each story's last recorded state (as ``bench/record_figures.py`` scores it, members
matched to incidents by URL or id), each killed value its articles give, labelled by whether
it equals the story's incident's record. Logistic regression (scikit-learn, C = 1). Out of
fold: two folds by a bit of the md5 of the incident id (not the halves' bit), for three bits
(three ways to split); each story is scored by the model of the other fold, end to end through
``story_casualties`` (killed right, false deaths), for each level of :data:`LEVELS`; the
combined-confidence rule (the value's combined confidence against 0.84 / 0.86 / 0.88, as
shipped before session 18) is scored on the same stories. The level: the one with the most
right stories among those whose false deaths stay at least :data:`MARGIN` below the old rule's
at 0.86 in every split (half B's bar had about one story of margin). ``--write`` stores the
model fitted on all of half A with that level. Half B is not read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from alert_replay import load
from europenews.stories.casualties import combined_confidence
from europenews.stories.death_model import FEATURES, DeathModel, death_features
from europenews.storydata import ArticleFigure
from record_figures import scored_stories, shown_killed

LEVELS = tuple(round(0.5 + 0.02 * i, 2) for i in range(21))
SPLIT_BITS = (1, 2, 3)  # bit 0 of the md5 made the halves
MARGIN = 2
OLD_LEVEL = 0.86


def fold_of(incident: str, bit: int) -> int:
    return int(hashlib.md5(incident.encode()).hexdigest(), 16) >> bit & 1


def value_rows(figures: list[ArticleFigure], record: int) -> list[tuple[tuple[float, ...], int]]:
    """One row per killed value the story's articles give."""
    grouped: dict[int, list[ArticleFigure]] = {}
    for f in figures:
        if f.kind == "killed" and f.value is not None:
            grouped.setdefault(f.value, []).append(f)
    return [(death_features(combined_confidence(fs), figures), int(v == record))
            for v, fs in grouped.items()]


def fit(stories: list[dict[str, Any]], level: float = 0.5) -> DeathModel:
    rows = [r for s in stories for r in value_rows(s["figures"], s["record"])]
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    m = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    return DeathModel(tuple(float(w) for w in m.coef_[0]), float(m.intercept_[0]), level)


def end_to_end(stories: list[dict[str, Any]], model_of: Callable[[dict[str, Any]], DeathModel]
               ) -> tuple[int, int]:
    """Killed right and false deaths, each story shown by its model."""
    right = false = 0
    for s in stories:
        shown = shown_killed(s["figures"], deaths=model_of(s))
        right += shown == s["record"]
        false += s["record"] == 0 and shown > 0
    return right, false


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("half", type=Path, help="half A as bench/gva_half.py writes it")
    ap.add_argument("replay", type=Path, help="bench/alert_replay.py's record of that half")
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--write", type=Path, help="write the model and level here")
    a = ap.parse_args()
    arts, incidents, recorded = load(a.half, a.replay, a.data)
    stories = scored_stories(arts, incidents, recorded, by_id=True)
    old = {lv: end_to_end(stories, lambda s, lv=lv: DeathModel((1.0, 0.0), 0.0, lv))
           for lv in (0.84, OLD_LEVEL, 0.88)}
    print(json.dumps({"stories": len(stories), "old rule (right, false deaths)": old}))
    by_split: dict[int, dict[float, tuple[int, int]]] = {}
    for bit in SPLIT_BITS:
        models = [fit([s for s in stories if fold_of(s["gold"], bit) != k]) for k in (0, 1)]
        by_split[bit] = {}
        for lv in LEVELS:
            at = [DeathModel(m.weights, m.intercept, lv) for m in models]
            by_split[bit][lv] = end_to_end(stories, lambda s, at=at, bit=bit:
                                           at[fold_of(s["gold"], bit)])
        print(json.dumps({"split bit": bit, "folds": [m.to_dict() for m in models],
                          "out of fold (right, false deaths)": by_split[bit]}))
    bar = old[OLD_LEVEL][1] - MARGIN
    allowed = [lv for lv in LEVELS if all(by_split[b][lv][1] <= bar for b in SPLIT_BITS)]
    chosen = max(allowed, key=lambda lv: (sum(by_split[b][lv][0] for b in SPLIT_BITS), -lv),
                 default=None)
    print(json.dumps({"false deaths at most": bar, "chosen level": chosen}))
    if chosen is None:
        return
    final = fit(stories, chosen)
    print(json.dumps({"model": final.to_dict(), "in sample (right, false deaths)":
                      end_to_end(stories, lambda s: final)}))
    if a.write:
        data = {**final.to_dict(), "weights": [round(w, 6) for w in final.weights],
                "intercept": round(final.intercept, 6),
                "trained_on": "GVA half A (bench/gva_half.py A), bench/train_story_deaths.py"}
        assert list(data["features"]) == list(FEATURES)
        a.write.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(json.dumps({"written": str(a.write)}))


if __name__ == "__main__":
    main()
