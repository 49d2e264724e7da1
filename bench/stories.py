"""Story clustering cost per article on the UCI headline stream (no analysis involved).

    .venv/bin/python bench/stories.py \
        [--data ../shared/data/clustering/uci-news-aggregator] [--limit N]

Streams the set in its prescribed order (UTC day, seeded shuffle within the day) through one
OnlineClusterer and prints JSON: mean clustering time per article for the first and the last
10,000 articles, their ratio (flat cost means ~1), overall articles/s, active stories at the
end, peak memory and (as a by-product) the pairwise/BCubed scores. Reading and JSON
parsing are excluded from the per-article times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path

from europenews.evaluate.stories import (
    SEED,
    articles_file,
    cluster_scores,
    prescribed_order,
)
from europenews.ingest.jsonl import read_jsonl
from europenews.stories.cluster import OnlineClusterer
from europenews.stories.items import story_item_from_dict
from train_stories import cached_embedder

WINDOW = 10_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path("../shared/data/clustering/uci-news-aggregator")
    )
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--embeddings", type=Path, default=None,
        help="cached headline vectors (bench/embed_stories.py): the clustering cost with the "
        "dense feature, the vectors' own cost excluded (it is the same for every headline)")
    args = parser.parse_args()
    records = prescribed_order(
        args.data.name, list(read_jsonl(articles_file(args.data), args.limit))
    )
    items = [story_item_from_dict(r, default_id=str(i)) for i, r in enumerate(records)]
    gold = [str(r.get("story")) for r in records]
    del records
    clusterer = OnlineClusterer(embedder=cached_embedder(args.embeddings, args.data.name))
    times = []
    predicted = []
    started = time.perf_counter()
    for item in items:
        t0 = time.perf_counter()
        predicted.append(clusterer.assign(item).story_id)
        times.append(time.perf_counter() - t0)
    total = time.perf_counter() - started
    window = min(WINDOW, len(times) // 2)
    first = sum(times[:window]) / window
    last = sum(times[-window:]) / window
    print(
        json.dumps(
            {
                "set": args.data.name,
                "seed": SEED,
                "articles": len(items),
                "window": window,
                "first_ms_per_article": round(first * 1000, 3),
                "last_ms_per_article": round(last * 1000, 3),
                "last_over_first": round(last / first, 3),
                "articles_per_s": round(len(items) / total, 1),
                "active_stories_at_end": clusterer.active_stories,
                "scores": cluster_scores(gold, [clusterer.resolve(p) for p in predicted]),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                f"Python {platform.python_version()}",
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
