"""``europenews eval events``: casualty counts (and event places) against the GVA records.

Implements the scoring recipe of ``../shared/data/events/README.md``: for each article whose
incident has a record, take the system's main event (``events[0]``), read its killed and
injured counts (a missing event or count is 0) and report exact accuracy for killed, injured
and both, within-±1 accuracy for both, and mean absolute errors, over all articles and over
articles with at least 300 characters of text, next to the two constant baselines. The strict
variant compares with the record's ``killed``/``injured``; the lenient one also accepts
``killed_2018``/``injured_2018`` or the victim-only counts derived from ``participants``.
Event geocoding (within 25 km of the incident point, median error) and a story-level score
(maximum over a story's articles) are reported as separate groups.

Each article is analysed as its title, a blank line, then its text (as a ``.txt`` input whose
first line is the title), because some pages carry the count only in the title, with its
``source`` hostname as ingest passes it (places read it for the outlet's home).
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from europenews.config import Settings
from europenews.errors import InputError
from europenews.ingest.jsonl import read_jsonl

USABLE_CHARS = 300
RADIUS_KM = 25.0
# Components the events need (entities → sources, places → event places); quotes are skipped.
SKIP_COMPONENTS = ("europenews_quotes",)


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the system says about one article's main event."""

    killed: int
    injured: int
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Case:
    """One article joined with its incident record."""

    id: str
    story: str
    title: str
    text: str
    record: dict[str, Any]
    source: str | None = None  # the outlet's hostname: where a local paper is (places)


def locate(path: Path) -> tuple[Path, Path]:
    """(incidents.jsonl, articles.jsonl) for the events folder or its gva-incidents folder."""
    folder = path / "gva-incidents" if (path / "gva-incidents").is_dir() else path
    if folder.is_file():
        folder = folder.parent
    incidents = folder / "incidents.jsonl"
    articles = folder.parent.parent / "clustering" / "gva-incidents" / "articles.jsonl"
    for needed in (incidents, articles):
        if not needed.is_file():
            raise InputError(f"{needed}: not found (expected the layout of ../shared/data)")
    return incidents, articles


def read_cases(path: Path, limit: int | None = None) -> list[Case]:
    """The articles (in file order) whose incident has a record with counts, up to ``limit``."""
    incidents_path, articles_path = locate(path)
    records = {r["story"]: r for r in read_jsonl(incidents_path)}
    cases = []
    for art in read_jsonl(articles_path):
        record = records.get(art.get("story"))
        if record is None or record.get("killed") is None:
            continue
        cases.append(
            Case(
                art["id"],
                art["story"],
                art.get("title") or "",
                art.get("text") or "",
                record,
                art.get("source") or art.get("url"),
            )
        )
        if limit is not None and len(cases) >= limit:
            break
    return cases


def victim_counts(record: dict[str, Any]) -> tuple[int, int]:
    """Killed and injured victims only (suspects left out), from the participants."""
    victims = [p for p in record.get("participants") or () if p.get("role") == "victim"]
    killed = sum("killed" in (p.get("status") or ()) for p in victims)
    injured = sum("injured" in (p.get("status") or ()) for p in victims)
    return killed, injured


def _answers(record: dict[str, Any], lenient: bool) -> list[tuple[int, int]]:
    answers = [(record["killed"], record["injured"])]
    if lenient:
        if record.get("killed_2018") is not None and record.get("injured_2018") is not None:
            answers.append((record["killed_2018"], record["injured_2018"]))
        if record.get("participants"):
            answers.append(victim_counts(record))
    return answers


