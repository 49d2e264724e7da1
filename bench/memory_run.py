"""Memory over a long intake of distinct real items (issue 19, item 4).

Every shared English article with text (GVA, ECB+, PolNeAR train and dev: about 6,000) is
mixed evenly with UCI headlines (title-only items, each title once) up to ``--total`` items,
and the mix is ingested ``ingest`` by ``ingest`` into one fresh SQLite store, in steps that end
at the checkpoints, with the default analysis (worker processes) and one story clusterer kept
across steps, as ``run`` keeps it. After each step: RSS of this process (the one writer) and
of every analysis worker, how many items the store took as new (de-duplication must not drop
the distinct items silently) and, with ``--trace``, the writer's Python allocations that grew
most since the first checkpoint (tracemalloc, one frame).

Every item is distinct text: nothing is repeated under a new id, so the vocabulary, the
strings of spaCy's StringStore and the clusterer's word counts grow as on a real stream.

    nice -n 10 .venv/bin/python bench/memory_run.py --total 20000 [--stop N] [--trace]
        [--workdir DIR]

Prints one JSON line per checkpoint, then the growth summary (20,000 against 2,000).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data"
CHECKPOINTS = (1_000, 2_000, 5_000, 10_000, 15_000, 20_000)


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def full_articles() -> list[dict[str, Any]]:
    """The shared English articles with text, each under its own id and url."""
    from europenews.evaluate.polnear import read_polnear

    out: list[dict[str, Any]] = []
    for name in ("gva-incidents", "ecbplus"):
        for row in _jsonl(DATA / "clustering" / name / "articles.jsonl"):
            if row.get("text"):
                out.append({"id": f"{name}-{row['id']}", "title": row.get("title"),
                            "text": row["text"], "published": row.get("published"),
                            "url": row.get("url") or f"https://example.org/{name}/{row['id']}",
                            "language": "en"})
    for part in ("train", "dev"):
        for doc in read_polnear(DATA / "quotes" / "polnear" / part):
            out.append({"id": f"polnear-{doc.name}", "title": None, "text": doc.text,
                        "published": None, "url": f"https://example.org/polnear/{doc.name}",
                        "language": "en"})
    return out


def headlines(wanted: int) -> list[dict[str, Any]]:
    """The first ``wanted`` UCI headlines with a title not seen before (a repeated title is
    the same item to the store's de-duplication)."""
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    if wanted <= 0:
        return out
    for row in _jsonl(DATA / "clustering" / "uci-news-aggregator" / "articles.jsonl.gz"):
        key = " ".join(str(row.get("title") or "").lower().split())
        if not key or key in seen:
            continue
        seen.add(key)
        # The store takes no item without text: a headline item's text is its title, as a
        # feed item with a title alone would be read.
        out.append({"id": f"uci-{row['id']}", "title": row["title"], "text": row["title"],
                    "published": row.get("published"), "url": row.get("url"),
                    "source": row.get("source"), "language": "en"})
        if len(out) >= wanted:
            break
    return out


def mixed(total: int) -> list[dict[str, Any]]:
    """Articles spread evenly among headlines, so every step holds the same mix."""
    full = full_articles()[:total]
    heads = headlines(total - len(full))
    out: list[dict[str, Any]] = []
    f = h = 0
    for i in range(len(full) + len(heads)):
        # The i-th item is an article when the article share steps past a whole number.
        if f < len(full) and (i + 1) * len(full) // (len(full) + len(heads)) > f:
            out.append(full[f])
            f += 1
        else:
            out.append(heads[h])
            h += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=CHECKPOINTS[-1])
    parser.add_argument("--trace", action="store_true",
                        help="tracemalloc in this process (the writer); slows it")
    parser.add_argument("--stop", type=int, default=None,
                        help="ingest only the first N items of the --total mix (its checkpoints "
                             "then compare with a full run's)")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()

    from europenews.analyze.backends import make_analyzer
    from europenews.analyze.processes import release_freed_memory
    from europenews.config import Settings
    from europenews.stages.clustering import new_clusterer
    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings
    from europenews.store.engine import open_store

    items = mixed(args.total)[:args.stop]
    n_full = sum(1 for i in items if not i["id"].startswith("uci-"))
    print(json.dumps({"items": len(items), "articles_with_text": n_full,
                      "headlines": len(items) - n_full}), flush=True)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="europenews-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    engine = open_store(f"sqlite:///{work / 'long.db'}")
    nlp = make_analyzer(Settings())
    # Kept across steps and with the headline model read at start, as ``run`` does.
    clusterer = new_clusterer(engine, load_models=True)
    if args.trace:
        tracemalloc.start(1)
    first: tracemalloc.Snapshot | None = None
    marks = [c for c in CHECKPOINTS if c < len(items)] + [len(items)]
    done, new, began, lines = 0, 0, time.perf_counter(), []
    try:
        for mark in marks:
            part = work / f"part-{done}.jsonl"
            with part.open("w", encoding="utf-8") as fh:
                for item in items[done:mark]:
                    fh.write(json.dumps(item) + "\n")
            summary = ingest_sources([str(part)], engine, nlp, IngestSettings(),
                                     clusterer=clusterer)
            part.unlink()
            done, new = mark, new + summary.new
            took = time.perf_counter() - began
            pool = getattr(nlp, "_pool", None)
            workers = {pid: round(_rss_mb(pid)) for pid in
                       (pool._processes if pool is not None else {})}
            line: dict[str, Any] = {
                "items": done, "new": new, "analysed": summary.analysed,
                "failed": summary.failed, "refused": summary.refused,
                "seconds": round(took), "items_per_s": round(done / took, 2),
                "writer_cpu_s": round(time.process_time()),
                "writer_rss_mb": round(_rss_mb(os.getpid())), "worker_rss_mb": workers,
                "load": round(os.getloadavg()[0], 1),
                "stories": getattr(getattr(clusterer, "clusterer", None), "active_stories", None)}
            # What of the writer's RSS is free heap glibc kept, not objects: the same process
            # after handing its free pages back (as each worker does after every chunk).
            release_freed_memory()
            line["writer_rss_trimmed_mb"] = round(_rss_mb(os.getpid()))
            if args.trace:
                snap = tracemalloc.take_snapshot()
                line["traced_mb"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
                line["tracemalloc_own_mb"] = round(tracemalloc.get_tracemalloc_memory() / 2**20)
                if first is None:
                    first = snap
                else:
                    line["grew"] = [f"{s.traceback[0].filename.rsplit('/', 3)[-1]}:"
                                    f"{s.traceback[0].lineno} {s.size_diff / 2**20:+.1f} MB"
                                    for s in snap.compare_to(first, "lineno")[:args.top]]
            lines.append(line)
            print(json.dumps(line), flush=True)
    finally:
        if hasattr(nlp, "close"):
            nlp.close()
        engine.dispose()
    at = {line["items"]: line for line in lines}
    if 2_000 in at and len(items) in at:
        a, b = at[2_000], at[len(items)]
        print(json.dumps({"writer_ratio": round(b["writer_rss_mb"] / a["writer_rss_mb"], 3),
                          "worker_max_mb": [max(a["worker_rss_mb"].values(), default=0),
                                            max(b["worker_rss_mb"].values(), default=0)]}))


if __name__ == "__main__":
    main()
