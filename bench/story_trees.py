"""Gradient-boosted trees against the logistic model for the full-text story decision,
checked on two parts of one half.

    .venv/bin/python bench/story_trees.py [--data ../shared/data/clustering] [--half A]
        [--thresholds 0.3,0.4,0.5,0.6,0.7] [--trees 100] [--leaves 15] [--errors]

It splits the stories of one half of gva-incidents (A: the training half) in
two parts by ``md5("sub:" + story)``, fits the logistic model and the trees on one part, and
runs the real online clusterer over the other part at each join threshold, both ways round.
So the choice between the two models, and of the trees' threshold, is made on half A only.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from europenews.stories.decision import FEATURES, DecisionModel, load_decision_model
from europenews.stories.dense import Embedder
from lead_vectors import LeadEmbedder
from online_pairs import online_pairs
from story_errors import analyse
from train_stories import FULL_FEATURES, fit, load, oracle_pairs, run
from tree_fit import fit_trees


def sub_part(story: str, part: int) -> bool:
    return int(hashlib.md5(f"sub:{story}".encode()).hexdigest(), 16) % 2 == part


def dated_pairs(
    records: list[dict[str, Any]], embedder: Embedder | None = None
) -> tuple[list[list[float]], list[int]]:
    zero = (0.0,) * (len(FEATURES) + 1)
    xs, ys, kinds = oracle_pairs(records, DecisionModel(headline=zero, full=zero), embedder)
    keep = [i for i, kind in enumerate(kinds) if kind == "full"]
    return [xs[i] for i in keep], [ys[i] for i in keep]


def with_online(
    part: list[dict[str, Any]],
    xs: list[list[float]],
    ys: list[int],
    how: str,
    model: DecisionModel,
    only: tuple[str, ...],
    size: tuple[int, int],
    embedder: Embedder | None,
) -> tuple[list[list[float]], list[int]]:
    """The oracle pairs of a training part plus the pairs an online run over the same part
    meets: run with trees fitted on all its oracle pairs ("insample"), or fitted on one half
    of its stories and run over the other, both ways ("cross", the errors a model makes on
    stories it did not see; "cross2": the same over two splits of the part)."""
    runs = [(xs, ys, part)] if how == "insample" else []
    for salt in {"cross": "x", "cross2": "xy"}.get(how, ""):
        halves = [[r for r in part if sub_part(salt + str(r["story"]), h)] for h in (0, 1)]
        fitted = [dated_pairs(half, embedder) for half in halves]
        runs += [(*fitted[h], halves[1 - h]) for h in (0, 1)]
    all_xs, all_ys = list(xs), list(ys)
    for fit_xs, fit_ys, scored in runs:
        ensemble = fit_trees(fit_xs, fit_ys, only, trees=size[0], leaves=size[1])
        more_xs, more_ys = online_pairs(
            scored, dataclasses.replace(model, full_trees=ensemble), embedder
        )
        all_xs += more_xs
        all_ys += more_ys
    return all_xs, all_ys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--half", choices=["A", "B"], default="A")
    parser.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7")
    parser.add_argument("--merges", default="none", help="merge thresholds, e.g. none,0.9")
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--leaves", type=int, default=15)
    parser.add_argument("--models", default="logistic,trees")
    parser.add_argument("--without", default="", help="features the models leave out")
    parser.add_argument("--with", dest="extra", default="",
                        help="features of FEATURES beyond the shipped ones, e.g. dense")
    parser.add_argument(
        "--lead-vectors", type=Path, default=None,
        help="MiniLM vectors of full texts' title and lead (bench/lead_vectors.py), cached "
        "in this file; without it the clusterer runs without an embedder, as before")
    parser.add_argument("--sentences", type=int, default=2,
                        help="with --lead-vectors: sentences of the lead (0: the title alone)")
    parser.add_argument("--headline-vectors-only", action="store_true",
                        help="with --lead-vectors: vectors for headline-only items alone, as "
                        "the shipped embedder gives them (the control)")
    parser.add_argument("--online-pairs", choices=["none", "insample", "cross", "cross2"],
                        default="none",
                        help="also fit the trees on the pairs an online run over the training "
                        "part meets (bench/online_pairs.py)")
    parser.add_argument("--weigh", choices=["none", "size", "sqrt-size"], default="none",
                        help="weigh each training pair by the candidate story's size (the "
                        "pairs a join adds or loses), or its square root")
    parser.add_argument(
        "--analyses", type=Path, default=None,
        help="what the store's analyses give each article (train_stories.py with_analyses: "
        "gva-incidents.jsonl and gva-incidents.linked.json in this folder)")
    parser.add_argument(
        "--fields", default=None,
        help="with --analyses: only these StoryItem fields from them (comma-separated, e.g. "
        "linked: no entities or places among the keys)")
    parser.add_argument(
        "--plain-too", action="store_true",
        help="with --analyses: fit also on the pairs without analyses (as `europenews "
        "cluster` sees the articles) and score both views")
    parser.add_argument(
        "--fit-plain", action="store_true",
        help="with --plain-too: fit on the pairs without analyses alone (the shipped way), "
        "score both views (what `ingest` meets with trees fitted the shipped way)")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="Also classify the lost and wrong pairs (bench/story_errors.py) on the part not "
        "fitted, summed over both parts: what is left, out of sample.",
    )
    args = parser.parse_args()
    views = {"analysed" if args.analyses else "plain":
             load(args.data / "gva-incidents", args.half, None, analyses=args.analyses,
                  fields=tuple(args.fields.split(",")) if args.fields else None)}
    if args.analyses and args.plain_too:
        views["plain"] = load(args.data / "gva-incidents", args.half, None)
    by_view = {view: [[r for r in records if sub_part(str(r["story"]), p)] for p in (0, 1)]
               for view, records in views.items()}
    parts = next(iter(by_view.values()))
    embedder = None
    if args.lead_vectors is not None:
        embedder = LeadEmbedder(args.lead_vectors, args.sentences,
                                full=not args.headline_vectors_only)
    pairs = [dated_pairs(part, embedder) for part in parts]
    if args.fit_plain and "plain" in by_view:
        pairs = [dated_pairs(part, embedder) for part in by_view["plain"]]
    for others in list(by_view.values())[1:] if not args.fit_plain else []:
        for p, part in enumerate(others):  # the same pairs, as the other view computes them
            more = dated_pairs(part, embedder)
            pairs[p] = (pairs[p][0] + more[0], pairs[p][1] + more[1])
    shipped = load_decision_model()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    merges = [None if m == "none" else float(m) for m in args.merges.split(",")]
    extra = tuple(name for name in args.extra.split(",") if name)
    only = tuple(name for name in FULL_FEATURES + extra if name not in args.without.split(","))
    rows = []
    errors: dict[str, dict[str, Counter[str]]] = {}
    for fit_on, view in [(f, v) for f in (0, 1) for v in by_view]:
        xs, ys = pairs[fit_on]
        scored = by_view[view][1 - fit_on]
        models = {}
        if "logistic" in args.models:
            weights = fit(xs, ys, only)
            # full_trees=None: the shipped model's trees would decide instead of these weights.
            models["logistic"] = dataclasses.replace(shipped, full=tuple(weights), full_trees=None)
        if "trees" in args.models:
            if args.online_pairs != "none":
                xs, ys = with_online(parts[fit_on], xs, ys, args.online_pairs, shipped, only,
                                     (args.trees, args.leaves), embedder)
            weights = None
            if args.weigh != "none":
                size = FEATURES.index("log_size")
                power = 1.0 if args.weigh == "size" else 0.5
                weights = [math.expm1(x[size]) ** power for x in xs]
            ensemble = fit_trees(xs, ys, only, trees=args.trees, leaves=args.leaves,
                                 weights=weights)
            models["trees"] = dataclasses.replace(shipped, full_trees=ensemble)
        for name, model in models.items():
            for threshold in thresholds:
                for merge in merges:
                    candidate = dataclasses.replace(
                        model, threshold_full=threshold, merge_full=merge
                    )
                    if args.errors:
                        found = analyse(scored, candidate, 0, embedder)
                        s = found["final"]
                        key = f"{name} {threshold} {merge}"
                        for part in ("lost_pairs_at_placement", "wrong_pairs_at_placement"):
                            errors.setdefault(key, {}).setdefault(part, Counter()).update(
                                found[part]
                            )
                    else:
                        s = run(scored, candidate, embedder)
                    row = {
                        "fit_on": fit_on, "view": view, "model": name, "threshold": threshold,
                        "merge": merge, "pairwise": s["pairwise"], "bcubed": s["bcubed"],
                        "objective": round((s["pairwise"]["f1"] + s["bcubed"]["f1"]) / 2, 4),
                    }
                    print(json.dumps(row), file=sys.stderr)
                    rows.append(row)
    if embedder is not None:
        embedder.save()
    print(json.dumps({"half": args.half, "parts": [len(p) for p in parts], "rows": rows,
                      "errors": {k: {p: dict(c.most_common()) for p, c in v.items()}
                                 for k, v in errors.items()}}, indent=1))


if __name__ == "__main__":
    main()
