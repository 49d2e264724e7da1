"""A small gradient-boosted tree ensemble, evaluated in plain Python from its JSON form.

The full-text decision (``stories/decision.py``) can use trees instead of logistic weights:
the features interact (a long day gap is harmless when the victim's name agrees, a shared town
means little when the outlet is the same), which one linear score cannot express. The trees
are fitted by ``bench/train_stories.py`` (scikit-learn's ``HistGradientBoostingClassifier``)
and shipped as numbers, so running the clusterer needs neither scikit-learn's model classes
nor a pickle, and a model file reads the same under any scikit-learn version.

JSON form: ``{"features": [names...], "baseline": float, "trees": [[node, ...], ...]}``
where a node is ``[feature, threshold, left, right, value]``: an inner node sends ``x <=
threshold`` to ``left``, the rest to ``right`` (node indices within the tree); a leaf has
feature -1 and adds ``value`` to the log-odds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Node = tuple[int, float, int, int, float]


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    """Log-odds = baseline + the leaf value each tree gives; features by position."""

    features: tuple[str, ...]
    baseline: float
    trees: tuple[tuple[Node, ...], ...]

    @staticmethod
    def from_dict(data: dict[str, Any]) -> TreeEnsemble:
        trees = tuple(
            tuple(
                (int(f), float(t), int(left), int(right), float(v))
                for f, t, left, right, v in tree
            )
            for tree in data["trees"]
        )
        return TreeEnsemble(tuple(data["features"]), float(data["baseline"]), trees)

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "baseline": self.baseline,
            "trees": [[list(node) for node in tree] for tree in self.trees],
        }

    def log_odds(self, x: Sequence[float]) -> float:
        """The ensemble's log-odds for feature values in ``self.features`` order."""
        total = self.baseline
        for tree in self.trees:
            i = 0
            while True:
                feature, threshold, left, right, value = tree[i]
                if feature < 0:
                    total += value
                    break
                i = left if x[feature] <= threshold else right
        return total

    def probability(self, x: Sequence[float]) -> float:
        z = self.log_odds(x)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
