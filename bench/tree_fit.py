"""Fit gradient-boosted trees on oracle pairs and export them for the clusterer.

``fit_trees`` fits scikit-learn's ``HistGradientBoostingClassifier`` on oracle pairs (the
candidates' decision features in ``stories.decision.FEATURES`` order, labelled "is the gold
story", as ``bench/train_stories.py`` records them) and exports it as a
``stories.trees.TreeEnsemble``, the JSON form the clusterer evaluates without scikit-learn.
"""

from __future__ import annotations

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from europenews.stories.decision import FEATURES
from europenews.stories.trees import TreeEnsemble

# The logistic full model's features (no sentence vectors).
TREE_FEATURES = tuple(name for name in FEATURES if name != "dense")


def fit_trees(
    xs: list[list[float]],
    ys: list[int],
    only: tuple[str, ...] = TREE_FEATURES,
    trees: int = 100,
    leaves: int = 15,
    weights: list[float] | None = None,
) -> TreeEnsemble:
    """Boosted trees over the named features of FEATURES-ordered rows, exported."""
    columns = [FEATURES.index(name) for name in only]
    clf = HistGradientBoostingClassifier(
        max_iter=trees, max_leaf_nodes=leaves, learning_rate=0.1, random_state=0,
        early_stopping=False,
    )
    x = np.array(xs)[:, columns]
    clf.fit(x, np.array(ys), sample_weight=None if weights is None else np.array(weights))
    exported = TreeEnsemble(
        features=tuple(only),
        baseline=float(np.ravel(clf._baseline_prediction)[0]),
        trees=tuple(
            tuple(
                (
                    -1 if node["is_leaf"] else int(node["feature_idx"]),
                    float(node["num_threshold"]),
                    int(node["left"]),
                    int(node["right"]),
                    float(node["value"]) if node["is_leaf"] else 0.0,
                )
                for node in predictors[0].nodes
            )
            for predictors in clf._predictors
        ),
    )
    # The export must give scikit-learn's own log-odds (no missing values occur here).
    sample = x[: min(200, len(x))]
    expected = clf.decision_function(sample)
    got = np.array([exported.log_odds(row) for row in sample])
    if not np.allclose(expected, got, atol=1e-6):
        raise AssertionError("tree export disagrees with scikit-learn")
    return exported
