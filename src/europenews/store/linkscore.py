"""The link-on-context decision: logistic weights over a candidate's evidence (pure functions).

A surname alone, an acronym, a short form or a first name spelt a letter apart links to a
stored entity only on context (``store/linking.py``). Whether the context is enough used to be a
hand threshold (0.75 of shared rarity-weighted entities or a role; half of it for the one person
known by a surname). It is now a logistic model over the evidence of each candidate, trained by
``bench/train_links.py`` on the odd topics of the shared ECB+ data with the threshold chosen by
cross-validation by topic; the weights ship as ``data/linkscore.json``.

ECB+ (Cybulska and Vossen, "Using a sledgehammer to crack a nut? Lexical diversity and event
coreference resolution", LREC 2014) is licensed CC BY 3.0; the weights are learnt from its
cross-document entity annotations.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

FEATURES = (
    "shared",  # rarity-weighted entities both mention (capped at 3)
    "role",  # the same role word
    "log_candidates",  # how many stored entities the key may name
    "named",  # the candidate is known by a full name, not a surname or short form alone
    "single",  # the article's name is one word (a surname, an acronym, a club's last word)
    "person",
    "acronym",
    "log_size",  # articles the candidate is in
    "log_mentions",  # mentions of the name in this article
    "single_shared",  # a one-word name's shared context (it needs it most)
)


@dataclass(frozen=True, slots=True)
class LinkEvidence:
    """What one candidate has for it, when an article entity may link to it only on context."""

    shared: float
    role: bool
    candidates: int
    named: bool
    single: bool
    person: bool
    acronym: bool
    size: int
    mentions: int

    def features(self) -> list[float]:
        shared = min(self.shared, 3.0)
        return [shared, float(self.role), math.log(max(self.candidates, 1)), float(self.named),
                float(self.single), float(self.person), float(self.acronym),
                math.log1p(self.size), math.log1p(self.mentions),
                shared * float(self.single)]


@dataclass(frozen=True, slots=True)
class LinkModel:
    """Logistic weights over FEATURES (intercept last) and the probability a link needs."""

    weights: tuple[float, ...]
    threshold: float

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinkModel:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("link model features do not match the code")
        weights = tuple(float(w) for w in data["weights"])
        if len(weights) != len(FEATURES) + 1:
            raise ValueError("link model needs one weight per feature and an intercept")
        return cls(weights, float(data["threshold"]))

    def probability(self, evidence: LinkEvidence) -> float:
        """P(the candidate is the same entity) given its evidence."""
        z = self.weights[-1] + sum(
            w * x for w, x in zip(self.weights[:-1], evidence.features(), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_MODEL: list[LinkModel] = []


def link_model() -> LinkModel:
    """The shipped model (package data), read once."""
    if not _MODEL:
        path = resources.files("europenews.store") / "data" / "linkscore.json"
        _MODEL.append(LinkModel.from_dict(json.loads(path.read_text(encoding="utf-8"))))
    return _MODEL[0]


# The hand rule the model replaced (kept to compare with: ``bench/train_links.py``): shared
# context of 0.75, or half of it for the one person known by a surname and a full name.
HAND_CONTEXT = 0.75


def hand_rule(evidence: LinkEvidence) -> float | None:
    """The context score when the old threshold accepts the link, else None."""
    score = evidence.shared + (1.0 if evidence.role else 0.0)
    needed = HAND_CONTEXT
    if evidence.person and evidence.single and evidence.candidates == 1 and evidence.named:
        needed = HAND_CONTEXT / 2
    return score if score >= needed else None
