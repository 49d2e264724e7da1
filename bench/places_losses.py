"""Where TR-News A@161 is lost: each gold toponym with coordinates by cause, for one part.

    .venv/bin/python bench/places_losses.py [--part development|check] [--cache DIR] [--list]

The model's parses are cached as Doc bytes under ``--cache`` (the model does not change
between runs; our components run afresh each time). Each gold toponym with coordinates is:
- ``right``: recognised and placed within 161 km (as ``europenews eval geo`` counts it);
- ``not_recognised``: no toponym of ours overlaps it;
- ``no_reading``: recognised, the gazetteer has no record for the name;
- ``qualifier``: recognised, left unread because its qualifier holds none of its readings;
- ``dropped_weak``: a weak name (inside an organisation's or person's name, a common word)
  that nothing in the article supported;
- ``dropped_frame``: read, then dropped as lying outside the article's frame;
- ``demonym``: a demonym read as its country but placed more than 161 km off (the gold often
  means the country; its point may differ from ours);
- ``wrong_reading``: placed more than 161 km off while a reading within 161 km was among its
  candidates; ``far_only``: no candidate within 161 km (the gazetteer's point or name differs);
- ``other``: recognised by us but lost on the way (another mention took the prediction).
Prints one JSON object: counts per cause, and with ``--list`` every loss (name, cause,
reading chosen, distance).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from europenews.analyze.doctext import doc_text
from europenews.analyze.pipeline import build_pipeline, make_doc
from europenews.analyze.places import geocode, locate_places
from europenews.analyze.places.geocode import candidates_for
from europenews.analyze.places.geonames import GeoEntry, distance_km
from europenews.analyze.places.toponyms import Toponym, find_toponyms
from europenews.evaluate.geo import A161_KM, match_article, read_tr_news, score
from europenews.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared/data"
TR_NEWS = SHARED / "geo/tr-news/TR-News.xml"


def parsed(part: str, cache: Path) -> tuple[Any, list[Any], list[Doc]]:
    """The pipeline, the part's gold articles and their Docs after the model's components."""
    gold = read_tr_news(TR_NEWS)
    keep = [g for i, g in enumerate(gold) if i % 2 == (0 if part == "development" else 1)]
    nlp = build_pipeline()
    path = cache / f"trnews-{part}.bin"
    ours = [n for n in nlp.pipe_names if n.startswith("europenews_")]
    if path.exists():
        blobs = json.loads(path.read_text())
        docs = [Doc(nlp.vocab).from_bytes(bytes.fromhex(b)) for b in blobs]
    else:
        docs = [make_doc(nlp, Article(a.text, id=a.id, source=a.source)) for a in keep]
        for name in nlp.pipe_names:
            if name not in ours:
                docs = list(nlp.get_pipe(name).pipe(docs, batch_size=16))
        cache.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([d.to_bytes().hex() for d in docs]))
    return nlp, keep, docs


class Trace:
    """Which toponyms the resolver dropped, and why (wraps its two drop tests)."""

    def __init__(self) -> None:
        self.weak: set[int] = set()
        self.frame: set[str] = set()
        self.unread: set[str] = set()
        # The weak test's name in this version of geocode (``_supported`` before session 18).
        self.name = "supported" if hasattr(geocode, "supported") else "_supported"
        self._supported = getattr(geocode, self.name)
        self._outside = geocode._outside
        self._contradicted = geocode.contradicted

    def install(self) -> None:
        def supported(entry: GeoEntry, toponym: Toponym, votes: Any) -> bool:
            ok = self._supported(entry, toponym, votes)
            if not ok:
                self.weak.add(toponym.start)
            return ok

        def outside(*args: Any) -> bool:  # (reading, key, own, ctx, ...): any version's
            out = self._outside(*args)
            if out:
                self.frame.add(args[1])
            return out

        def contradicted(options: list[GeoEntry], qualifiers: list[GeoEntry]) -> bool:
            out = self._contradicted(options, qualifiers)
            if out and options:
                self.unread.add(geocode.place_key(options[0].name))
            return out

        geocode.contradicted = contradicted  # type: ignore[assignment]
        setattr(geocode, self.name, supported)
        geocode._outside = outside  # type: ignore[assignment]


def cause(g: Any, err: float | None, tops: list[Toponym], gaz: Any, trace: Trace) -> str:
    """The cause of one gold toponym's loss (or ``right``)."""
    if err is not None and not math.isnan(err) and err <= A161_KM:
        return "right"
    over = [t for t in tops if t.start < g.end and g.start < t.end]
    if not over:
        return "not_recognised"
    t = over[0]
    cands = candidates_for(gaz, t)
    if err is not None:
        if t.demonym:
            return "demonym"
        near = [e for e in cands if distance_km(g.lat, g.lon, e.lat, e.lon) <= A161_KM]
        return "wrong_reading" if near else "far_only"
    if not cands:
        return "no_reading"
    if t.start in trace.weak:
        return "dropped_weak"
    if geocode._key(t) in trace.frame:
        return "dropped_frame"
    return "qualifier" if geocode.place_key(t.text) in trace.unread else "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("development", "check"), default="development")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/places14"))
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    nlp, gold, docs = parsed(args.part, args.cache)
    gaz = nlp.get_pipe("europenews_places").gazetteer
    counts: Counter[str] = Counter()
    losses = []
    predicted = []
    for article, doc in zip(gold, docs, strict=True):
        for name in ("europenews_gazetteer", "europenews_entities"):
            doc = nlp.get_pipe(name)(doc)
        trace = Trace()
        trace.install()
        try:
            found = locate_places(doc, gaz, outlet=doc._.outlet)
        finally:
            setattr(geocode, trace.name, trace._supported)
            geocode._outside = trace._outside  # type: ignore[assignment]
            geocode.contradicted = trace._contradicted  # type: ignore[assignment]
        tops = find_toponyms(doc, gaz)
        text = doc_text(doc)
        places = list(found.places)
        predicted.append(places)
        _, _, errs = match_article(article, places)
        for g, err in zip(article.toponyms, errs, strict=True):
            if g.lat is None:
                continue
            c = cause(g, err, tops, gaz, trace)
            counts[c] += 1
            if c != "right":
                chosen = next((p for p in places for m in p.mentions
                               if m.start < g.end and g.start < m.end), None)
                losses.append({
                    "doc": article.id, "gold": g.phrase, "cause": c,
                    "context": text[max(0, g.start - 40): g.end + 40].replace("\n", " "),
                    "chosen": None if chosen is None else
                    f"{chosen.name}, {chosen.country} ({chosen.feature})",
                    "km": None if err is None or math.isnan(err) else round(err),
                })
    total = sum(counts.values())
    out: dict[str, Any] = {"part": args.part, "gold_with_coordinates": total,
                           "a161": round(counts["right"] / total, 4) if total else 0.0,
                           "recognition": score(gold, predicted)["recognition"],
                           "causes": dict(counts.most_common())}
    if args.list:
        out["losses"] = losses
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
