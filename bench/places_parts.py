"""Place figures per part of the shared data: a development part and a check part.

    .venv/bin/python bench/places_parts.py [--skip-geo] [--skip-events] [--limit N]
        [--part development|check]

- TR-News (``../shared/data/geo/tr-news/TR-News.xml``): A@161 over all gold toponyms and
  recognition P/R/F1 as ``europenews eval geo`` computes them, for the articles with an even
  index in the file (development), an odd index (check), and all.
- GVA (``../shared/data/events``): the main event's place within 25 km of the incident point
  (as ``europenews eval events``: ``geocoding.within_25km``), the share of articles placed, and
  the share of placed main events outside the US ("abroad": every GVA incident is in the US),
  for incidents with an even id (development), an odd id (check), and all.

Rules are tuned on the development parts only; the check parts say whether they generalise.
``--part development`` reads and prints the development parts only (half the GVA time), so
iterating never shows the check part.
Prints one JSON object. Each article goes through the shipped pipeline with its outlet, as
ingest passes it.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from europenews.analyze.pipeline import build_pipeline, make_doc
from europenews.analyze.places.geonames import distance_km
from europenews.config import Settings, settings_from_env
from europenews.evaluate.events import RADIUS_KM, read_cases
from europenews.evaluate.geo import read_tr_news, score
from europenews.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared/data"


def geo_parts(path: Path, settings: Settings, only: str | None = None) -> dict[str, Any]:
    """TR-News A@161 and recognition per part (even / odd article index)."""
    gold = read_tr_news(path)
    names = settings.components
    upto = names[: names.index("europenews_places") + 1]
    nlp = build_pipeline(replace(settings, components=upto))
    docs = nlp.pipe(make_doc(nlp, Article(a.text, id=a.id, source=a.source)) for a in gold)
    predicted = [list(doc._.places or []) for doc in docs]
    out = {}
    for part, index in (("development", 0), ("check", 1), ("all", None)):
        if only is not None and part != only:
            continue
        keep = [i for i in range(len(gold)) if index is None or i % 2 == index]
        s = score([gold[i] for i in keep], [predicted[i] for i in keep])
        out[part] = {"articles": s["articles"], "a161": s["a161"], "recognition": s["recognition"]}
    return out


def _part(story: str) -> str:
    return "development" if int(story) % 2 == 0 else "check"


def events_parts(
    path: Path, settings: Settings, limit: int | None, only: str | None = None
) -> dict[str, Any]:
    """GVA main-event places per part (even / odd incident id)."""
    cases = [
        c
        for c in read_cases(path, limit)
        if c.record.get("lat") is not None and (only is None or _part(c.story) == only)
    ]
    nlp = build_pipeline(settings)
    docs = (
        make_doc(nlp, Article(f"{c.title}\n\n{c.text}", id=c.id, source=c.source)) for c in cases
    )
    counts: dict[str, Counter[str]] = {p: Counter() for p in ("development", "check", "all")}
    with nlp.select_pipes(disable=["europenews_quotes"]):
        for case, doc in zip(cases, nlp.pipe(docs, batch_size=settings.batch_size), strict=True):
            part = _part(case.story)
            events = doc._.events or []
            place = events[0].place if events else None
            for c in (counts[part], counts["all"]):
                c["articles"] += 1
                if place is None or place.lat is None or place.lon is None:
                    continue
                c["placed"] += 1
                c["abroad"] += (place.country or "US") != "US"
                km = distance_km(place.lat, place.lon, case.record["lat"], case.record["lon"])
                c["within"] += km <= RADIUS_KM
    return {
        part: {
            "articles": c["articles"],
            f"within_{int(RADIUS_KM)}km": round(c["within"] / c["articles"], 4),
            "placed": round(c["placed"] / c["articles"], 4),
            "abroad_of_placed": round(c["abroad"] / c["placed"], 4) if c["placed"] else 0.0,
            "abroad": c["abroad"],
        }
        for part, c in counts.items()
        if only is None or part == only
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--geo", type=Path, default=SHARED / "geo/tr-news/TR-News.xml")
    parser.add_argument("--events", type=Path, default=SHARED / "events")
    parser.add_argument("--skip-geo", action="store_true")
    parser.add_argument("--skip-events", action="store_true")
    parser.add_argument("--limit", type=int, default=None, help="GVA articles to read")
    parser.add_argument("--part", choices=("development", "check"), default=None)
    args = parser.parse_args()
    settings = settings_from_env()  # EUROPENEWS_MODEL picks the model
    started = time.perf_counter()
    result: dict[str, Any] = {}
    if not args.skip_geo:
        result["tr_news"] = geo_parts(args.geo, settings, args.part)
    if not args.skip_events:
        result["gva"] = events_parts(args.events, settings, args.limit, args.part)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
