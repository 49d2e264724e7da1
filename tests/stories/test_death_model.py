"""The story death model (stories.death_model): its features, its file, the shipped one."""

from __future__ import annotations

import math

import pytest

from europenews.errors import ConfigError
from europenews.stories.death_model import (
    FEATURES,
    DeathModel,
    death_features,
    death_model,
    death_model_from_dict,
)
from europenews.storydata import ArticleFigure


def fig(kind: str, value: int | None, confidence: float = 0.9) -> ArticleFigure:
    return ArticleFigure("a1", "Herald", "2026-11-20", kind, value, confidence, 0, 10, None,
                         None)


def test_death_features_read_the_combined_confidence_and_injured_reports():
    deaths_only = death_features(0.8, [fig("killed", 1)])
    assert deaths_only == pytest.approx((math.log(0.8 / 0.2), 0.0))
    assert death_features(0.8, [fig("killed", 1), fig("injured", 4, 0.1)])[1] == 1.0
    # An injured figure without a value is no injured report.
    assert death_features(0.8, [fig("killed", 1), fig("injured", None)])[1] == 0.0


def test_death_model_probability_is_logistic():
    model = DeathModel((2.0, -1.0), 0.5, 0.7)
    x = death_features(0.6, [fig("injured", 2)])
    assert model.probability(0.6, [fig("injured", 2)]) == pytest.approx(
        1 / (1 + math.exp(-(0.5 + 2.0 * x[0] - 1.0))), abs=0.0005)


def test_death_model_round_trips_and_rejects_other_features():
    model = DeathModel((1.2, -0.9), -0.7, 0.68)
    assert death_model_from_dict(model.to_dict()) == model
    with pytest.raises(ConfigError):
        death_model_from_dict({**model.to_dict(), "features": ["combined_logit"]})
    with pytest.raises(ConfigError):
        death_model_from_dict({**model.to_dict(), "weights": [1.0]})
    with pytest.raises(ConfigError):
        death_model_from_dict({"features": list(FEATURES)})


def test_shipped_death_model_is_stricter_beside_injured_reports():
    model = death_model()
    assert 0.5 < model.level < 1.0
    confident = 0.85
    assert model.probability(confident, [fig("killed", 1)]) > model.probability(
        confident, [fig("killed", 1), fig("injured", 3)])
