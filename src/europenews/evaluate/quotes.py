"""``europenews eval quotes``: score quotation extraction on a PolNeAR-format folder.

Implements the shared recipe of ``../shared/data/quotes/README.md``: ``\\w+`` tokens identified
by start offset; a prediction matches a gold attribution when the content token sets overlap by
at least half of each side (greedy pairing, best ratio first); the speaker is right when the
predicted mention overlaps the gold Source and at least half of its tokens lie inside it (or
neither has a source); the cue is right when it shares a token with the gold Cue.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from europenews.analyze.pipeline import build_pipeline
from europenews.config import Settings
from europenews.evaluate.polnear import GoldAttribution, GoldDoc, Spans, read_polnear
from europenews.model import Quote

WORD = re.compile(r"\w+")
QUOTE_MARKS = ('"', "“", "”")
THRESHOLDS = (0.5, 0.8)


def tokens(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the ``\\w+`` tokens inside the spans (matched within each fragment)."""
    return frozenset(
        start + m.start() for start, end in spans for m in WORD.finditer(text[start:end])
    )


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker: int = 0
    cue: int = 0
    cue_speaker: int = 0
    direct_gold: int = 0
    direct_matched: int = 0
    direct_speaker: int = 0


def _speaker_ok(text: str, quote: Quote, gold: GoldAttribution) -> bool:
    mention = quote.speaker.mention if quote.speaker else None
    if not gold.source:
        return mention is None
    if mention is None:
        return False
    pred = tokens(text, [(mention.start, mention.end)])
    inside = pred & tokens(text, gold.source)
    return bool(inside) and len(inside) * 2 >= len(pred)


def _cue_ok(text: str, quote: Quote, gold: GoldAttribution) -> bool:
    if quote.cue is None or not gold.cue:
        return False
    return bool(tokens(text, [(quote.cue.start, quote.cue.end)]) & tokens(text, gold.cue))


def match(
    text: str, quotes: list[Quote], gold: tuple[GoldAttribution, ...], threshold: float
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (prediction index, gold index), best overlap ratio first."""
    pred_tokens = [tokens(text, q.spans) for q in quotes]
    gold_tokens = [tokens(text, g.content) for g in gold]
    candidates = []
    for i, p in enumerate(pred_tokens):
        for j, g in enumerate(gold_tokens):
            if not p or not g:
                continue
            ratio = len(p & g) / max(len(p), len(g))
            if ratio >= threshold:
                candidates.append((-ratio, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score_document(
    doc: GoldDoc, quotes: list[Quote], threshold: float, counts: Counts
) -> None:
    """Add one document's figures to ``counts``."""
    text = doc.text
    counts.predicted += len(quotes)
    counts.gold += len(doc.attributions)
    direct = [any(m in text[s:e] for s, e in g.content for m in QUOTE_MARKS)
              for g in doc.attributions]
    counts.direct_gold += sum(direct)
    for i, j in match(text, quotes, doc.attributions, threshold):
        gold = doc.attributions[j]
        speaker = _speaker_ok(text, quotes[i], gold)
        cue = _cue_ok(text, quotes[i], gold)
        counts.matched += 1
        counts.speaker += speaker
        counts.cue += cue
        counts.cue_speaker += speaker and cue
        if direct[j]:
            counts.direct_matched += 1
            counts.direct_speaker += speaker


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float | int]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def report(c: Counts) -> dict[str, Any]:
    """The README's figures (and the issue's) for one threshold."""
    return {
        "quote": _prf(c.matched, c.predicted, c.gold),
        "quote_speaker": _prf(c.speaker, c.predicted, c.gold),
        "quote_speaker_cue": _prf(c.cue_speaker, c.predicted, c.gold),
        "speaker_accuracy": _ratio(c.speaker, c.matched),
        "cue_accuracy": _ratio(c.cue, c.matched),
        "direct_recall": _ratio(c.direct_matched, c.direct_gold),
        "direct_recall_with_speaker": _ratio(c.direct_speaker, c.direct_gold),
        "direct_speaker_accuracy": _ratio(c.direct_speaker, c.direct_matched),
        "predicted": c.predicted,
        "gold": c.gold,
        "direct_gold": c.direct_gold,
    }


def evaluate_quotes(path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Score the shipped pipeline on a PolNeAR folder (the ``dev`` compartment by default)."""
    docs = read_polnear(path, limit)
    nlp = build_pipeline(settings)
    began = time.perf_counter()
    predictions = [
        list(doc._.quotes or ())
        for doc in nlp.pipe((d.text for d in docs), batch_size=settings.batch_size)
    ]
    seconds = time.perf_counter() - began
    result: dict[str, Any] = {"data": str(path), "documents": len(docs)}
    result.update(scores(docs, predictions))  # every quote the contract holds
    # Beside them, the shown quotes only: what pages, feeds and alerts print.
    result["shown"] = scores(docs, [[q for q in p if q.shown] for p in predictions])
    result["seconds"] = round(seconds, 2)
    return result


def scores(docs: list[GoldDoc], predictions: list[list[Quote]]) -> dict[str, Any]:
    """The figures of ``predictions`` (one quote list per document) at every threshold."""
    out = {}
    for threshold in THRESHOLDS:
        counts = Counts()
        for doc, quotes in zip(docs, predictions, strict=True):
            score_document(doc, quotes, threshold, counts)
        out[f"threshold_{threshold}"] = report(counts)
    return out


def spans_text(text: str, spans: Spans) -> str:
    """The covered text of a gold span list (for error analysis)."""
    return " … ".join(text[s:e] for s, e in spans)
