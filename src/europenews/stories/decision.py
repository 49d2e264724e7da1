"""The join-or-new decision: logistic weights over the clusterer's features, per kind of item.

Kinds of item get their own weights and threshold (``data/decision.json``, trained by
``bench/train_stories.py`` on the shared clustering data): ``headline`` (no body: a headline
feed), ``headline_dense`` (the same with a sentence vector, ``stories/minilm.py``: used only
when the model is installed, so a clusterer without it keeps the ``headline`` weights and
behaves exactly as before), ``full`` (a dated full text) and ``undated`` (a full text without
a publication date).
Dated full texts may be decided by boosted trees over the same features instead
(``full.trees`` in the file, ``stories/trees.py``): the shipped model has them.
Without dates the evidence weighs differently: no time decay separates two look-alike events,
and a collection without dates is usually a batch of a few large stories, not a stream.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from europenews.stories.trees import TreeEnsemble

FEATURES = (
    "title",
    "body",
    "keys",
    "text",
    "gap_days",
    "no_time",
    "log_size",
    # Incident evidence (round 4): terms only this story's articles share with the item, the
    # rarest shared name, the weekday of the event, the same outlet reporting again, ages and
    # casualty counts, capitalised word pairs only this story shares.
    "own_keys",
    "own_words",
    "rare_key",
    "weekday",
    "same_source",
    "ages",
    "counts",
    "own_names",
    # Follow-ups (issue 20, round 7): an arrest or a trial months after the shooting names the
    # same victim or suspect. The day gap times the evidence only that story shares, so the
    # model can forgive a long gap when names agree and still punish it when they do not.
    "gap_own_names",
    "gap_rare_key",
    "gap_own_keys",
    # Where it happened (issue 20, session 15): whether the streets, the addresses or blocks
    # and the people named with their age ("John Smith, 24,") agree with the story's.
    "street",
    "address",
    "named_age",
    # Dense sentence vectors (issue 20): cosine with the story's mean vector or best recent
    # member; 0 when the clusterer runs without an embedder.
    "dense",
)
KINDS = ("headline", "full", "undated", "headline_dense")
# The similarities every kind of item has; the rest are the incident cues of full texts
# (headline-only items get 0 there: the headline model does not use them).
BASE_FEATURES = FEATURES[:7]


@dataclass(frozen=True, slots=True)
class DecisionModel:
    """Logistic weights over FEATURES (intercept last) and a threshold, per kind of item.

    ``undated`` None means undated full texts use the ``full`` weights and threshold;
    ``full_trees``, when set, replaces the ``full`` weights for dated full texts (kind "full").
    """

    headline: tuple[float, ...]
    full: tuple[float, ...]
    threshold_headline: float = 0.5
    threshold_full: float = 0.5
    undated: tuple[float, ...] | None = None
    threshold_undated: float = 0.5
    # Per kind: a second candidate at least this probable is the same story as the one the
    # item joins, and is merged into it; None: that kind of item never merges stories.
    merge_headline: float | None = None
    merge_full: float | None = None
    merge_undated: float | None = None
    # Headline-only items with a sentence vector; None: they use the ``headline`` weights.
    headline_dense: tuple[float, ...] | None = None
    threshold_headline_dense: float = 0.5
    # Dated full texts: a tree ensemble instead of the logistic weights (None: the weights).
    full_trees: TreeEnsemble | None = None

    @staticmethod
    def from_dict(data: dict[str, Any]) -> DecisionModel:
        """Weights by feature name; a feature the file does not list gets weight 0, so a model
        trained before a feature was added still loads and behaves as it was trained."""
        names = list(data["features"])
        unknown = [name for name in names if name not in FEATURES]
        if unknown:
            raise ValueError(f"decision model features {unknown} not in {list(FEATURES)}")

        def weights(kind: str) -> tuple[float, ...]:
            given = [float(w) for w in data[kind]["weights"]]
            if len(given) != len(names) + 1:
                raise ValueError(f"decision model: {kind} needs {len(names) + 1} weights")
            by_name = dict(zip(names, given, strict=False))
            return (*(by_name.get(name, 0.0) for name in FEATURES), given[-1])

        undated = "undated" in data
        dense = "headline_dense" in data
        return DecisionModel(
            headline=weights("headline"),
            full=weights("full"),
            threshold_headline=float(data["headline"]["threshold"]),
            threshold_full=float(data["full"]["threshold"]),
            undated=weights("undated") if undated else None,
            threshold_undated=float(data["undated"]["threshold"]) if undated else 0.5,
            merge_headline=_merge(data["headline"]),
            merge_full=_merge(data["full"]),
            merge_undated=_merge(data["undated"]) if undated else None,
            headline_dense=weights("headline_dense") if dense else None,
            threshold_headline_dense=(
                float(data["headline_dense"]["threshold"]) if dense else 0.5
            ),
            full_trees=_trees(data["full"]),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form ``from_dict`` reads."""
        data: dict[str, Any] = {"features": list(FEATURES)}
        for kind in KINDS:
            weights = self.weights(kind)
            if (kind == "undated" and self.undated is None) or (
                kind == "headline_dense" and self.headline_dense is None
            ):
                continue
            data[kind] = {"weights": list(weights), "threshold": self.threshold(kind)}
            merge = getattr(self, f"merge_{kind}", None)
            if merge is not None:
                data[kind]["merge"] = merge
        if self.full_trees is not None:
            data["full"]["trees"] = self.full_trees.to_dict()
        return data

    def weights(self, kind: str) -> tuple[float, ...]:
        if kind == "headline_dense":
            return self.headline_dense if self.headline_dense is not None else self.headline
        if kind == "headline":
            return self.headline
        if kind == "undated" and self.undated is not None:
            return self.undated
        return self.full

    def threshold(self, kind: str) -> float:
        if kind == "headline_dense" and self.headline_dense is not None:
            return self.threshold_headline_dense
        if kind in ("headline", "headline_dense"):
            return self.threshold_headline
        if kind == "undated" and self.undated is not None:
            return self.threshold_undated
        return self.threshold_full

    def merge_threshold(self, kind: str) -> float | None:
        if kind == "undated" and self.undated is None:
            kind = "full"
        if kind == "headline_dense":
            kind = "headline"  # headline-only items never merge, vector or not
        value: float | None = getattr(self, f"merge_{kind}")
        return value

    def probability(self, features: list[float], kind: str) -> float:
        """P(same story) of one candidate for an item of the given kind."""
        if kind == "full" and self.full_trees is not None:
            trees = self.full_trees
            return trees.probability([features[i] for i in _columns(trees.features)])
        weights = self.weights(kind)
        z = weights[-1] + sum(w * x for w, x in zip(weights[:-1], features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _merge(section: dict[str, Any]) -> float | None:
    value = section.get("merge")
    return float(value) if value is not None else None


def _trees(section: dict[str, Any]) -> TreeEnsemble | None:
    if "trees" not in section:
        return None
    trees = TreeEnsemble.from_dict(section["trees"])
    unknown = [name for name in trees.features if name not in FEATURES]
    if unknown:
        raise ValueError(f"decision model trees: features {unknown} not in {list(FEATURES)}")
    return trees


@lru_cache(maxsize=8)
def _columns(names: tuple[str, ...]) -> tuple[int, ...]:
    """Positions in FEATURES of the trees' features (the trees may use fewer, in any order)."""
    return tuple(FEATURES.index(name) for name in names)


def load_decision_model() -> DecisionModel:
    """The shipped decision model (package data)."""
    path = resources.files("europenews.stories") / "data" / "decision.json"
    return DecisionModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
