"""Ingestion and search benchmark.

0. The issue-19 ratio: ``europenews ingest`` of N GVA articles with text, end to end into a
   fresh SQLite store (the whole process, start-up included), next to a bare single-process
   ``spacy.load(model).pipe(texts)`` on the same texts (also a whole process); both run
   alternately ``--repeat`` times and the fastest of each counts. articles/s end to end.
1. End-to-end ingest (read → store → analyse → cluster) of the GVA incidents set into a new
   SQLite database: articles/s.
2. Search latency (p50/p95) over the UCI headline set (~300k rows) stored in SQLite
   (headlines stored as articles without analysis), with queries drawn from the headlines.

Prints one JSON object. Example::

    .venv/bin/python bench/ingest.py                      # both parts, full sets
    .venv/bin/python bench/ingest.py --limit 500 --uci-limit 50000   # quick run
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "clustering"
STOP = frozenset(re.findall(r"\w+", "the a an and or of to in on for with at by from as is are was "
                            "were be has have after over into new says said will its it this "
                            "that than up out not"))


class StageClock:
    """A Progress that records wall and CPU time per stage and logs every 100 items."""

    def __init__(self) -> None:
        self.stages: dict[str, dict[str, float]] = {}
        self.current: str | None = None

    def _close(self) -> None:
        if self.current is not None:
            st = self.stages[self.current]
            st["wall_s"] = round(time.perf_counter() - st.pop("_t0"), 1)
            st["cpu_s"] = round(time.process_time() - st.pop("_c0"), 1)

    def stage(self, name: str, total: int | None) -> None:
        self._close()
        self.current = name
        self.stages[name] = {"total": total or 0, "done": 0,
                             "_t0": time.perf_counter(), "_c0": time.process_time()}

    def advance(self, n: int = 1) -> None:
        st = self.stages[self.current or ""]
        st["done"] += n
        if st["done"] % 100 == 0:
            elapsed = time.perf_counter() - st["_t0"]
            print(json.dumps({"stage": self.current, "done": st["done"], "total": st["total"],
                              "wall_s": round(elapsed, 1),
                              "cpu_s": round(time.process_time() - st["_c0"], 1)}),
                  file=sys.stderr, flush=True)

    def finish(self) -> dict[str, dict[str, float]]:
        self._close()
        self.current = None
        return self.stages


def bench_ingest(path: Path, limit: int | None, workdir: Path) -> dict[str, object]:
    from europenews.analyze.pipeline import build_pipeline
    from europenews.config import Settings
    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings
    from europenews.store.engine import open_store

    source = path
    if limit is not None:
        source = workdir / "gva-subset.jsonl"
        with path.open(encoding="utf-8") as src, source.open("w", encoding="utf-8") as dst:
            for n, line in enumerate(src):
                if n >= limit:
                    break
                dst.write(line)
    db = workdir / "gva.db"
    engine = open_store(f"sqlite:///{db}")
    settings = Settings()
    t0 = time.perf_counter()
    nlp = build_pipeline(settings)
    load_s = time.perf_counter() - t0
    clock = StageClock()
    t1, c1 = time.perf_counter(), time.process_time()
    summary = ingest_sources([str(source)], engine, nlp, IngestSettings(model=settings.model),
                             clock)
    elapsed, cpu = time.perf_counter() - t1, time.process_time() - c1
    stages = clock.finish()
    t2 = time.perf_counter()
    again = ingest_sources([str(source)], engine, nlp, IngestSettings(model=settings.model))
    rerun_s = time.perf_counter() - t2
    engine.dispose()
    return {
        "data": str(path), "articles": summary.fetched, "new": summary.new,
        "duplicates": summary.duplicates, "failed": summary.failed,
        "failure_examples": [r for _, r in summary.failures[:3]],
        "analysed": summary.analysed, "clustered": summary.clustered,
        "seconds": round(elapsed, 1), "cpu_seconds": round(cpu, 1),
        "articles_per_s": round(summary.fetched / elapsed, 2),
        "articles_per_cpu_s": round(summary.fetched / cpu, 2),
        "stages": stages, "model_load_s": round(load_s, 1), "rerun_new": again.new,
        "rerun_duplicates": again.duplicates, "rerun_seconds": round(rerun_s, 1),
        "db_mb": round(db.stat().st_size / 1e6, 1),
    }


BARE = """
import json, sys
import spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def _with_text(path: Path, n: int, out: Path) -> int:
    """The first ``n`` articles of ``path`` that have a text, written to ``out``."""
    kept = 0
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if kept == n:
                break
            if (json.loads(line).get("text") or "").strip():
                dst.write(line)
                kept += 1
    return kept


