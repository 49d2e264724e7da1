"""The casualty alert's question, "did the incident reach N?", over hand-made figures."""

from __future__ import annotations

import math

import pytest

from europenews.alerts.toll import (
    FEATURES,
    TollModel,
    model_from_dict,
    toll_features,
    toll_model,
)
from europenews.errors import ConfigError
from europenews.storydata import ArticleFigure


def fig(value: int, outlet: str, confidence: float, published: str = "2026-03-01",
        kind: str = "killed") -> ArticleFigure:
    return ArticleFigure(f"{outlet}-{value}-{published}", outlet, published, kind, value,
                         confidence, 0, 30, str(value), None)


def test_no_figure_reaching_the_number_gives_no_features() -> None:
    figures = [fig(2, "Daily", 0.9), fig(1, "Herald", 0.9)]
    assert toll_features(figures, "killed", 3) is None
    assert toll_features(figures, "injured", 1) is None
    assert toll_features(figures, "killed", 0) is None
    assert toll_model().probability(figures, "killed", 3) == 0.0


def test_features_read_the_outlets_reaching_and_staying_below() -> None:
    figures = [fig(4, "Daily", 0.9, "2026-03-01"), fig(3, "Herald", 0.6, "2026-03-02"),
               fig(1, "Gazette", 0.8, "2026-03-03"), fig(2, "Post", 0.2, "2026-03-01"),
               fig(5, "Post", 0.7, "2026-03-01", kind="injured")]
    x = toll_features(figures, "killed", 3)
    assert x is not None and len(x) == len(FEATURES)
    named = dict(zip(FEATURES, x, strict=True))
    assert named["outlets_log"] == pytest.approx(math.log1p(2))
    assert named["share"] == pytest.approx(2 / 4)
    # Gazette's confident 1 stays below; Post's unconfident 2 is no report.
    assert named["below_share"] == pytest.approx(1 / 4)
    assert named["over_log"] == pytest.approx(math.log(4 / 3))
    assert named["latest"] == 0.0  # the latest killed figure is Gazette's 1
    assert named["best_logit"] == pytest.approx(math.log(0.9 / 0.1))
    assert named["combined_logit"] > named["best_logit"]  # a second outlet adds to it


def test_shipped_model_is_read_and_rises_with_evidence() -> None:
    model = toll_model()
    assert 0.0 < model.level < 1.0
    one = [fig(4, "Daily", 0.6)]
    sure = [fig(4, "Daily", 0.95)]
    agreed = [fig(4, "Daily", 0.95), fig(4, "Herald", 0.95), fig(4, "Post", 0.95)]
    contradicted = [fig(4, "Daily", 0.95), fig(1, "Herald", 0.95), fig(1, "Post", 0.95)]
    p = [model.probability(f, "killed", 3) for f in (one, sure, agreed)]
    assert p[0] < p[1] < p[2]
    assert model.probability(contradicted, "killed", 3) < p[1]


def test_model_file_must_match_the_features() -> None:
    good = {"features": list(FEATURES), "level": 0.7,
            "kinds": {"killed": {"weights": [0.0] * len(FEATURES), "bias": 0.0}}}
    model = model_from_dict(good)
    assert isinstance(model, TollModel) and model.level == 0.7
    assert model.probability([fig(3, "Daily", 0.9)], "killed", 3) == pytest.approx(0.5)
    # A kind the model has no weights for is never reached.
    assert model.probability([fig(3, "Daily", 0.9, kind="injured")], "injured", 3) == 0.0
    with pytest.raises(ConfigError):
        model_from_dict({**good, "features": ["best"]})
    with pytest.raises(ConfigError):
        model_from_dict({**good, "kinds": {"killed": {"weights": [1.0], "bias": 0.0}}})
    with pytest.raises(ConfigError):
        model_from_dict({"features": list(FEATURES)})
