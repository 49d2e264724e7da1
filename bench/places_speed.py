"""Time the places component against bare spaCy, and the gazetteer's load; prints JSON.

Usage: .venv/bin/python bench/places_speed.py [TR-News.xml] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path

import spacy

from europenews.analyze.pipeline import build_pipeline
from europenews.analyze.places.finder import find_places
from europenews.analyze.places.geonames import load_gazetteer
from europenews.config import Settings
from europenews.evaluate.geo import read_tr_news

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/geo/tr-news/TR-News.xml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()
    texts = [a.text for a in read_tr_news(args.data, args.limit)]

    started = time.perf_counter()
    gazetteer = load_gazetteer()
    load_s = time.perf_counter() - started

    settings = Settings()
    bare = spacy.load(settings.model)
    list(bare.pipe(texts[:3]))  # warm up
    started = time.perf_counter()
    list(bare.pipe(texts))
    bare_s = time.perf_counter() - started

    # The components before places, so that places reads the same entities as in `analyze`.
    upto = settings.components[: settings.components.index("europenews_places")]
    docs = list(build_pipeline(Settings(components=upto)).pipe(texts))
    started = time.perf_counter()
    for doc in docs:
        find_places(doc, gazetteer)
    places_s = time.perf_counter() - started

    print(
        json.dumps(
            {
                "articles": len(texts),
                "gazetteer_load_s": round(load_s, 3),
                "bare_spacy_s": round(bare_s, 2),
                "places_s": round(places_s, 3),
                "places_ms_per_article": round(1000 * places_s / len(texts), 2),
                "places_share_of_bare_spacy": round(places_s / bare_s, 4),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                f"load {os.getloadavg()[0]:.1f}",
            }
        )
    )


if __name__ == "__main__":
    main()