def _rate(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def score_counts(
    pairs: list[tuple[Prediction, dict[str, Any]]], lenient: bool = False
) -> dict[str, Any]:
    """Exact/±1 accuracy and MAE of killed/injured; an article counts once, at its best answer."""
    n = len(pairs)
    k_ok = i_ok = both = near = 0
    k_err = i_err = 0
    base_exact = base_near = 0
    for pred, record in pairs:
        answers = _answers(record, lenient)
        k_ok += any(pred.killed == k for k, _ in answers)
        i_ok += any(pred.injured == i for _, i in answers)
        both += any((pred.killed, pred.injured) == a for a in answers)
        near += any(abs(pred.killed - k) <= 1 and abs(pred.injured - i) <= 1 for k, i in answers)
        k_err += min(abs(pred.killed - k) for k, _ in answers)
        i_err += min(abs(pred.injured - i) for _, i in answers)
        base_exact += any(a == (1, 0) for a in answers)
        base_near += any(abs(1 - k) <= 1 and abs(1 - i) <= 1 for k, i in answers)
    return {
        "articles": n,
        "killed_exact": _rate(k_ok, n),
        "injured_exact": _rate(i_ok, n),
        "both_exact": _rate(both, n),
        "both_within_1": _rate(near, n),
        "killed_mae": round(k_err / n, 4) if n else 0.0,
        "injured_mae": round(i_err / n, 4) if n else 0.0,
        "baseline_1_killed_0_injured_both_exact": _rate(base_exact, n),
        "baseline_1_killed_1_injured_both_within_1": _rate(base_near, n),
    }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def score_places(pairs: list[tuple[Prediction, dict[str, Any]]]) -> dict[str, Any]:
    """Share of main-event places within 25 km of the incident point; no place is a miss."""
    errors: list[float] = []
    n = located = 0
    for pred, record in pairs:
        if record.get("lat") is None or record.get("lon") is None:
            continue
        n += 1
        if pred.lat is None or pred.lon is None:
            continue
        located += 1
        errors.append(haversine_km(pred.lat, pred.lon, record["lat"], record["lon"]))
    return {
        "articles": n,
        "with_place": _rate(located, n),
        f"within_{int(RADIUS_KM)}km": _rate(sum(e <= RADIUS_KM for e in errors), n),
        "median_error_km_located": round(statistics.median(errors), 1) if errors else None,
    }


def score_stories(cases: list[Case], preds: list[Prediction]) -> dict[str, Any]:
    """Story level: the maximum killed/injured over a story's articles against the record."""
    best: dict[str, tuple[int, int]] = {}
    records: dict[str, dict[str, Any]] = {}
    for case, pred in zip(cases, preds, strict=True):
        k, i = best.get(case.story, (0, 0))
        best[case.story] = (max(k, pred.killed), max(i, pred.injured))
        records[case.story] = case.record
    pairs = [(Prediction(*best[s]), records[s]) for s in best]
    out = score_counts(pairs)
    out["stories"] = out.pop("articles")
    return out


def predict(cases: list[Case], settings: Settings) -> tuple[list[Prediction], float]:
    """Run the pipeline over the cases; the main event's figures and place per article."""
    from europenews.analyze.pipeline import build_pipeline, make_doc
    from europenews.model import Article

    nlp = build_pipeline(settings)
    skip = [n for n in SKIP_COMPONENTS if n in nlp.pipe_names]
    # As ingest gives them: the text with its source, which places read for the outlet's home.
    texts = (
        make_doc(nlp, Article(f"{c.title}\n\n{c.text}", id=c.id, source=c.source)) for c in cases
    )
    preds = []
    started = time.perf_counter()
    with nlp.select_pipes(disable=skip):
        for doc in nlp.pipe(texts, batch_size=settings.batch_size):
            preds.append(prediction_of(doc._.events or []))
    return preds, time.perf_counter() - started


def prediction_of(events: list[Any]) -> Prediction:
    """The main event's counts (missing → 0) and coordinates."""
    if not events:
        return Prediction(0, 0)
    main = events[0]
    place = main.place
    return Prediction(
        main.killed or 0,
        main.injured or 0,
        place.lat if place is not None else None,
        place.lon if place is not None else None,
    )


def evaluate_events(path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Score the main events of the GVA articles; a JSON-ready dict (see the module docstring)."""
    cases = read_cases(path, limit)
    preds, seconds = predict(cases, settings)
    return report(cases, preds, seconds, path, settings)


def report(
    cases: list[Case], preds: list[Prediction], seconds: float, path: Path, settings: Settings
) -> dict[str, Any]:
    """The figures of the README's three groups from predictions already made."""
    pairs = [(p, c.record) for p, c in zip(preds, cases, strict=True)]
    usable = [
        (p, c.record) for p, c in zip(preds, cases, strict=True) if len(c.text) >= USABLE_CHARS
    ]
    return {
        "data": str(path),
        "model": settings.model,
        "variant": {
            "strict": "record killed/injured (suspects included)",
            "lenient": "also accepts killed_2018/injured_2018 or victim-only counts",
        },
        "reference_baselines_full_set": {
            "const_1_0_both_exact": 0.262,
            "const_1_1_within_1": 0.626,
        },
        "counts_all": score_counts(pairs),
        "counts_usable_text": score_counts(usable),
        "counts_all_lenient": score_counts(pairs, lenient=True),
        "counts_usable_text_lenient": score_counts(usable, lenient=True),
        "geocoding": score_places(pairs),
        "story_level": score_stories(cases, preds),
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(cases) / seconds, 2) if seconds else None,
    }
