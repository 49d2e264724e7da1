"""Quote scores on fixed slices of PolNeAR, and each gold direct quote's outcome.

    .venv/bin/python bench/quotes_slices.py [--outcomes OUT.json] [--parts a,b]
    .venv/bin/python bench/quotes_slices.py --compare OLD.json NEW.json

The quote rules were developed on train articles 1–150 (slice a) and 301–638 (c); 151–300 (b)
served as the check that a rule generalises, and dev was scored only at the end. This script
parses train and dev once with the shipped pipeline and prints, per slice and for b + dev
together ("unseen"), the README recipe's figures at overlap 0.5. ``--outcomes`` also writes
whether each gold direct quote (content holding a quotation mark) was found with the right
speaker, so that two runs (say, two commits) can be compared quote by quote with ``--compare``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from europenews.analyze.pipeline import build_pipeline
from europenews.config import Settings
from europenews.evaluate.polnear import GoldDoc, read_polnear
from europenews.evaluate.quotes import (
    QUOTE_MARKS,
    Counts,
    _speaker_ok,
    match,
    report,
    score_document,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear"
SLICES = {"a": ("train", 0, 150), "b": ("train", 150, 300), "c": ("train", 300, None),
          "dev": ("dev", 0, None)}
THRESHOLD = 0.5


def outcomes(doc: GoldDoc, quotes: list[Any]) -> dict[str, bool]:
    """Gold direct quote id → found with the right speaker."""
    pairs = {j: i for i, j in match(doc.text, quotes, doc.attributions, THRESHOLD)}
    out = {}
    for j, gold in enumerate(doc.attributions):
        if any(m in doc.text[s:e] for s, e in gold.content for m in QUOTE_MARKS):
            out[f"{doc.name}#{j}"] = j in pairs and _speaker_ok(doc.text, quotes[pairs[j]], gold)
    return out


def summary(r: dict[str, Any]) -> dict[str, Any]:
    keys = ("direct_recall_with_speaker", "direct_recall", "direct_speaker_accuracy",
            "direct_gold")
    return {"quote_f1": r["quote"]["f1"], "quote_speaker": r["quote_speaker"],
            **{k: r[k] for k in keys}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--outcomes", help="write each gold direct quote's outcome here")
    parser.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"))
    parser.add_argument("--parts", default=",".join(SLICES),
                        help="slices to parse and score, e.g. 'a' (default: all, dev included)")
    args = parser.parse_args()
    if args.compare:
        old, new = (json.loads(Path(p).read_text()) for p in args.compare)
        fixed = {k: 0 for k in SLICES}
        broken = {k: 0 for k in SLICES}
        for name, (part, ok) in new.items():
            if name in old and old[name][1] != ok:
                (fixed if ok else broken)[part] += 1
        print(json.dumps({"fixed": fixed, "broken": broken}, indent=2))
        return
    parts = [p for p in args.parts.split(",") if p]
    if unknown := set(parts) - set(SLICES):
        parser.error(f"unknown slices: {', '.join(sorted(unknown))}")
    nlp = build_pipeline(Settings())
    unseen = ("unseen",) if {"b", "dev"} & set(parts) else ()
    counts = {k: Counts() for k in (*parts, *unseen)}
    per_quote: dict[str, tuple[str, bool]] = {}
    for compartment in ("train", "dev"):
        if not any(SLICES[p][0] == compartment for p in parts):
            continue
        read = read_polnear(Path(args.data) / compartment)
        numbered = [(n, d) for n, d in enumerate(read) if any(
            SLICES[p][0] == compartment and SLICES[p][1] <= n
            and (SLICES[p][2] is None or n < SLICES[p][2]) for p in parts)]
        docs = [d for _, d in numbered]
        for (n, gold), doc in zip(numbered, nlp.pipe(d.text for d in docs), strict=True):
            part = next(k for k, (c, lo, hi) in SLICES.items()
                        if c == compartment and lo <= n and (hi is None or n < hi))
            quotes = list(doc._.quotes or ())
            score_document(gold, quotes, THRESHOLD, counts[part])
            if unseen and part in ("b", "dev"):
                score_document(gold, quotes, THRESHOLD, counts["unseen"])
            per_quote.update({k: (part, ok) for k, ok in outcomes(gold, quotes).items()})
    print(json.dumps({k: summary(report(c)) for k, c in counts.items()}, indent=2))
    if args.outcomes:
        Path(args.outcomes).write_text(json.dumps(per_quote))


if __name__ == "__main__":
    main()
