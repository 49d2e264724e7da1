"""Throughput of `analyze` next to bare spaCy on the same texts, in the same run.

    .venv/bin/python bench/analyze_throughput.py [--n 300] [--data PATH] [--repeat 2]

Prints JSON: words/s and articles/s for bare ``spacy.load(model).pipe`` and for the full
EuropeNews pipeline (``analyze_articles``: our components plus export to ``Analysis``), the
ratio of their times, the time each of our components adds, and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language

from europenews.analyze.pipeline import analyze_articles, build_pipeline
from europenews.config import settings_from_env
from europenews.model import Article

DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent.parent
    / "shared/data/clustering/gva-incidents/articles.jsonl"
)


def load_articles(path: Path, n: int) -> list[Article]:
    """The first ``n`` articles with at least 300 characters of text (skip paywall stubs)."""
    out: list[Article] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if len(row.get("text") or "") < 300:
                continue
            out.append(Article(text=row["text"], id=row["id"], title=row.get("title")))
            if len(out) == n:
                break
    return out


# CPU time of this process, not wall time: the figures stay comparable when other work
# shares the machine (both pipelines are single-threaded).
clock = time.process_time


def time_bare(nlp: Language, texts: list[str]) -> float:
    start = clock()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return clock() - start


def time_full(nlp: Language, articles: list[Article]) -> float:
    start = clock()
    for _ in analyze_articles(nlp, articles, batch_size=32):
        pass
    return clock() - start


def time_components(nlp: Language, articles: list[Article]) -> dict[str, float]:
    # Per-component cost: time each of our components over already-parsed docs.
    base_names = [n for n in nlp.pipe_names if not n.startswith("europenews_")]
    ours = [n for n in nlp.pipe_names if n.startswith("europenews_")]
    with nlp.select_pipes(enable=base_names):
        docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    per_component: dict[str, float] = {}
    for name in ours:
        component = nlp.get_pipe(name)
        t0 = time.perf_counter()
        docs = [component(doc) for doc in docs]
        per_component[name] = round(time.perf_counter() - t0, 3)
    return per_component


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=2, help="take the best of N runs")
    args = parser.parse_args()
    settings = settings_from_env()  # EUROPENEWS_MODEL picks the model
    articles = load_articles(args.data, args.n)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare_nlp = spacy.load(settings.model)
    load_start = clock()
    full_nlp = build_pipeline(settings)
    full_load = clock() - load_start
    # Warm up both (lazy gazetteers, caches) outside the timed region, then alternate runs
    # so that both see the same machine state, and keep the best of each.
    time_bare(bare_nlp, texts[:5])
    time_full(full_nlp, articles[:5])
    bare_runs, full_runs = [], []
    for _ in range(args.repeat):
        bare_runs.append(time_bare(bare_nlp, texts))
        full_runs.append(time_full(full_nlp, articles))
    bare, full = min(bare_runs), min(full_runs)
    per_component = time_components(full_nlp, articles)
    result = {
        "articles": len(articles),
        "words": words,
        "bare_spacy": {
            "seconds": round(bare, 3),
            "articles_per_s": round(len(articles) / bare, 1),
            "words_per_s": round(words / bare),
        },
        "europenews_analyze": {
            "seconds": round(full, 3),
            "articles_per_s": round(len(articles) / full, 1),
            "words_per_s": round(words / full),
        },
        "ratio": round(full / bare, 3),
        "pipeline_load_cpu_seconds": round(full_load, 3),
        "component_seconds": per_component,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "spacy": spacy.__version__,
            "model": settings.model,
        },
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
