"""The writer's memory over ``bench/memory_run.py``'s mix without spaCy (issue 19).

The mix's first ``--stop`` items are ingested in steps ending at ``--marks`` into a fresh
SQLite store, in this process, with one story clusterer kept across steps; their analyses are
replayed (by url) from a cache that ``bench/store_replay.py from-store`` made of a store
``memory_run.py`` filled, so items it did not analyse are left out. After each step: the RSS
and, with ``--frames N``, the traced heap and the lines that grew most since the first step
(tracemalloc; it slows the run several times over).

    .venv/bin/python bench/store_replay.py from-store --db RUN/long.db --articles A.jsonl \
        --cache /tmp/wcache   # A.jsonl: any file, only the analyses are used here
    nice -n 10 .venv/bin/python bench/writer_memory.py --cache /tmp/wcache --stop 4900 \
        --marks 1000,2000,4900 --frames 1
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory_run import _rss_mb, mixed
from store_replay import Replay


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--stop", type=int, default=4900)
    parser.add_argument("--marks", default="1000,2000,4900")
    parser.add_argument("--frames", type=int, default=0)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()

    from europenews.stages.clustering import new_clusterer
    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings
    from europenews.store.engine import open_store

    with (args.cache / "analyses.pkl").open("rb") as src:
        payloads = pickle.load(src)
    by_url = {p["url"]: p for p in payloads.values()}
    items = mixed(20_000)[:args.stop]
    work = Path(tempfile.mkdtemp(prefix="europenews-writer-memory-"))
    engine = open_store(f"sqlite:///{work / 'w.db'}")
    clusterer = new_clusterer(engine, load_models=True)  # as ``run`` has it
    nlp = Replay({}, by_url)
    if args.frames:
        tracemalloc.start(args.frames)
    first: tracemalloc.Snapshot | None = None
    done, began = 0, time.perf_counter()
    for mark in (int(m) for m in args.marks.split(",")):
        part = work / "part.jsonl"
        with part.open("w", encoding="utf-8") as fh:
            for item in items[done:mark]:
                if item["url"] in by_url:
                    fh.write(json.dumps(item) + "\n")
        summary = ingest_sources([str(part)], engine, nlp, IngestSettings(), clusterer=clusterer)
        done = mark
        gc.collect()
        line: dict[str, float] = {
            "items": done, "new": summary.new, "rss_mb": round(_rss_mb(os.getpid())),
            "seconds": round(time.perf_counter() - began), "cpu_s": round(time.process_time())}
        if args.frames:
            snap = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__)])
            line["traced_mb"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
        print(json.dumps(line), flush=True)
        if not args.frames:
            continue
        if first is None:
            first = snap
            continue
        key = "traceback" if args.frames > 1 else "lineno"
        for stat in snap.compare_to(first, key)[:args.top]:
            where = " < ".join(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}"
                               for f in reversed(stat.traceback))
            print(f"  {stat.size_diff / 2**20:+.2f} MB {stat.count_diff:+d} {where}", flush=True)
    engine.dispose()


if __name__ == "__main__":
    main()
