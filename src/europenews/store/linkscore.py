"""The link-on-context decision over a candidate's evidence (pure functions).

A surname alone, an acronym, a short form or a first name spelt a letter apart links to a
stored entity only on context (``store/linking.py``). Linking gathers each candidate's evidence
(:class:`LinkEvidence`) and :func:`enough_context` decides: shared context of MIN_CONTEXT (rare
co-mentioned entities weigh more, a shared role ROLE_WEIGHT), or half of it for the one person
known by that surname and a full name.

A logistic model over the same evidence (:class:`LinkModel`, trained by
``bench/train_links.py`` on the odd ECB+ topics, threshold by cross-validation by topic) was
tried and did not do better than this rule (docs/benchmarks-archive.md, "Entity linking"); the
evidence stays in this form so a model trained on more gold can replace the rule.
ECB+ (Cybulska and Vossen, LREC 2014) is licensed CC BY 3.0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from europenews.errors import InputError

# Context that links a short key: one rare co-mentioned entity (seen in at most RARE articles,
# ``store/linking.py``), or several common ones, or the same role.
MIN_CONTEXT = 0.75
ROLE_WEIGHT = 1.0

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
            raise InputError("link model features do not match the code")
        weights = tuple(float(w) for w in data["weights"])
        if len(weights) != len(FEATURES) + 1:
            raise InputError("link model needs one weight per feature and an intercept")
        return cls(weights, float(data["threshold"]))

    def probability(self, evidence: LinkEvidence) -> float:
        """P(the candidate is the same entity) given its evidence."""
        z = self.weights[-1] + sum(
            w * x for w, x in zip(self.weights[:-1], evidence.features(), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def enough_context(evidence: LinkEvidence) -> float | None:
    """The candidate's context score (shared entities plus a shared role) when it is enough to
    link, else None."""
    score = evidence.shared + (ROLE_WEIGHT if evidence.role else 0.0)
    needed = MIN_CONTEXT
    if evidence.person and evidence.single and evidence.candidates == 1 and evidence.named:
        needed = MIN_CONTEXT / 2
    return score if score >= needed else None
