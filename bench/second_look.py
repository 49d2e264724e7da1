"""A second look, learned, when a dated full text would open a new story (issue 20, idea (a)).

    .venv/bin/python bench/second_look.py [--data ../shared/data/clustering] [--half A]
        [--trees 50] [--leaves 7] [--join 0.5]

The trees decide from oracle pairs, where every story is whole. When no candidate reaches the
threshold the article opens a new story; that is where the split pairs of half A are lost
(the right story scored below the threshold: 129 of 300 pairs). This fits a second model on
exactly those moments as the online clusterer meets them: within the training part, trees
fitted on one half of its stories run over the other half (both ways); for every dated full
text none of whose candidates reaches the threshold, each candidate's features and first-stage
probability are recorded, labelled 1 when the candidate holds an article of the item's
incident. At scoring, a candidate below the threshold joins when the second model gives it at
least ``--join`` (0.5: more likely than not; not fitted). Two parts of half A as
``bench/story_trees.py``: fit on one, run over the other, both ways round.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from europenews.stories.cluster import OnlineClusterer, load_decision_model
from europenews.stories.decision import DecisionModel
from europenews.stories.state import Prepared, StoryState
from online_pairs import replay_with_golds
from story_trees import dated_pairs, sub_part
from train_stories import FULL_FEATURES, load, run
from tree_fit import fit_trees

Rows = tuple[list[list[float]], list[int]]


class _Rejected(OnlineClusterer):
    """The clusterer, keeping the candidates of dated full texts it placed nowhere."""

    gold: str
    golds: dict[str, set[str]]
    rows: list[tuple[list[float], int]]

    def candidate_features(self, prepared: Prepared) -> list[tuple[StoryState, list[float]]]:
        found = super().candidate_features(prepared)
        if prepared.kind != "full" or not found:
            return found
        kind, threshold = prepared.kind, self.model.threshold(prepared.kind)
        probabilities = [self.model.probability(f, kind) for _, f in found]
        if max(probabilities) < threshold:
            for (story, features), p in zip(found, probabilities, strict=True):
                label = int(self.gold in self.golds[self.resolve(story.id)])
                self.rows.append(([*features, p], label))
        return found


def rejected_rows(records: list[dict[str, Any]], model: DecisionModel) -> Rows:
    clusterer = _Rejected(model=model)
    clusterer.rows = []
    replay_with_golds(clusterer, records)
    return [r for r, _ in clusterer.rows], [y for _, y in clusterer.rows]


@dataclasses.dataclass
class TwoStage:
    """A decision model whose dated full texts get a second look below the threshold."""

    first: DecisionModel
    second: Any  # a fitted scikit-learn classifier
    join: float

    def __getattr__(self, name: str) -> Any:
        return getattr(self.first, name)

    def probability(self, features: list[float], kind: str) -> float:
        p = self.first.probability(features, kind)
        threshold = self.first.threshold(kind)
        if kind != "full" or p >= threshold:
            return p
        p2 = float(self.second.predict_proba(np.array([[*features, p]]))[0, 1])
        # Joins rank below any candidate the first stage accepts (by a hair).
        return threshold + 1e-6 * p2 if p2 >= self.join else p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--half", choices=["A", "B"], default="A")
    parser.add_argument("--trees", type=int, default=50)
    parser.add_argument("--leaves", type=int, default=7)
    parser.add_argument("--second", choices=["trees", "logistic"], default="trees")
    parser.add_argument("--join", default="0.5", help="second-stage join levels, e.g. 0.5,0.7")
    args = parser.parse_args()
    records = load(args.data / "gva-incidents", args.half, None)
    parts = [[r for r in records if sub_part(str(r["story"]), p)] for p in (0, 1)]
    shipped = load_decision_model()
    for fit_on in (0, 1):
        train = parts[fit_on]
        halves = [[r for r in train if sub_part("x" + str(r["story"]), h)] for h in (0, 1)]
        xs: list[list[float]] = []
        ys: list[int] = []
        for h in (0, 1):
            hx, hy = dated_pairs(halves[h])
            model = dataclasses.replace(shipped, full_trees=fit_trees(hx, hy, FULL_FEATURES))
            rx, ry = rejected_rows(halves[1 - h], model)
            xs += rx
            ys += ry
        second = (
            HistGradientBoostingClassifier(
                max_iter=args.trees, max_leaf_nodes=args.leaves, learning_rate=0.1,
                random_state=0, early_stopping=False,
            )
            if args.second == "trees"
            else make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
        ).fit(np.array(xs), np.array(ys))
        ox, oy = dated_pairs(train)
        first = dataclasses.replace(shipped, full_trees=fit_trees(ox, oy, FULL_FEATURES))
        for join in (float(j) for j in args.join.split(",")):
            s = run(parts[1 - fit_on], TwoStage(first, second, join))  # type: ignore[arg-type]
            print(json.dumps({
                "fit_on": fit_on, "join": join, "rows": len(ys), "positives": sum(ys),
                "pairwise": s["pairwise"], "bcubed": s["bcubed"],
                "objective": round((s["pairwise"]["f1"] + s["bcubed"]["f1"]) / 2, 4),
            }), flush=True)


if __name__ == "__main__":
    main()
