"""``europenews eval ner``: entity P/R/F1 of the shipped pipeline on a CoNLL-2003 file.

Each document is analysed as running text (see ``evaluate/conll.py``); the pipeline's
``doc.ents`` (names only: descriptions such as "the president" are not in ``doc.ents``) are
mapped to the four CoNLL types, snapped to gold token boundaries and scored by exact span
and type, micro-averaged.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from europenews.analyze.pipeline import build_pipeline
from europenews.config import Settings
from europenews.evaluate.conll import ConllDoc, read_conll

# spaCy's OntoNotes labels → CoNLL-2003 types (README of the data set); others are not entities.
CONLL_TYPES = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")
# Only these components change doc.ents; the later ones are skipped to save time.
NER_COMPONENTS = ("europenews_gazetteer", "europenews_entities")


def predicted_spans(doc: Doc, gold: ConllDoc) -> set[tuple[int, int, str]]:
    """The doc's entities as (start, end, CoNLL type), snapped to the gold tokens."""
    starts = [s for s, _ in gold.tokens]
    spans: set[tuple[int, int, str]] = set()
    for ent in doc.ents:
        kind = CONLL_TYPES.get(ent.label_)
        if kind is None:
            continue
        first = max(bisect.bisect_right(starts, ent.start_char) - 1, 0)
        last = max(bisect.bisect_left(starts, ent.end_char) - 1, first)
        spans.add((gold.tokens[first][0], gold.tokens[last][1], kind))
    return spans


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(
    pairs: list[tuple[set[tuple[int, int, str]], frozenset[tuple[int, int, str]]]],
) -> dict[str, Any]:
    """Micro P/R/F1 overall and per type from (predicted, gold) span sets per document."""
    counts: Counter[tuple[str, str]] = Counter()
    for predicted, gold in pairs:
        for span in predicted:
            counts[(span[2], "tp" if span in gold else "fp")] += 1
        for span in gold:
            if span not in predicted:
                counts[(span[2], "fn")] += 1
    per_type = {t: _prf(counts[(t, "tp")], counts[(t, "fp")], counts[(t, "fn")]) for t in TYPES}
    total = _prf(*(sum(counts[(t, k)] for t in TYPES) for k in ("tp", "fp", "fn")))
    return {"overall": total, "per_type": per_type}


def evaluate_ner(path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Score the shipped pipeline's entities on a CoNLL-2003 file; a JSON-ready dict."""
    docs = read_conll(path, limit)
    nlp = build_pipeline(settings)
    skip = [n for n in nlp.pipe_names if n.startswith("europenews_") and n not in NER_COMPONENTS]
    started = time.perf_counter()
    pairs = []
    with nlp.select_pipes(disable=skip):
        for doc, gold in zip(nlp.pipe(d.text for d in docs), docs, strict=True):
            pairs.append((predicted_spans(doc, gold), gold.gold))
    seconds = time.perf_counter() - started
    result = score(pairs)
    return {
        "data": str(path),
        "model": settings.model,
        "components": [n for n in nlp.pipe_names if n not in skip],
        "documents": len(docs),
        "tokens": sum(len(d.tokens) for d in docs),
        "gold_entities": sum(len(d.gold) for d in docs),
        **result,
        "seconds": round(seconds, 2),
        "docs_per_second": round(len(docs) / seconds, 2) if seconds else None,
    }
