"""``europenews eval geo``: geoparsing scores on a TR-News XML file, end to end from raw text.

Each article's text goes through the pipeline (up to ``europenews_places``) with its outlet
(``<domain>``, as ingest passes an article's source); every mention of
every predicted place is a predicted toponym. A gold toponym is recognised when a predicted
mention overlaps it. Scores (Gritta et al. 2020 conventions):
- toponym recognition P/R/F1 (overlap match, one-to-one);
- ``a161``: share of gold toponyms with coordinates that are recognised and placed within
  161 km (an unrecognised toponym counts as wrong), and ``a161_recognised`` over recognised ones;
- mean/median error in km and AUC of the log error curve, over recognised toponyms.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from europenews.analyze.pipeline import build_pipeline, make_doc
from europenews.analyze.places.geonames import distance_km
from europenews.config import Settings
from europenews.errors import InputError
from europenews.model import Article, Place

A161_KM = 161.0
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the AUC's upper bound
ANCHOR_WINDOW = 40  # how far (characters) a gold phrase may have drifted from its offset


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    source: str | None = None  # the outlet's domain (``<domain>``), read for its home


def _anchor(text: str, phrase: str, start: int) -> int:
    """Where ``phrase`` really is: at ``start`` or the nearest occurrence around it."""
    if text[start : start + len(phrase)] == phrase:
        return start
    lo = max(0, start - ANCHOR_WINDOW)
    hits = []
    pos = text.find(phrase, lo, start + len(phrase) + ANCHOR_WINDOW)
    while pos != -1:
        hits.append(pos)
        pos = text.find(phrase, pos + 1, start + len(phrase) + ANCHOR_WINDOW)
    return min(hits, key=lambda p: abs(p - start)) if hits else start


def read_tr_news(path: Path, limit: int | None = None) -> list[GoldArticle]:
    """Parse a TR-News XML file; re-anchor drifted offsets on their phrase."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"{path}: not a TR-News XML file ({exc})") from exc
    articles: list[GoldArticle] = []
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        gold = []
        for t in node.iter("toponym"):
            phrase = t.findtext("phrase") or ""
            start = _anchor(text, phrase, int(t.findtext("start") or 0))
            tag = t.find("gaztag")
            lat = lon = None
            if tag is not None and tag.findtext("lat") and tag.findtext("lon"):
                lat, lon = float(tag.findtext("lat") or 0), float(tag.findtext("lon") or 0)
            gold.append(GoldToponym(start, start + len(phrase), phrase, lat, lon))
        source = (node.findtext("domain") or node.findtext("url") or "").strip() or None
        docid = node.get("docid") or str(len(articles))
        articles.append(GoldArticle(docid, text, tuple(gold), source))
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise InputError(f"{path}: no <article> elements")
    return articles


def match_article(gold: GoldArticle, places: list[Place]) -> tuple[int, int, list[float | None]]:
    """Return (true positives, predicted mentions, error per gold toponym or None if missed)."""
    predicted = sorted((m.start, m.end, p) for p in places for m in p.mentions if p.lat is not None)
    used: set[int] = set()
    errors: list[float | None] = []
    for g in gold.toponyms:
        hit = None
        for i, (s, e, _) in enumerate(predicted):
            if i not in used and s < g.end and g.start < e:
                hit = i
                break
        if hit is None:
            errors.append(None)
            continue
        used.add(hit)
        place = predicted[hit][2]
        if g.lat is None or g.lon is None or place.lat is None or place.lon is None:
            errors.append(math.nan)  # recognised, but no gold coordinates to compare
        else:
            errors.append(distance_km(g.lat, g.lon, place.lat, place.lon))
    return len(used), len(predicted), errors


def _auc(errors: list[float]) -> float:
    """Area under the curve of log(1 + error) scaled to [0, 1]; lower is better."""
    if not errors:
        return 1.0
    top = math.log(1 + MAX_ERROR_KM)
    return sum(math.log(1 + min(e, MAX_ERROR_KM)) / top for e in errors) / len(errors)


def score(gold: list[GoldArticle], predicted: list[list[Place]]) -> dict[str, Any]:
    """Aggregate scores over articles."""
    tp = n_pred = n_gold = 0
    located = 0  # gold toponyms with coordinates
    within = 0
    errors: list[float] = []
    for article, places in zip(gold, predicted, strict=True):
        t, n, errs = match_article(article, places)
        tp, n_pred, n_gold = tp + t, n_pred + n, n_gold + len(article.toponyms)
        for g, err in zip(article.toponyms, errs, strict=True):
            if g.lat is None:
                continue
            located += 1
            if err is not None and not math.isnan(err):
                errors.append(err)
                within += err <= A161_KM
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "articles": len(gold),
        "gold_toponyms": n_gold,
        "gold_with_coordinates": located,
        "predicted_toponyms": n_pred,
        "recognition": {
            "p": round(p, 4),
            "r": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        },
        "a161": round(within / located, 4) if located else 0.0,
        "a161_recognised": round(within / len(errors), 4) if errors else 0.0,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "auc": round(_auc(errors), 4),
    }


def evaluate_geo(path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Run the pipeline on each TR-News article and score its places."""
    gold = read_tr_news(path, limit)
    # The later components do not change places: skip them to save time.
    names = settings.components
    upto = names[: names.index("europenews_places") + 1] if "europenews_places" in names else names
    nlp = build_pipeline(replace(settings, components=upto))
    started = time.perf_counter()
    # As ingest gives them: the text with its outlet, which places read for the outlet's home.
    texts = (make_doc(nlp, Article(a.text, id=a.id, source=a.source)) for a in gold)
    docs = nlp.pipe(texts, batch_size=settings.batch_size)
    predicted = [list(doc._.places or []) for doc in docs]
    result = score(gold, predicted)
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["data"] = str(path)
    return result
