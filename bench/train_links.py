"""Train the link-on-context model (``store/linkscore.py``) on ECB+ development topics.

1. Link the development topics (odd ECB+ topics) as ``eval entities --gold-mentions`` does,
   with the old hand rule deciding, and record every context decision: the candidate's evidence
   (``LinkEvidence``) and whether the candidate holds the article entity's gold entity so far.
2. Fit a logistic model (Newton steps, L2 1.0, deterministic: no sampling, seed unused) in
   five folds by topic; the threshold is the one that maximises the mention-weighted accuracy
   of the out-of-fold decisions.
3. ``--check``: BCubed of the whole linking with the fold models (each fold linked with a
   model that never saw its topics) against the hand rule on the same folds.
4. Fit on every development topic and print the weights.

In session 9 the model did no better than the hand rule (``linkscore.enough_context``), so
linking keeps the rule; see docs/benchmarks-archive.md, "Entity linking".

ECB+ (Cybulska and Vossen, LREC 2014) is CC BY 3.0. Never run this on the report half.

    .venv/bin/python bench/train_links.py ../shared/data/entities/ecbplus/documents.jsonl --check
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entity_errors import DEV_TOPICS, linked_rows
from europenews.evaluate.entities import GoldDocument, _article_id, _assign
from europenews.evaluate.stories import cluster_scores
from europenews.ingest.jsonl import read_jsonl
from europenews.store import linking
from europenews.store.entities import entity_mentions
from europenews.store.linkscore import (
    FEATURES,
    LinkEvidence,
    LinkModel,
    enough_context,
)

FOLDS = 5
L2 = 1.0


class Recorder:
    """Records each context decision with its label while the store is built."""

    def __init__(self, topic_of: dict[str, str]) -> None:
        self.topic_of = topic_of
        self.gold_of: dict[int, Counter[str]] = {}  # stored entity → gold ids of its mentions
        self.doc: GoldDocument | None = None
        self.rows: list[tuple[str, list[float], int, float]] = []  # topic, x, y, weight
        self._evidence = linking.link_evidence

    def watch(self, engine: Engine, doc: GoldDocument | None) -> None:
        if doc is not None:
            self.doc = doc
            return
        assert self.doc is not None
        with engine.connect() as conn:
            found = entity_mentions(conn, _article_id(self.doc))
        for m, eid in zip(self.doc.mentions, _assign(self.doc, found), strict=True):
            if eid is not None:
                self.gold_of.setdefault(int(eid), Counter())[m.entity] += 1

    def link_evidence(self, conn: Any, local: linking.Local, candidate: int, candidates: int,
                      context: set[int]) -> LinkEvidence:
        evidence = self._evidence(conn, local, candidate, candidates, context)
        if self.doc is None or not (evidence.shared > 0 or evidence.role):
            return evidence
        golds = Counter(m.entity for m in self.doc.mentions for lm in local.entity.mentions
                        if m.start < lm.end and lm.start < m.end)
        stored = self.gold_of.get(candidate)
        if golds and stored:
            label = int(golds.most_common(1)[0][0] == stored.most_common(1)[0][0])
            self.rows.append((self.topic_of[self.doc.id], evidence.features(), label,
                              float(sum(golds.values()))))
        return evidence


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted L2 logistic regression by Newton steps; intercept last, not penalised."""
    xs = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(xs.shape[1])
    penalty = np.eye(xs.shape[1]) * L2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(xs @ beta, -30, 30)))
        grad = xs.T @ (w * (p - y)) + penalty @ beta
        hess = xs.T @ (xs * (w * p * (1 - p))[:, None]) + penalty + np.eye(len(beta)) * 1e-6
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def _prob(beta: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x @ beta[:-1] + beta[-1], -30, 30)))


def _folds(topics: list[str]) -> dict[str, int]:
    return {t: i % FOLDS for i, t in enumerate(sorted(topics, key=int))}


def _weighted_accuracy(p: np.ndarray, y: np.ndarray, w: np.ndarray, t: float) -> float:
    return float((w * ((p >= t) == (y == 1))).sum() / w.sum())


def _bcubed(path: Path, topics: list[str], fold_of: dict[str, int],
            accept: dict[int, Any]) -> dict[str, float]:
    gold: list[str] = []
    predicted: list[str] = []
    for fold, rule in accept.items():
        linking.accept_link = rule  # type: ignore[assignment]
        part = frozenset(t for t in topics if fold_of[t] == fold)
        for r in linked_rows(path, part):
            gold.append(r.gold)
            predicted.append(f"{fold}:{r.predicted}")
    return dict(cluster_scores(gold, predicted)["bcubed"])


def _model_rule(beta: np.ndarray, threshold: float) -> Any:
    model = LinkModel(tuple(float(b) for b in beta), threshold)

    def accept(evidence: LinkEvidence) -> float | None:
        p = model.probability(evidence)
        return p if p >= threshold else None
    return accept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--check", action="store_true", help="BCubed of the fold models")
    args = parser.parse_args()
    topics = DEV_TOPICS.split(",")
    topic_of = {str(r.get("id")): str(r.get("topic")) for r in read_jsonl(args.path)}
    recorder = Recorder(topic_of)
    original_accept, original_evidence = linking.accept_link, linking.link_evidence
    linking.accept_link = enough_context
    linking.link_evidence = recorder.link_evidence  # type: ignore[assignment]
    linked_rows(args.path, frozenset(topics), recorder.watch)
    linking.link_evidence = original_evidence
    fold_of = _folds(topics)
    x = np.array([r[1] for r in recorder.rows])
    y = np.array([r[2] for r in recorder.rows], dtype=float)
    w = np.array([r[3] for r in recorder.rows])
    folds = np.array([fold_of[r[0]] for r in recorder.rows])
    oof = np.zeros(len(y))
    betas = {}
    for k in range(FOLDS):
        betas[k] = fit(x[folds != k], y[folds != k], w[folds != k])
        oof[folds == k] = _prob(betas[k], x[folds == k])
    grid = [round(0.05 * i, 2) for i in range(1, 20)]
    threshold = max(grid, key=lambda t: (_weighted_accuracy(oof, y, w, t), -abs(t - 0.5)))
    hand = np.array([enough_context(LinkEvidence(
        shared=float(r[1][0]), role=bool(r[1][1]), candidates=round(float(np.exp(r[1][2]))),
        named=bool(r[1][3]), single=bool(r[1][4]), person=bool(r[1][5]),
        acronym=bool(r[1][6]), size=0, mentions=0)) is not None for r in recorder.rows])
    report: dict[str, Any] = {
        "decisions": len(y), "positive": int(y.sum()),
        "threshold": threshold,
        "oof_weighted_accuracy": round(_weighted_accuracy(oof, y, w, threshold), 4),
        "rule_weighted_accuracy": round(float((w * (hand == (y == 1))).sum() / w.sum()), 4),
    }
    if args.check:
        report["bcubed_rule_by_fold"] = _bcubed(
            args.path, topics, fold_of, dict.fromkeys(range(FOLDS), enough_context))
        report["bcubed_model_by_fold"] = _bcubed(
            args.path, topics, fold_of,
            {k: _model_rule(betas[k], threshold) for k in range(FOLDS)})
    linking.accept_link = original_accept
    beta = fit(x, y, w)
    report["weights"] = dict(zip([*FEATURES, "intercept"], (round(float(b), 4) for b in beta),
                                 strict=True))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
