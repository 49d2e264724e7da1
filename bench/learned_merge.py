"""A learned merge of two stories an arriving article links (issue 20, idea (b)).

    .venv/bin/python bench/learned_merge.py [--data ../shared/data/clustering] [--half A]
        [--second trees|logistic] [--join 0.5]

When a dated full text joins a story S, another candidate story T it also resembles may be the
other part of an incident split earlier. The shipped clusterer merges them only above a merge
threshold (none for full texts: every threshold tied or lost on half A). This fits a model on
those moments as the online clusterer meets them: within the training part, trees fitted on
one half of its stories run over the other half (both ways); for every dated full text that
joins a story, each other scored candidate gives a row (its features, its probability, the
joined story's probability), labelled 1 when S and T both hold an article of the item's
incident. At scoring, T is merged into S when the model gives at least ``--join`` (0.5: more
likely than not; not fitted). Two parts of half A as ``bench/story_trees.py``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from europenews.evaluate.stories import cluster_scores
from europenews.stories.cluster import Assignment, OnlineClusterer, load_decision_model
from europenews.stories.items import StoryItem
from europenews.stories.state import Prepared, StoryState
from story_trees import dated_pairs, sub_part
from train_stories import FULL_FEATURES, item_of, load
from tree_fit import fit_trees


class _Merging(OnlineClusterer):
    """The clusterer with a learned merge (``second``), or recording its moments (``golds``)."""

    second: Any = None
    join: float = 0.5
    gold: str = ""
    golds: dict[str, set[str]] | None = None
    rows: list[tuple[list[float], int]]
    _scored: list[tuple[StoryState, list[float], float]]

    def candidate_features(self, prepared: Prepared) -> list[tuple[StoryState, list[float]]]:
        found = super().candidate_features(prepared)
        if prepared.kind == "full":
            self._scored = [(s, f, self.model.probability(f, "full")) for s, f in found]
        return found

    def assign(self, item: StoryItem) -> Assignment:
        self._scored = []
        assignment = super().assign(item)
        joined = self.resolve(assignment.story_id)
        best = next((p for s, _, p in self._scored if s.id == joined), None)
        if assignment.is_new_story or best is None:
            return assignment
        for story, features, p in self._scored:
            if story.id == joined or story.id not in self._stories:
                continue
            row = [*features, p, best]
            if self.golds is not None:
                label = self.gold in self.golds[story.id] and self.gold in self.golds[joined]
                self.rows.append((row, int(label)))
            elif self.second.predict_proba(np.array([row]))[0, 1] >= self.join:
                self._merge(self._stories[joined], story)
        return assignment


def placements(records: list[dict[str, Any]], clusterer: _Merging) -> list[str]:
    predicted = []
    for number, record in enumerate(records):
        clusterer.gold = str(record["story"])
        assignment = clusterer.assign(item_of(record, number))
        predicted.append(assignment.story_id)
        if clusterer.golds is not None:
            survivor = clusterer.resolve(assignment.story_id)
            clusterer.golds[survivor].add(clusterer.gold)
    return [clusterer.resolve(story) for story in predicted]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--half", choices=["A", "B"], default="A")
    parser.add_argument("--second", choices=["trees", "logistic"], default="trees")
    parser.add_argument("--join", type=float, default=0.5)
    args = parser.parse_args()
    records = load(args.data / "gva-incidents", args.half, None)
    parts = [[r for r in records if sub_part(str(r["story"]), p)] for p in (0, 1)]
    shipped = load_decision_model()
    for fit_on in (0, 1):
        train = parts[fit_on]
        halves = [[r for r in train if sub_part("x" + str(r["story"]), h)] for h in (0, 1)]
        rows: list[tuple[list[float], int]] = []
        for h in (0, 1):
            hx, hy = dated_pairs(halves[h])
            model = dataclasses.replace(shipped, full_trees=fit_trees(hx, hy, FULL_FEATURES))
            recorder = _Merging(model=model)
            recorder.golds, recorder.rows = defaultdict(set), []
            placements(halves[1 - h], recorder)
            rows += recorder.rows
        xs, ys = np.array([r for r, _ in rows]), np.array([y for _, y in rows])
        second = (
            HistGradientBoostingClassifier(max_iter=50, max_leaf_nodes=7, random_state=0,
                                           early_stopping=False)
            if args.second == "trees"
            else make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
        ).fit(xs, ys)
        ox, oy = dated_pairs(train)
        first = dataclasses.replace(shipped, full_trees=fit_trees(ox, oy, FULL_FEATURES))
        clusterer = _Merging(model=first)
        clusterer.second, clusterer.join = second, args.join
        scored = parts[1 - fit_on]
        s = cluster_scores([str(r["story"]) for r in scored], placements(scored, clusterer))
        print(json.dumps({
            "fit_on": fit_on, "second": args.second, "join": args.join, "rows": len(ys),
            "positives": int(ys.sum()), "pairwise": s["pairwise"], "bcubed": s["bcubed"],
            "objective": round((s["pairwise"]["f1"] + s["bcubed"]["f1"]) / 2, 4),
        }), flush=True)


if __name__ == "__main__":
    main()
