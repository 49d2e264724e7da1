"""Is this death figure the story's toll? A learned decision over the story's figures.

A story shows a death figure (in red on the front page, the first ``killed`` entry tools
read) only when this model's probability reaches its level. The article figure model
(``analyze/events/confidence.py``) judges one count inside one text; this one judges a value
among the story's figures, and reads one thing the article model cannot: whether the story's
articles give an injured figure at all. On the GVA stories of half A a death figure in a story
that also reports injured is wrong more often at the same confidence (a shooting that wounded
people and killed nobody, with a death read from elsewhere in the text), while a story that
reports only deaths is mostly a homicide whose single death the article model doubts.

The weights and the level are data (``death_model.json``), learned by
``bench/train_story_deaths.py`` on half A (from a ``bench/alert_replay.py`` record: each
story's last state, each killed value labelled by whether it equals the incident's record),
the level chosen out of fold (two folds by the md5 of the incident id). Injured figures are
still shown by ``stories.casualties.SHOW_CONFIDENCE``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from europenews.errors import ConfigError
from europenews.storydata import ArticleFigure

FEATURES = (
    "combined_logit",  # the value's outlets combined (stories.casualties.combined_confidence)
    "injured_given",  # some article of the story gives an injured figure (any confidence)
)


def _logit(p: float) -> float:
    p = min(max(p, 0.001), 0.999)
    return math.log(p / (1.0 - p))


def death_features(combined: float, story: Sequence[ArticleFigure]) -> tuple[float, ...]:
    """The :data:`FEATURES` of a death value whose outlets combine to ``combined``."""
    injured = any(f.kind == "injured" and f.value is not None for f in story)
    return (_logit(combined), float(injured))


@dataclass(frozen=True, slots=True)
class DeathModel:
    """Logistic weights over :data:`FEATURES` and the probability a shown death needs."""

    weights: tuple[float, ...]
    intercept: float
    level: float

    def probability(self, combined: float, story: Sequence[ArticleFigure]) -> float:
        """P(the value is the story's toll), rounded to three decimals."""
        x = death_features(combined, story)
        z = self.intercept + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(FEATURES), "weights": list(self.weights),
                "intercept": self.intercept, "level": self.level}


def death_model_from_dict(data: dict[str, Any]) -> DeathModel:
    """The model as ``death_model.json`` keeps it; features must be this version's."""
    try:
        if list(data["features"]) != list(FEATURES):
            raise ConfigError("story death model: its features are not this version's")
        weights = tuple(float(w) for w in data["weights"])
        model = DeathModel(weights, float(data["intercept"]), float(data["level"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"story death model: cannot be read ({exc})") from exc
    if len(weights) != len(FEATURES):
        raise ConfigError("story death model: weights of the wrong length")
    return model


@cache
def death_model() -> DeathModel:
    """The shipped model (package data)."""
    path = resources.files("europenews.stories").joinpath("death_model.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"story death model: cannot be read ({exc})") from exc
    return death_model_from_dict(data)
