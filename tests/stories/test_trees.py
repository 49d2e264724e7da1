from __future__ import annotations

import math

import pytest

from europenews.stories.decision import FEATURES, DecisionModel
from europenews.stories.trees import TreeEnsemble

# Two stumps by hand: keys cosine above 0.5 adds 2 to the log-odds; a day gap above 1 takes 3.
_TREES = {
    "features": ["keys", "gap_days"],
    "baseline": -1.0,
    "trees": [
        [[0, 0.5, 1, 2, 0.0], [-1, 0.0, 0, 0, 0.0], [-1, 0.0, 0, 0, 2.0]],
        [[1, 1.0, 1, 2, 0.0], [-1, 0.0, 0, 0, 0.0], [-1, 0.0, 0, 0, -3.0]],
    ],
}


def test_trees_walk_each_tree_to_a_leaf_and_add_the_values():
    trees = TreeEnsemble.from_dict(_TREES)
    assert trees.log_odds([0.9, 0.0]) == pytest.approx(1.0)
    assert trees.log_odds([0.9, 2.0]) == pytest.approx(-2.0)
    assert trees.log_odds([0.5, 1.0]) == pytest.approx(-1.0)  # "<=" goes left
    assert trees.probability([0.9, 0.0]) == pytest.approx(1 / (1 + math.exp(-1.0)))


def test_trees_round_trip_through_their_dict():
    trees = TreeEnsemble.from_dict(_TREES)
    assert TreeEnsemble.from_dict(trees.to_dict()) == trees


def _model(with_trees: bool) -> DecisionModel:
    weights = [0.0] * len(FEATURES) + [-5.0]
    data: dict[str, object] = {
        "features": list(FEATURES),
        "headline": {"weights": weights, "threshold": 0.1},
        "full": {"weights": weights, "threshold": 0.5},
    }
    if with_trees:
        data["full"] = {"weights": weights, "threshold": 0.5, "trees": _TREES}
    return DecisionModel.from_dict(data)


def test_decision_trees_place_dated_full_texts_only():
    model = _model(with_trees=True)
    features = [0.0] * len(FEATURES)
    features[FEATURES.index("keys")] = 0.9
    # The trees read the features by name from the clusterer's full feature list.
    assert model.probability(features, "full") == pytest.approx(1 / (1 + math.exp(-1.0)))
    # Headline-only and undated items keep the logistic weights (here: always unlikely).
    assert model.probability(features, "headline") < 0.01
    assert _model(with_trees=False).probability(features, "full") < 0.01
    assert DecisionModel.from_dict(model.to_dict()) == model


def test_decision_trees_with_an_unknown_feature_are_rejected():
    data = _model(with_trees=True).to_dict()
    data["full"]["trees"]["features"] = ["keys", "colour"]
    with pytest.raises(ValueError, match="not in"):
        DecisionModel.from_dict(data)
