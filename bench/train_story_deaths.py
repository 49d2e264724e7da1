"""A story-level death decision, learned on half A: tried in session 18, not shipped.

    .venv/bin/python bench/alert_replay.py record A.jsonl A-record.json.gz
    .venv/bin/python bench/train_story_deaths.py A.jsonl A-record.json.gz [--store DB]

The shipped rule shows a story's death value when its outlets' combined confidence
(``stories.casualties.combined_confidence``) reaches ``SHOW_CONFIDENCE``. This learns instead
P(the value is the incident's toll) from :data:`FEATURES`: that combined confidence (logit)
and whether any article of the story gives an injured figure (any confidence). Rows: each
story's last recorded state (scored as ``bench/record_figures.py`` scores it, members matched
by URL or id), each killed value its articles give, labelled by whether it equals the
incident's record; logistic regression (scikit-learn, C = 1). Out of fold: two folds by a bit
of the md5 of the incident id (bits 1, 2, 3: three ways to split; bit 0 made the halves);
each story is scored end to end (killed right, false deaths) by the other fold's model at
each level of :data:`LEVELS`, against the shipped rule on the same stories. The level rule
set here: the most right stories among levels whose false deaths stay at least
:data:`MARGIN` below the shipped rule's in every split. Within a story the model is monotone
in the combined confidence, so it is the shipped rule with a per-story level
(:func:`story_level`), and ``story_casualties`` computes what is shown.

``--store DB`` fits on all of half A at the chosen level and lists the stories of a store
(e.g. ECB+ ingested with ``europenews ingest``) whose first death entry the model changes:
the check on news other than shootings that stopped it (docs/benchmarks-archive.md,
"A learned story death decision, and where the shown killed figure is lost, session 18
(branch `figures14`)"). Half B is not read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from alert_replay import load
from europenews.stories.casualties import SHOW_CONFIDENCE, combined_confidence
from europenews.storydata import ArticleFigure
from record_figures import scored_stories, shown_killed

FEATURES = ("combined_logit", "injured_given")
LEVELS = tuple(round(0.5 + 0.02 * i, 2) for i in range(21))
SPLIT_BITS = (1, 2, 3)
MARGIN = 2
Model = tuple[float, float, float]  # weight of combined_logit, of injured_given, intercept


def _logit(p: float) -> float:
    p = min(max(p, 0.001), 0.999)
    return math.log(p / (1.0 - p))


def injured_given(figures: list[ArticleFigure]) -> float:
    return float(any(f.kind == "injured" and f.value is not None for f in figures))


def fold_of(incident: str, bit: int) -> int:
    return int(hashlib.md5(incident.encode()).hexdigest(), 16) >> bit & 1


def value_rows(figures: list[ArticleFigure], record: int) -> list[tuple[tuple[float, ...], int]]:
    """One row per killed value the story's articles give."""
    grouped: dict[int, list[ArticleFigure]] = {}
    for f in figures:
        if f.kind == "killed" and f.value is not None:
            grouped.setdefault(f.value, []).append(f)
    injured = injured_given(figures)
    return [((_logit(combined_confidence(fs)), injured), int(v == record))
            for v, fs in grouped.items()]


def fit(stories: list[dict[str, Any]]) -> Model:
    rows = [r for s in stories for r in value_rows(s["figures"], s["record"])]
    m = LogisticRegression(C=1.0, max_iter=5000).fit(np.array([r[0] for r in rows]),
                                                      np.array([r[1] for r in rows]))
    return float(m.coef_[0][0]), float(m.coef_[0][1]), float(m.intercept_[0])


def story_level(model: Model, level: float, figures: list[ArticleFigure]) -> float:
    """The combined confidence at which the model reaches ``level`` in this story."""
    w_combined, w_injured, bias = model
    z = (_logit(level) - bias - w_injured * injured_given(figures)) / w_combined
    return 1.0 / (1.0 + math.exp(-z))


def end_to_end(stories: list[dict[str, Any]],
               level_of: Callable[[dict[str, Any]], float]) -> tuple[int, int]:
    """Killed right and false deaths, each story shown at its level."""
    right = false = 0
    for s in stories:
        shown = shown_killed(s["figures"], level_of(s))
        right += shown == s["record"]
        false += s["record"] == 0 and shown > 0
    return right, false


def store_changes(db: Path, model: Model, level: float) -> list[dict[str, Any]]:
    """The stories of a store whose first death entry the model changes."""
    from sqlalchemy import create_engine, text

    from europenews.store.story_casualties import article_figures

    with create_engine(f"sqlite:///{db}").connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM stories"))]
        figures = article_figures(conn, ids)
    out = []
    for sid, figs in figures.items():
        before = shown_killed(figs)
        after = shown_killed(figs, story_level(model, level, figs))
        if before != after:
            out.append({"story": sid, "shipped": before, "model": after,
                        "killed": sorted((f.value, f.confidence) for f in figs
                                         if f.kind == "killed"),
                        "injured_given": bool(injured_given(figs))})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("half", type=Path, help="half A as bench/gva_half.py writes it")
    ap.add_argument("replay", type=Path, help="bench/alert_replay.py's record of that half")
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--store", type=Path, help="a store whose changed stories to list")
    a = ap.parse_args()
    arts, incidents, recorded = load(a.half, a.replay, a.data)
    stories = scored_stories(arts, incidents, recorded, by_id=True)
    shipped = {lv: end_to_end(stories, lambda s, lv=lv: lv) for lv in (0.84, SHOW_CONFIDENCE, 0.88)}
    print(json.dumps({"stories": len(stories), "shipped rule (right, false deaths)": shipped}))
    by_split: dict[int, dict[float, tuple[int, int]]] = {}
    for bit in SPLIT_BITS:
        models = [fit([s for s in stories if fold_of(s["gold"], bit) != k]) for k in (0, 1)]
        by_split[bit] = {lv: end_to_end(stories, lambda s, lv=lv, m=models, b=bit: story_level(
            m[fold_of(s["gold"], b)], lv, s["figures"])) for lv in LEVELS}
        print(json.dumps({"split bit": bit, "folds (w_combined, w_injured, bias)": models,
                          "out of fold (right, false deaths)": by_split[bit]}))
    bar = shipped[SHOW_CONFIDENCE][1] - MARGIN
    allowed = [lv for lv in LEVELS if all(by_split[b][lv][1] <= bar for b in SPLIT_BITS)]
    chosen = max(allowed, key=lambda lv: (sum(by_split[b][lv][0] for b in SPLIT_BITS), -lv),
                 default=None)
    print(json.dumps({"false deaths at most": bar, "chosen level": chosen}))
    if chosen is None:
        return
    final = fit(stories)
    print(json.dumps({"model (w_combined, w_injured, bias)": final, "level": chosen,
                      "in sample (right, false deaths)": end_to_end(
                          stories, lambda s: story_level(final, chosen, s["figures"]))}))
    if a.store:
        for row in store_changes(a.store, final, chosen):
            print(json.dumps(row))


if __name__ == "__main__":
    main()
