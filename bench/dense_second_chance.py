"""Title-and-lead vectors as a second chance for dated full texts, on two parts of GVA half A.

    .venv/bin/python bench/dense_second_chance.py [--data ../shared/data/clustering]
        [--cache /tmp/stories13/lead.pkl] [--floors 0.0,0.2] [--cosines 0.6,0.7,0.8]

The decision stays the shipped one (trees refitted on each part without the vectors, as
``story_trees.py`` does); only when no candidate of a dated full text reaches the join
threshold (the "scored below the threshold" class of lost pairs), the candidate whose story
vector is closest to the item's title and lead joins it, if that cosine (the ``dense``
feature) reaches ``cosine`` and the trees gave it at least ``floor``. Fit on one part, run
over the other, both ways; objective = mean of pairwise and BCubed F1.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from europenews.evaluate.stories import place_all
from europenews.stories.cluster import OnlineClusterer
from europenews.stories.decision import FEATURES, DecisionModel, load_decision_model
from europenews.stories.state import Prepared, StoryState
from lead_vectors import LeadEmbedder
from story_trees import dated_pairs, sub_part
from train_stories import FULL_FEATURES, cluster_scores, load
from tree_fit import fit_trees

DENSE = FEATURES.index("dense")


class SecondChance(OnlineClusterer):
    """The clusterer, with a dense second chance before the route across languages."""

    floor = 0.0
    cosine = 1.1
    taken = 0

    def candidate_features(self, prepared: Prepared) -> list[tuple[StoryState, list[float]]]:
        self._last = super().candidate_features(prepared)
        return self._last

    def across_languages(self, prepared: Prepared) -> StoryState | None:
        if prepared.kind == "full":
            best, best_cos = None, self.cosine
            for story, features in self._last:
                p = self.model.probability(features, prepared.kind)
                if features[DENSE] >= best_cos and p >= self.floor:
                    best, best_cos = story, features[DENSE]
            if best is not None:
                self.taken += 1
                return best
        return super().across_languages(prepared)


def score(records: list[dict[str, Any]], model: DecisionModel, embedder: LeadEmbedder,
          floor: float, cosine: float) -> tuple[dict[str, Any], int]:
    clusterer = SecondChance(model=model, embedder=embedder)
    clusterer.floor, clusterer.cosine = floor, cosine
    final = place_all(clusterer, records)
    return cluster_scores([str(r["story"]) for r in records], final), clusterer.taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/stories13/lead.pkl"))
    parser.add_argument("--floors", default="0.0,0.2")
    parser.add_argument("--cosines", default="1.1,0.6,0.7,0.8")
    args = parser.parse_args()
    records = load(args.data / "gva-incidents", "A", None)
    parts = [[r for r in records if sub_part(str(r["story"]), p)] for p in (0, 1)]
    embedder = LeadEmbedder(args.cache)
    shipped = load_decision_model()
    rows = []
    for fit_on in (0, 1):
        xs, ys = dated_pairs(parts[fit_on], embedder)
        model = dataclasses.replace(
            shipped, full_trees=fit_trees(xs, ys, FULL_FEATURES), threshold_full=0.5)
        for floor in (float(f) for f in args.floors.split(",")):
            for cosine in (float(c) for c in args.cosines.split(",")):
                s, taken = score(parts[1 - fit_on], model, embedder, floor, cosine)
                row = {"fit_on": fit_on, "floor": floor, "cosine": cosine, "taken": taken,
                       "pairwise": s["pairwise"], "bcubed": s["bcubed"],
                       "objective": round((s["pairwise"]["f1"] + s["bcubed"]["f1"]) / 2, 4)}
                print(json.dumps(row), file=sys.stderr)
                rows.append(row)
    embedder.save()
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
