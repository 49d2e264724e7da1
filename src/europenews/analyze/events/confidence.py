"""How far to trust a casualty count: a logistic model over :data:`FEATURES`.

The weights are data (``lexicons/<language>/figure_model.json``), learned by
``bench/train_figures.py`` on one half of the shared GVA articles (split by story) and checked
on the other: each killed or injured count an event reports is labelled by whether it equals
the record of the incident the article reports. A language without a model file gets
:data:`NO_MODEL`: every count at probability 0.5.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from europenews.errors import ConfigError

# What ``evidence.figure_features`` reads for a figure, then what ``figures.FigureScorer``
# reads for the count it gives, in this order.
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
    # The count among the article's figures (figures.FigureScorer.count_features):
    "support_log",  # log(1 + how many figures give this kind and count)
    "contradicted",  # another figure of the event gives another count of this kind
    "computed",  # no figure gives the count as such (a sum, shot minus dead)
    "largest",  # no figure in the article gives a larger count of this kind
    "events_log",  # log(1 + the article's other events with figures)
    "first_report",  # the article's first sentence with figures gives the count
    "lead_lacks_kind",  # that first sentence gives no figure of this kind
    # The article's title (``doc._.title``; all 0 when it is not known):
    "title_death_killed",  # a death count, and the title speaks of a death ("Boy, 8, dies")
    "title_death_other",  # an injured count, and the title speaks of a death
    "title_count",  # the title gives the same number ("3 killed in ...")
    "title_inferred",  # the death count is the title's ("3 dead after ...", "Man dies ...")
)


@dataclass(frozen=True, slots=True)
class FigureModel:
    """Logistic weights by feature (intercept apart)."""

    weights: tuple[float, ...]  # in FEATURES order
    intercept: float = 0.0

    def probability(self, features: list[float]) -> float:
        """P(the figure counts the reported event), rounded to three decimals."""
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form :func:`figure_model_from_dict` reads."""
        return {"features": dict(zip(FEATURES, self.weights, strict=True)),
                "intercept": self.intercept}


NO_MODEL = FigureModel(tuple(0.0 for _ in FEATURES))


def figure_model_from_dict(data: dict[str, Any], where: str = "figure model") -> FigureModel:
    """A model from its JSON form; a feature the file does not name weighs 0, a name the code
    does not know is an error (the file and the code must agree)."""
    try:
        given = {str(k): float(v) for k, v in data["features"].items()}
        intercept = float(data.get("intercept", 0.0))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{where}: malformed ({exc})") from exc
    unknown = sorted(set(given) - set(FEATURES))
    if unknown:
        raise ConfigError(f"{where}: unknown features {unknown}")
    return FigureModel(tuple(given.get(name, 0.0) for name in FEATURES), intercept)


def read_figure_model(text: str | None, where: str) -> FigureModel:
    """The model in a JSON text, or :data:`NO_MODEL` when there is none."""
    if text is None:
        return NO_MODEL
    try:
        return figure_model_from_dict(json.loads(text), where)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: malformed JSON ({exc})") from exc