def _descendants(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            out += [child, *_descendants(child)]
    return out


def _cpu_s(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(cmd: list[str], env: dict[str, str], cpu: list[float] | None = None
           ) -> tuple[float, str]:
    """Wall seconds of a whole process, and into ``cpu`` the CPU seconds of it and of every
    process below it (the analysis workers are the fork server's children, which the command
    never waits for, so they are sampled from /proc every 0.1 s: the last tenth of a second of
    each may be missed)."""
    seen: dict[int, float] = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, env=env)
        while proc.poll() is None:
            for pid in [proc.pid, *_descendants(proc.pid)]:
                seen[pid] = max(seen.get(pid, 0.0), _cpu_s(pid))
            time.sleep(0.1)
        took = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        # The command itself, exactly (it has been waited for), plus what was sampled below it.
        own = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        cpu.append(own + sum(v for p, v in seen.items() if p != proc.pid))
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed ({proc.returncode}): {stderr[-2000:]}")
    return took, stdout


def bench_ratio(path: Path, n: int, workdir: Path, repeat: int,
                workers: int | None) -> dict[str, object]:
    from europenews.config import Settings

    texts = workdir / "ratio.jsonl"
    kept = _with_text(path, n, texts)
    model = Settings().model
    env = {k: v for k, v in os.environ.items() if not k.startswith("EUROPENEWS_")}
    if workers is not None:
        env["EUROPENEWS_WORKERS"] = str(workers)
    script = Path(sys.executable).with_name("europenews")
    bare_s: list[float] = []
    ingest_s: list[float] = []
    bare_cpu: list[float] = []
    ingest_cpu: list[float] = []
    summary: dict[str, object] = {}
    for i in range(repeat):
        bare_s.append(_timed([sys.executable, "-c", BARE, str(texts), model], env, bare_cpu)[0])
        db = workdir / f"ratio-{i}.db"
        db.unlink(missing_ok=True)
        took, out = _timed([str(script), "ingest", str(texts), "--db", f"sqlite:///{db}",
                            "--summary-format", "json"], env, ingest_cpu)
        ingest_s.append(took)
        summary = json.loads(out)
        print(json.dumps({"run": i, "bare_s": round(bare_s[-1], 2),
                          "ingest_s": round(took, 2), "bare_cpu_s": round(bare_cpu[-1], 2),
                          "ingest_cpu_s": round(ingest_cpu[-1], 2),
                          "load": round(os.getloadavg()[0], 1)}), file=sys.stderr, flush=True)
    best_bare, best_ingest = min(bare_s), min(ingest_s)
    return {
        "data": str(path), "articles": kept, "workers": workers or "default (one per core)",
        "bare_spacy_s": [round(x, 2) for x in bare_s], "ingest_s": [round(x, 2) for x in ingest_s],
        "ratio": round(best_ingest / best_bare, 3),
        # CPU seconds of all processes: what the ratio would approach on idle cores is
        # about (ingest CPU / cores) / bare CPU, start-up aside.
        "bare_cpu_s": [round(x, 2) for x in bare_cpu],
        "ingest_cpu_s": [round(x, 2) for x in ingest_cpu],
        "cpu_ratio": round(min(ingest_cpu) / min(bare_cpu), 3),
        "articles_per_s": round(kept / best_ingest, 2),
        "analysed": summary.get("analysed"), "clustered": summary.get("clustered"),
        "load_after": round(os.getloadavg()[0], 1),
        "command": f"bench/ingest.py --ratio-n {n} --repeat {repeat}"
                   + (f" --workers {workers}" if workers is not None else ""),
    }


def _headlines(path: Path, limit: int | None) -> list[dict[str, str]]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                break
            rows.append(json.loads(line))
    return rows


def _queries(rows: list[dict[str, str]], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        words = [w for w in re.findall(r"[A-Za-z]{4,}", rng.choice(rows)["title"])
                 if w.lower() not in STOP]
        if not words:
            continue
        k = rng.choice((1, 1, 2, 2, 3))
        start = rng.randrange(max(1, len(words) - k + 1))
        picked = words[start:start + k]
        out.append(f'"{" ".join(picked)}"' if k == 3 else " ".join(picked))
    return out


def bench_search(path: Path, limit: int | None, queries: int, workdir: Path,
                 db_url: str | None, seed: int, load: bool = True) -> dict[str, object]:
    from sqlalchemy import func, select

    from europenews.ingest.fingerprint import article_keys
    from europenews.model import Article
    from europenews.store.articles import add_article
    from europenews.store.engine import open_store
    from europenews.store.schema import articles
    from europenews.store.search import search_articles

    rows = _headlines(path, limit)
    engine = open_store(db_url or f"sqlite:///{workdir / 'uci.db'}")
    t0 = time.perf_counter()
    for start in range(0, len(rows) if load else 0, 5000):
        with engine.begin() as conn:
            for r in rows[start:start + 5000]:
                # UCI has headlines only: the headline is the text to search.
                art = Article(text=r["title"], id=r["id"], title=r["title"], url=r.get("url"),
                              published=r.get("published"), source=r.get("source"))
                keys = article_keys(art)
                add_article(conn, art, article_id=keys.id, url=keys.url, url_key=keys.url_key,
                            content_hash=keys.content_hash)
        if start % 50000 == 0:
            print(json.dumps({"loaded": start + 5000, "s": round(time.perf_counter() - t0)}),
                  file=sys.stderr, flush=True)
    # Re-running on the same --workdir resumes the load: stored rows are skipped as duplicates.
    load_s = time.perf_counter() - t0
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    qs = _queries(rows, queries, seed)
    timings, hits = [], []
    with engine.connect() as conn:
        search_articles(conn, qs[0])  # warm the page cache once
        for q in qs:
            t = time.perf_counter()
            found = search_articles(conn, q, limit=20)
            timings.append((time.perf_counter() - t) * 1000)
            hits.append(len(found))
    engine.dispose()
    timings.sort()
    return {
        "data": str(path), "rows": len(rows), "stored": stored, "load_s": round(load_s, 1),
        "backend": engine.dialect.name, "queries": len(qs), "seed": seed,
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
        "max_ms": round(timings[-1], 2),
        "mean_hits": round(sum(hits) / len(hits), 1),
        "example_queries": qs[:5],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gva", type=Path, default=DATA / "gva-incidents" / "articles.jsonl")
    parser.add_argument("--uci", type=Path,
                        default=DATA / "uci-news-aggregator" / "articles.jsonl.gz")
    parser.add_argument("--limit", type=int, default=None, help="GVA articles to ingest")
    parser.add_argument("--uci-limit", type=int, default=None, help="UCI rows to load")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--ratio-n", type=int, default=400,
                        help="GVA articles with text for the ingest/bare-spaCy ratio")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int, default=None,
                        help="analysis processes for the ratio (default: one per core)")
    parser.add_argument("--skip-ratio", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--search-db", default=None,
                        help="database URL for the search part (default: a new SQLite file)")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--no-load", action="store_true",
                        help="search the headlines already stored in --workdir / --search-db")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="europenews-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    out: dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "workdir": str(workdir),
    }
    if not args.skip_ratio:
        out["ratio"] = bench_ratio(args.gva, args.ratio_n, workdir, args.repeat, args.workers)
        print(json.dumps(out["ratio"]), file=sys.stderr, flush=True)
    if not args.skip_ingest:
        out["ingest"] = bench_ingest(args.gva, args.limit, workdir)
        print(json.dumps(out["ingest"]), file=sys.stderr, flush=True)
    if not args.skip_search:
        out["search"] = bench_search(args.uci, args.uci_limit, args.queries, workdir,
                                     args.search_db, args.seed, load=not args.no_load)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
