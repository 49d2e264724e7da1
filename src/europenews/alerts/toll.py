"""How likely a story's incident killed (or injured) at least N people: the question a
casualty alert asks (``killed_at_least``), which is not the page's question "is this exact
figure right?".

A story whose articles say "three dead" and "four killed" reached three, whichever toll is
right; a figure model trained on single deaths is unsure of both. So the alert reads the
story's figures of one kind that reach N together: how confident the figure model was of them
(best, and the outlets combined as ``stories.casualties.combined_confidence`` does), how many
outlets give them and what share of the outlets giving that kind, how many confident reports
stay below N, how far above N they go, and whether the latest report reaches N. A logistic
model over these (:data:`FEATURES`, one weight vector per kind, in ``toll_model.json``) gives
the probability; ``bench/train_alert_toll.py`` learns it on half A of the shared GVA stories
(from ``bench/alert_replay.py`` records: every state a story was in when the rules read it)
with a fixed seed and chooses the level there. With no figure reaching N the probability is 0:
an alert always points to a figure its articles give.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from europenews.errors import ConfigError
from europenews.stories.casualties import combined_confidence
from europenews.storydata import ArticleFigure

FEATURES = (
    "combined_logit",  # the outlets reaching N combined (each further one closing half the doubt)
    "best_logit",  # the best single confidence among the figures reaching N
    "outlets_log",  # log(1 + outlets whose figures reach N)
    "share",  # those outlets / outlets giving any figure of the kind
    "below_share",  # outlets whose only confident figures of the kind stay below N / all
    "over_log",  # log(largest figure reaching N / N)
    "latest",  # the latest dated figure of the kind reaches N
    "outlets_all_log",  # log(1 + outlets giving any figure): how much the story knows
)
# A figure the model gave this much counts as a confident report (for ``below_share``).
CONFIDENT = 0.5


def _logit(p: float) -> float:
    p = min(max(p, 0.001), 0.999)
    return math.log(p / (1.0 - p))


def _outlet(f: ArticleFigure) -> str:
    return f.outlet or f.article_id


def toll_features(figures: Sequence[ArticleFigure], kind: str,
                  least: int) -> tuple[float, ...] | None:
    """The :data:`FEATURES` of "the story's incident reached ``least`` of ``kind``", or None
    when no figure of the kind reaches it."""
    of_kind = [f for f in figures if f.kind == kind and f.value is not None]
    above = [f for f in of_kind if (f.value or 0) >= least]
    if not above or least < 1:
        return None
    outlets = {_outlet(f) for f in of_kind}
    above_outlets = {_outlet(f) for f in above}
    below = {_outlet(f) for f in of_kind if f.confidence >= CONFIDENT} - above_outlets
    dated = sorted((f for f in of_kind if f.published), key=lambda f: f.published or "")
    return (
        _logit(combined_confidence(above)),
        _logit(max(f.confidence for f in above)),
        math.log1p(len(above_outlets)),
        len(above_outlets) / len(outlets),
        len(below) / len(outlets),
        math.log(max(f.value or 0 for f in above) / least),
        float(bool(dated) and (dated[-1].value or 0) >= least),
        math.log1p(len({_outlet(f) for f in figures})),
    )


@dataclass(frozen=True, slots=True)
class TollModel:
    """Logistic weights per kind over :data:`FEATURES`, and the probability an alert needs."""

    weights: dict[str, tuple[float, ...]]
    bias: dict[str, float]
    level: float

    def probability(self, figures: Sequence[ArticleFigure], kind: str, least: int) -> float:
        x = toll_features(figures, kind, least)
        if x is None or kind not in self.weights:
            return 0.0
        z = self.bias[kind] + sum(w * v for w, v in zip(self.weights[kind], x, strict=True))
        return 1.0 / (1.0 + math.exp(-z))


def model_from_dict(data: dict[str, object]) -> TollModel:
    """The model as ``toll_model.json`` keeps it (``bench/train_alert_toll.py`` writes it)."""
    try:
        if list(data["features"]) != list(FEATURES):  # type: ignore[call-overload]
            raise ConfigError("alert toll model: its features are not this version's")
        kinds = data["kinds"]
        assert isinstance(kinds, dict)
        weights = {k: tuple(float(w) for w in v["weights"]) for k, v in kinds.items()}
        bias = {k: float(v["bias"]) for k, v in kinds.items()}
        level = float(data["level"])  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError, AssertionError) as exc:
        raise ConfigError(f"alert toll model: cannot be read ({exc})") from exc
    if any(len(w) != len(FEATURES) for w in weights.values()):
        raise ConfigError("alert toll model: a weight vector of the wrong length")
    return TollModel(weights, bias, level)


@cache
def toll_model() -> TollModel:
    """The shipped model (package data)."""
    path = resources.files("europenews.alerts").joinpath("toll_model.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"alert toll model: cannot be read ({exc})") from exc
    return model_from_dict(data)
