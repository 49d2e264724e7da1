from __future__ import annotations

import pytest

from europenews.stories.decision import FEATURES, DecisionModel, load_decision_model


def _file(features: list[str], weight: float) -> dict[str, object]:
    weights = [weight] * len(features) + [-1.0]
    return {
        "features": features,
        "headline": {"weights": weights, "threshold": 0.1},
        "full": {"weights": weights, "threshold": 0.2},
    }


def test_decision_model_file_without_new_features_gives_them_weight_zero():
    model = DecisionModel.from_dict(_file(["title", "keys"], 2.0))
    assert model.full[FEATURES.index("title")] == 2.0
    assert model.full[FEATURES.index("keys")] == 2.0
    assert model.full[FEATURES.index("own_keys")] == 0.0
    assert model.full[-1] == -1.0
    assert len(model.full) == len(FEATURES) + 1


def test_decision_model_rejects_an_unknown_feature():
    with pytest.raises(ValueError, match="not in"):
        DecisionModel.from_dict(_file(["title", "colour"], 1.0))


def test_decision_undated_items_fall_back_to_full_weights():
    model = DecisionModel.from_dict(_file(["title"], 1.0))
    assert model.undated is None
    assert model.weights("undated") == model.full
    assert model.threshold("undated") == 0.2


def test_decision_undated_weights_and_threshold_apply_to_undated_items():
    data = _file(["title"], 1.0)
    data["undated"] = {"weights": [5.0, 0.0], "threshold": 0.3}
    model = DecisionModel.from_dict(data)
    features = [1.0] + [0.0] * (len(FEATURES) - 1)
    assert model.threshold("undated") == 0.3
    assert model.probability(features, "undated") > model.probability(features, "full")


def test_decision_model_round_trips_through_its_dict():
    model = load_decision_model()
    assert DecisionModel.from_dict(model.to_dict()) == model


def test_decision_merge_thresholds_are_per_kind_and_optional():
    data = _file(["title"], 1.0)
    data["headline"]["merge"] = 0.8
    model = DecisionModel.from_dict(data)
    assert model.merge_threshold("headline") == 0.8
    assert model.merge_threshold("full") is None
    assert model.merge_threshold("undated") is None  # no undated weights: the full kind's
    assert DecisionModel.from_dict(model.to_dict()) == model



def test_shipped_model_never_merges_stories_through_a_headline_alone():
    # A product choice (issue 20), not a fitted value: on a long stream, headline-only merges
    # chained unrelated big stories together. Full texts may merge, by their trained threshold.
    model = load_decision_model()
    assert model.merge_threshold("headline") is None
    for kind in ("full", "undated"):
        merge = model.merge_threshold(kind)
        assert merge is None or model.threshold(kind) < merge <= 1.0


def test_shipped_headline_model_borrows_the_full_models_day_gap_weight():
    # UCI crawl times would teach a headline model "never join across days" (issue 20's
    # ruling), so the shipped headline model takes its time decay from the full model, which
    # learnt it on real publication dates; the two must not drift apart when one is refitted.
    model = load_decision_model()
    gap = FEATURES.index("gap_days")
    assert model.headline[gap] < 0
    assert model.headline[gap] == model.full[gap]
