"""Analysis throughput in-process vs. a Dask LocalCluster with 1 and 2 workers.

    .venv/bin/python bench/scale.py [--n 1000] [--data PATH]

Prints JSON: articles/s for each setting, the speed-up of 2 workers over 1, and the number
of workers needed for 300,000 articles a day at the measured per-worker rate. Pipeline
start-up on the workers is excluded (warm-up batch first), as in a long-running install.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import time
from pathlib import Path

from europenews.analyze.pipeline import analyze_articles, build_pipeline
from europenews.config import Settings
from europenews.model import Article

DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent.parent
    / "shared/data/clustering/gva-incidents/articles.jsonl"
)
PER_DAY = 300_000


def load_articles(path: Path, n: int) -> list[Article]:
    out: list[Article] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("text", "").strip():
                out.append(Article(text=row["text"], id=row["id"], title=row.get("title")))
            if len(out) == n:
                break
    return out


def in_process(articles: list[Article], settings: Settings) -> float:
    nlp = build_pipeline(settings)
    list(analyze_articles(nlp, articles[:8]))  # warm-up
    start = time.perf_counter()
    for _ in analyze_articles(nlp, articles, batch_size=settings.batch_size):
        pass
    return len(articles) / (time.perf_counter() - start)


def on_cluster(articles: list[Article], settings: Settings, workers: int) -> float:
    from distributed import Client, LocalCluster

    from europenews.analyze.distributed import analyze_many, register

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster, \
            Client(cluster) as client:
        register(client, settings)
        client.wait_for_workers(workers)
        list(analyze_many(client, articles[: 8 * workers], batch_size=8))  # warm-up
        start = time.perf_counter()
        for _ in analyze_many(client, articles, batch_size=settings.batch_size):
            pass
        return len(articles) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    settings = Settings(batch_size=16)
    articles = load_articles(args.data, args.n)
    local = in_process(articles, settings)
    one = on_cluster(articles, settings, 1)
    two = on_cluster(articles, settings, 2)
    per_worker = one
    print(json.dumps({
        "articles": len(articles),
        "in_process_articles_per_s": round(local, 2),
        "dask_1_worker_articles_per_s": round(one, 2),
        "dask_2_workers_articles_per_s": round(two, 2),
        "speedup_2_over_1": round(two / one, 2),
        "articles_per_day_per_worker": round(per_worker * 86400),
        "workers_for_300k_per_day": math.ceil(PER_DAY / (per_worker * 86400)),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
    }, indent=2))


if __name__ == "__main__":
    main()
