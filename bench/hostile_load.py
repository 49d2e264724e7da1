"""Hostile load (issue 23): page latency while hit-dense searches run beside it, and the peak
memory of one hostile input.

    .venv/bin/python bench/hostile_load.py [--articles 1500] [--requests 1000] [--concurrency 8]

1. The store of ``bench/web.py`` (``--articles`` rows from ``--base`` analysed shared articles,
   built once and reused), plus hostile rows stored the way an older store holds them (no
   text cap): a 5 MB page repeating one word, and twenty 100,000-character pages of it.
2. ``europenews serve`` on it in a subprocess (so the load generator does not share its GIL).
3. Beside the load, one client searches without pause for the dense word and for 75 prefix
   terms; meanwhile each page (front page, a story page, ``/api/stories``) is requested
   ``--requests`` times by ``--concurrency`` clients. Prints p50/p95/p99 per page, errors, and
   the searches' own latency (``--no-search``: the same load alone, for comparison).
4. Peak memory: ``europenews ingest`` of one 990,000-character article (analysed after the
   text cap) in a subprocess, its maximum resident size.

Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web import build_store  # bench/web.py: the same store

SCRIPT = Path(sys.executable).with_name("europenews")
DENSE_WORD = "harbourmaster"


def add_hostile_rows(url: str) -> None:
    """The dense pages, stored directly (as a store from before the caps holds them)."""
    from sqlalchemy import select

    from europenews.ingest.fingerprint import article_keys
    from europenews.model import Article
    from europenews.store.articles import add_article
    from europenews.store.engine import open_store
    from europenews.store.schema import articles

    engine = open_store(url)
    with engine.begin() as conn:
        if conn.execute(select(articles.c.id).where(articles.c.title == "Dense 0")).first():
            engine.dispose()
            return
        pages = [Article(text=f"{DENSE_WORD} " * 400_000, title="Dense 0")]  # 5.6 MB
        pages += [Article(text=(f"{DENSE_WORD} " * 8_000)[:100_000] + f" page {n}",
                          title=f"Dense {n}") for n in range(1, 21)]
        for page in pages:
            keys = article_keys(page)
            add_article(conn, page, article_id=keys.id, url=None, url_key=None,
                        content_hash=keys.content_hash)
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _targets(url: str) -> dict[str, list[str]]:
    from sqlalchemy import select

    from europenews.store.engine import open_store
    from europenews.store.schema import stories

    engine = open_store(url)
    with engine.connect() as conn:
        story_ids = list(conn.execute(select(stories.c.id).order_by(
            stories.c.article_count.desc()).limit(10)).scalars())
    engine.dispose()
    return {"front": ["/", "/?page=2"], "story": [f"/stories/{s}" for s in story_ids],
            "api_stories": ["/api/stories"]}


def _percentiles(times: list[float]) -> dict[str, float]:
    times = sorted(times)

    def at(q: float) -> float:
        return round(times[max(0, math.ceil(len(times) * q) - 1)], 1)

    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": at(0.95),
            "p99_ms": at(0.99), "max_ms": round(times[-1], 1), "n": len(times)}


def hammer(base: str, paths: list[str], requests: int, concurrency: int) -> dict[str, object]:
    """``requests`` GETs over ``paths`` by ``concurrency`` clients; latency and errors."""
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def one(i: int, client: httpx.Client) -> None:
        path = paths[i % len(paths)]
        t0 = time.perf_counter()
        try:
            status = client.get(path).status_code
        except httpx.HTTPError as exc:
            status, detail = 0, type(exc).__name__
        else:
            detail = str(status)
        elapsed = (time.perf_counter() - t0) * 1000
        with lock:
            times.append(elapsed)
            if status != 200:
                errors.append(f"{path}: {detail}")

    clients = [httpx.Client(base_url=base, timeout=60) for _ in range(concurrency)]
    try:
        for path in paths:
            clients[0].get(path)  # warm up
        with ThreadPoolExecutor(concurrency) as pool:
            for i in range(requests):
                pool.submit(one, i, clients[i % concurrency])
    finally:
        for client in clients:
            client.close()
    return {**_percentiles(times), "errors": len(errors), "error_examples": errors[:3]}


class Searcher(threading.Thread):
    """Runs hit-dense searches back to back until stopped; keeps their latency."""

    QUERIES = (f"/search?q={DENSE_WORD}", "/search?q=" + "+".join(["a*"] * 75),
               "/search?q=" + "+".join(f"{w}*" for w in ("har", "pol", "sho", "kil") * 15),
               f"/api/search?q={DENSE_WORD}")

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.stop = threading.Event()
        self.times: list[float] = []
        self.statuses: dict[int, int] = {}

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=120) as client:
            i = 0
            while not self.stop.is_set():
                t0 = time.perf_counter()
                status = client.get(self.QUERIES[i % len(self.QUERIES)]).status_code
                self.times.append((time.perf_counter() - t0) * 1000)
                self.statuses[status] = self.statuses.get(status, 0) + 1
                i += 1


def measure_load(url: str, requests: int, concurrency: int,
                 search: bool = True) -> dict[str, object]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EUROPENEWS_")}
    server = subprocess.Popen([str(SCRIPT), "serve", "--db", url, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/api/status", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        targets = _targets(url)
        searcher = Searcher(base)
        if search:
            searcher.start()
        pages = {name: hammer(base, paths, requests, concurrency)
                 for name, paths in targets.items()}
        searcher.stop.set()
        if search:
            searcher.join(60)
        began = time.monotonic()
        server.terminate()  # SIGTERM while the last search may still run
        server.wait(60)
        stopped = round(time.monotonic() - began, 2)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    beside = {**_percentiles(searcher.times), "statuses": searcher.statuses} if search \
        else None
    return {"pages": pages, "search_beside": beside, "sigterm_to_exit_s": stopped}


def measure_memory(folder: Path) -> dict[str, object]:
    """Peak resident memory of ``ingest`` analysing one 990,000-character article."""
    text = ("The harbour committee heard from dock workers, engineers and the mayor. " * 14_000
            )[:990_000]
    path = folder / "huge-article.json"
    path.write_text(json.dumps({"title": "A very long page", "text": text}), encoding="utf-8")
    db = folder / "memory.db"
    db.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("EUROPENEWS_")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    done = subprocess.run([str(SCRIPT), "ingest", str(path), "--db", f"sqlite:///{db}"],
                          capture_output=True, text=True, env=env)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"input_chars": len(text), "exit": done.returncode,
            "seconds": round(time.perf_counter() - t0, 1),
            "peak_rss_mb": round(max(peak, before) / 1024, 1),
            "summary": done.stderr.strip().splitlines()[-1:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/europenews-bench-hostile.db")
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--base", type=int, default=100)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--no-search", action="store_true",
                        help="No searches beside the load (the baseline to compare with).")
    args = parser.parse_args()
    url = f"sqlite:///{args.db}"
    build_store(url, args.articles, args.base)
    add_hostile_rows(url)
    out: dict[str, object] = {"bench": "hostile_load", "articles": args.articles,
                              "requests_per_page": args.requests,
                              "concurrency": args.concurrency}
    out["load"] = measure_load(url, args.requests, args.concurrency, not args.no_search)
    if not args.skip_memory:
        out["memory"] = measure_memory(Path(args.db).parent)
    out["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(),
                      "load_average": [round(x, 2) for x in os.getloadavg()],
                      "platform": platform.platform()}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
