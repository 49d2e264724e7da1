"""``europenews eval stories``: pairwise and BCubed P/R/F1 on the story-clustering sets.

Each set is streamed in the order its README prescribes (the file order or timestamps leak
the answer otherwise): ``uci-news-aggregator`` by UTC day, shuffled within the day;
``gva-incidents`` by ``published``; ``ecbplus`` shuffled. Shuffles use ``SEED``.
"""

from __future__ import annotations

import os
import platform
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from europenews.errors import InputError
from europenews.ingest.jsonl import read_jsonl
from europenews.stories.cluster import OnlineClusterer
from europenews.stories.items import story_item_from_dict
from europenews.stories.minilm import default_embedder, embedder_name

SEED = 13
SETS = ("gva-incidents", "ecbplus", "uci-news-aggregator")
PREFETCH = 1024  # items whose headline vectors are computed in one go


def articles_file(folder: Path) -> Path:
    for name in ("articles.jsonl", "articles.jsonl.gz"):
        if (folder / name).exists():
            return folder / name
    raise InputError(f"{folder}: no articles.jsonl(.gz)")


def prescribed_order(
    name: str, records: list[dict[str, Any]], seed: int = SEED
) -> list[dict[str, Any]]:
    """The articles in the streaming order the set's README prescribes."""
    rng = random.Random(seed)
    keyed = [(rng.random(), r) for r in records]
    if "ecb" in name or all(not r.get("published") for r in records):
        return [r for _, r in sorted(keyed, key=lambda kr: kr[0])]
    if "uci" in name:
        return [
            r for _, r in sorted(keyed, key=lambda kr: (str(kr[1].get("published"))[:10], kr[0]))
        ]
    return sorted(
        records, key=lambda r: str(r.get("published") or "")
    )  # stable: file order within a day


def cluster_scores(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """Pairwise and BCubed P/R/F1 from a contingency counter (linear time)."""
    joint = Counter(zip(gold, predicted, strict=True))
    gold_sizes, pred_sizes = Counter(gold), Counter(predicted)
    n = len(gold)

    def pairs(count: int) -> int:
        return count * (count - 1) // 2

    tp = sum(pairs(c) for c in joint.values())
    pred_pairs = sum(pairs(c) for c in pred_sizes.values())
    gold_pairs = sum(pairs(c) for c in gold_sizes.values())
    bp = sum(c * c / pred_sizes[p] for (_, p), c in joint.items()) / n if n else 0.0
    br = sum(c * c / gold_sizes[g] for (g, _), c in joint.items()) / n if n else 0.0
    return {
        "pairwise": _prf(
            tp / pred_pairs if pred_pairs else 0.0, tp / gold_pairs if gold_pairs else 0.0
        ),
        "bcubed": _prf(bp, br),
        "predicted_stories": len(pred_sizes),
        "gold_stories": len(gold_sizes),
    }


def _prf(p: float, r: float) -> dict[str, float]:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate_set(folder: Path, limit: int | None = None, seed: int = SEED) -> dict[str, Any]:
    """Stream one set through a fresh clusterer in the prescribed order and score it."""
    records = prescribed_order(folder.name, list(read_jsonl(articles_file(folder), limit)), seed)
    embedder = default_embedder()
    clusterer = OnlineClusterer(embedder=embedder)
    started = time.perf_counter()
    final = place_all(clusterer, records)
    gold = [str(record.get("story")) for record in records]
    elapsed = time.perf_counter() - started
    result = {"set": folder.name, "articles": len(records), "seed": seed,
              "placed_by": embedder_name(embedder)}
    result.update(cluster_scores(gold, final))
    result["articles_per_s"] = round(len(records) / elapsed, 1) if elapsed > 0 else None
    return result


def place_all(clusterer: OnlineClusterer, records: list[dict[str, Any]]) -> list[str]:
    """Each record's story at the end of the stream, placed in the order given.

    The recipe scores each article's story at the end of the stream: a story merged into
    another later counts as that one (`europenews cluster` prints the story on arrival).
    """
    items = [story_item_from_dict(r, default_id=str(n)) for n, r in enumerate(records)]
    predicted = []
    for start in range(0, len(items), PREFETCH):
        # Headline vectors in batches ahead of the stream: each depends on its own headline
        # only, so no later article is used.
        clusterer.prefetch(items[start : start + PREFETCH])
        predicted += [clusterer.assign(item).story_id for item in items[start : start + PREFETCH]]
    return [clusterer.resolve(story_id) for story_id in predicted]


def machine() -> str:
    """The machine this process runs on, as speed figures need it (not a constant)."""
    return (
        f"{platform.machine() or 'unknown'}, {os.cpu_count() or '?'} cores, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def evaluate_stories(
    path: Path, limit: int | None = None, seeds: tuple[int, ...] = (SEED,)
) -> dict[str, Any]:
    """Scores for every set under ``path`` (the clustering folder), or for ``path`` (one set).

    With several ``seeds``, sets whose order has a shuffle (all but gva-incidents) are run
    once per seed; the set then reports each run under ``runs`` and the mean F1s at its top.
    """
    if any((path / name).exists() for name in ("articles.jsonl", "articles.jsonl.gz")):
        folders = [path]
    else:
        folders = [path / name for name in SETS if (path / name).is_dir()]
        if not folders:
            raise InputError(f"{path}: no clustering set (expected {', '.join(SETS)})")
    if not seeds:
        raise InputError("eval stories: at least one seed is needed")
    return {
        "task": "stories",
        "machine": machine(),
        "sets": {folder.name: _evaluate_seeds(folder, limit, seeds) for folder in folders},
    }


def _evaluate_seeds(folder: Path, limit: int | None, seeds: tuple[int, ...]) -> dict[str, Any]:
    if len(seeds) == 1 or "gva" in folder.name:  # gva-incidents: published order, no shuffle
        return evaluate_set(folder, limit, seeds[0])
    runs = [evaluate_set(folder, limit, seed) for seed in seeds]
    return {
        "set": folder.name,
        "articles": runs[0]["articles"],
        "placed_by": runs[0]["placed_by"],
        "seeds": list(seeds),
        "mean": {
            metric: round(sum(r[metric]["f1"] for r in runs) / len(runs), 4)
            for metric in ("pairwise", "bcubed")
        },
        "runs": runs,
    }
