"""The quote finder as shipped (trained chooser and reports), in sample, on PolNeAR train: a
quick screen of a rule change before the cross-validated figures of ``train_reports.py``.

    .venv/bin/python bench/quotes_screen.py --cache DIR [--dump QUOTES.jsonl]

Parses PolNeAR train as ``bench/train_speakers.py`` does (its cache under ``--cache``), runs
``find_quotes`` with the shipped lexicon on every article and prints one JSON line: quote+
speaker F1, gold direct quotes found with the right speaker (share and count), speaker
accuracy (``train_speakers.figures``, the ``eval quotes`` recipe). ``--dump`` writes one line
per quote (article, start, end, kind, speaker mention, its start, shown): two dumps, of the
code before and after a change, list the quotes it changed (``sort`` and ``comm``). In
sample: the chooser and reports were trained on these articles, so the figures say whether a
rule moves anything, not how well it generalises. Dev is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from europenews.analyze.extensions import register_extensions
from europenews.analyze.quotes import find_quotes, load_quote_lexicon
from europenews.evaluate.polnear import read_polnear
from train_speakers import DATA, figures, parse


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--dump", type=Path, default=None)
    args = ap.parse_args()
    register_extensions()
    golds = read_polnear(DATA)
    docs = parse(golds, args.cache)
    lex = load_quote_lexicon()
    found = [find_quotes(doc, lex) for doc in docs]
    print(json.dumps(figures(golds, found)))
    if args.dump is None:
        return
    with args.dump.open("w", encoding="utf-8") as out:
        for gold, quotes in zip(golds, found, strict=True):
            for q in quotes:
                mention = q.speaker.mention if q.speaker else None
                out.write(json.dumps([gold.name, q.start, q.end, q.kind,
                                      mention.text if mention else None,
                                      mention.start if mention else None, q.shown]) + "\n")


if __name__ == "__main__":
    main()
