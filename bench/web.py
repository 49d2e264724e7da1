"""Web latency: p50/p95 per page with a store of 5,000 articles (SQLite).

    .venv/bin/python bench/web.py [--articles 5000] [--base 200] [--requests 30]

Builds the store once (reused on later runs): ``--base`` real articles from
../shared/data/clustering/gva-incidents (plus the seed article) are analysed by the real
pipeline, then stored through the store's own functions until ``--articles`` rows exist;
each copy gets its own id, date (30 days), outlet and a story shared with copies of the
same incident, so stories have several sources. Then the app is served by uvicorn on
127.0.0.1 and each page is requested ``--requests`` times in turn. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import socket
import statistics
import sys
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, select, text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "clustering" / "gva-incidents" / "articles.jsonl"
SEED = ROOT / "examples" / "ukraine-nato-security-guarantees.txt"


def _base_articles(n: int) -> list[tuple[str, object]]:
    from europenews.model import Article

    out: list[tuple[str, object]] = [("seed", Article(text=SEED.read_text(encoding="utf-8"),
                                                      title="Ukraine and NATO", source="seed"))]
    with SHARED.open(encoding="utf-8") as f:
        for line in f:
            if len(out) >= n:
                break
            row = json.loads(line)
            if len(row.get("text") or "") < 300:
                continue
            out.append((str(row["story"]), Article(
                text=row["text"][:6000], title=row.get("title"), source=row.get("source"),
                language="en")))
    return out


def build_store(url: str, n_articles: int, n_base: int) -> None:
    from europenews.analyze.pipeline import analyze_articles, build_pipeline
    from europenews.ingest.fingerprint import article_keys
    from europenews.stages.analysis import store_analysis
    from europenews.stages.writer import DirectWriter
    from europenews.store.articles import add_article
    from europenews.store.engine import open_store
    from europenews.store.stories import assign_to_story, list_story_members, refresh_story
    from europenews.stories.summary import summarize_story

    engine = open_store(url)
    with engine.connect() as conn:
        have = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    if have >= n_articles:
        print(f"reusing {url} ({have} articles)", file=sys.stderr)
        engine.dispose()
        return
    base = _base_articles(n_base)
    t0 = time.perf_counter()
    nlp = build_pipeline()
    analyses = list(analyze_articles(nlp, [a for _, a in base]))
    print(f"analysed {len(base)} base articles in {time.perf_counter() - t0:.0f}s",
          file=sys.stderr)
    rng = random.Random(7)
    end = datetime(2026, 11, 26, 12, tzinfo=UTC)
    stories: set[str] = set()
    t0 = time.perf_counter()
    for i in range(have, n_articles):
        label, analysis = base[i % len(base)][0], analyses[i % len(base)]
        copy = i // len(base)
        when = end - timedelta(hours=rng.uniform(0, 24 * 30))
        article = replace(analysis.article, text=analysis.article.text + f"\n\n[copy {i}]",
                          url=f"https://outlet{i % 37}.example/{label}/{i}",
                          source=f"outlet{i % 37}.example",
                          published=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
        keys = article_keys(article)
        with engine.begin() as conn:
            added = add_article(conn, article, article_id=keys.id, url=keys.url,
                                url_key=keys.url_key, content_hash=keys.content_hash)
        store_analysis(DirectWriter(engine), added.article_id, replace(analysis, article=article))
        story_id = f"s{label}-{copy // 4}"  # four rounds of copies form one story
        with engine.begin() as conn:
            assign_to_story(conn, added.article_id, story_id)
        stories.add(story_id)
        if i % 500 == 0:
            print(f"stored {i} ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
    with engine.begin() as conn:
        for story_id in stories:
            refresh_story(conn, story_id, summarize_story(list_story_members(conn, story_id)))
    engine.dispose()


def _targets(url: str) -> dict[str, list[str]]:
    """Paths to request per page, rotating over real ids from the store."""
    from europenews.store.engine import open_store
    from europenews.store.schema import articles, entities, places, quotes, stories

    engine = open_store(url)
    with engine.connect() as conn:
        story_ids = list(conn.execute(select(stories.c.id).order_by(
            stories.c.article_count.desc()).limit(10)).scalars())
        people = list(conn.execute(select(entities.c.id).where(entities.c.type == "person")
                                   .order_by(entities.c.article_count.desc()).limit(10))
                      .scalars())
        article_ids = list(conn.execute(select(articles.c.id).limit(10)).scalars())
        place_names = list(conn.execute(select(places.c.name).group_by(places.c.name)
                                        .order_by(func.count().desc()).limit(5)).scalars())
        speakers = list(conn.execute(select(quotes.c.speaker_name).where(
            quotes.c.speaker_name.is_not(None)).group_by(quotes.c.speaker_name)
            .order_by(func.count().desc()).limit(5)).scalars())
    engine.dispose()
    words = ["police", "shooting", "NATO", "killed", "Ukraine"]
    return {
        "front": ["/", "/?page=2"],
        "story": [f"/stories/{s}" for s in story_ids],
        "entity": [f"/entities/{p}" for p in people],
        "entities": ["/entities?type=person", "/entities?type=organization"],
        "article": [f"/articles/{a}" for a in article_ids],
        "articles": ["/articles", "/articles?page=3"],
        "map": ["/places"],
        "place": [f"/places/{p}" for p in place_names] or ["/places"],
        "quotes": ["/quotes"] + [f"/quotes?speaker={s}" for s in speakers],
        "quotes_search": [f"/quotes?q={w}" for w in words],
        "search": [f"/search?q={w}" for w in words],
        "sources": ["/sources"],
        "api_stories": ["/api/stories"],
        "api_story": [f"/api/stories/{s}" for s in story_ids],
        "api_entity": [f"/api/entities/{p}" for p in people],
        "api_search": [f"/api/search?q={w}" for w in words],
        "api_events_geojson": ["/api/events?format=geojson"],
    }


class Server:
    """The app on uvicorn in a thread, on a free loopback port."""

    def __init__(self, url: str) -> None:
        import uvicorn

        from europenews.config import Settings
        from europenews.web.app import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(create_app(Settings(db=url)), host="127.0.0.1",
                                port=self.port, log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def measure(url: str, requests: int) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with Server(url) as base, httpx.Client(base_url=base, timeout=60) as client:
        for page, paths in _targets(url).items():
            for path in paths:  # warm up: first request per path pays for cold caches
                client.get(path)
            times = []
            for i in range(requests):
                t0 = time.perf_counter()
                r = client.get(paths[i % len(paths)])
                times.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    raise SystemExit(f"{paths[i % len(paths)]}: HTTP {r.status_code}")
            times.sort()
            results[page] = {"p50_ms": round(statistics.median(times), 1),
                             "p95_ms": round(times[math.ceil(len(times) * 0.95) - 1], 1),
                             "max_ms": round(times[-1], 1)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/europenews-bench-web.db")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--base", type=int, default=200)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    url = f"sqlite:///{args.db}"
    build_store(url, args.articles, args.base)
    pages = measure(url, args.requests)
    print(json.dumps({
        "bench": "web", "articles": args.articles, "requests_per_page": args.requests,
        "database": "sqlite", "pages": pages,
        "worst_p95_ms": max(p["p95_ms"] for p in pages.values()),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform()},
    }, indent=2))


if __name__ == "__main__":
    main()
