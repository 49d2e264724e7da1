"""How far to trust a casualty figure: a logistic model over ``evidence.FEATURES``.

The weights are data (``lexicons/<language>/figure_model.json``), learned by
``bench/train_figures.py`` on one half of the shared GVA articles (split by story) and checked
on the other: each figure the extraction finds is labelled by whether it fits the incident the
article reports. ``keep`` is the probability below which a figure is left out of its event's
counts (it most likely counts another incident, a plan or a total). A language without a model
file gets :data:`NO_MODEL`: every figure kept at probability 0.5.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from europenews.errors import ConfigError

# What ``evidence.figure_features`` reads, in this order.
FEATURES = (
    "lead",  # the sentence is one of the first three
    "position",  # where the sentence starts, as a share of the text (0 = first character)
    "sentence_log",  # log(1 + sentence index)
    "day_named",  # the sentence names a day ("Tuesday", "last night", "Dec. 3")
    "other_time",  # the sentence speaks of another time ("In December", "in 2014", "ago")
    "history",  # history words ("previous", "earlier", "anniversary", "since")
    "threat",  # plans, threats and attempts ("targeted", "plot", "could have")
    "technology",  # software words ("code", "browser", "vulnerability")
    "total",  # totals and round-ups ("so far this year", "separate", "weekend")
    "court",  # follow-up words ("sentenced", "trial", "charged"): the same event, later
    "quoted",  # the figure stands inside quotation marks
    "trigger",  # an event word ("shooting", "attack") in the sentence
    "main_group",  # the sentence belongs to the article's first event with figures
    "group_log",  # log(1 + index of its event among the article's events)
    "restated",  # another sentence gives the same kind and count
    "killed",  # the kind of figure (injured is the remaining case of the three)
    "hit",
    "inferred",  # no count given: "a fatal shooting" read as one killed
    "count_log",  # log(1 + count)
    "zero",  # "no one was killed"
    "perpetrator",  # the figure counts the attacker ("the gunman was shot dead")
)


@dataclass(frozen=True, slots=True)
class FigureModel:
    """Logistic weights by feature (intercept apart) and the keep threshold."""

    weights: tuple[float, ...]  # in FEATURES order
    intercept: float = 0.0
    keep: float = 0.0

    def probability(self, features: list[float]) -> float:
        """P(the figure counts the reported event), rounded to three decimals."""
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form :func:`figure_model_from_dict` reads."""
        return {"features": dict(zip(FEATURES, self.weights, strict=True)),
                "intercept": self.intercept, "keep": self.keep}


NO_MODEL = FigureModel(tuple(0.0 for _ in FEATURES))


def figure_model_from_dict(data: dict[str, Any], where: str = "figure model") -> FigureModel:
    """A model from its JSON form; a feature the file does not name weighs 0, a name the code
    does not know is an error (the file and the code must agree)."""
    try:
        given = {str(k): float(v) for k, v in data["features"].items()}
        intercept, keep = float(data.get("intercept", 0.0)), float(data.get("keep", 0.0))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{where}: malformed ({exc})") from exc
    unknown = sorted(set(given) - set(FEATURES))
    if unknown:
        raise ConfigError(f"{where}: unknown features {unknown}")
    return FigureModel(tuple(given.get(name, 0.0) for name in FEATURES), intercept, keep)


def read_figure_model(text: str | None, where: str) -> FigureModel:
    """The model in a JSON text, or :data:`NO_MODEL` when there is none."""
    if text is None:
        return NO_MODEL
    try:
        return figure_model_from_dict(json.loads(text), where)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: malformed JSON ({exc})") from exc
