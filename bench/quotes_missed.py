"""Why gold direct quotes are missed: a count per class on PolNeAR train (never dev).

    .venv/bin/python bench/quotes_missed.py [--cache /tmp/quotes4-cache] [--show CLASS]

A gold attribution is direct when its content holds a double quotation mark (the ``eval
quotes`` recipe). Each one the shipped finder does not get right (matched at overlap 0.5 with
the right speaker) falls in the first class that fits:

- ``wrong speaker`` / ``nobody``: matched, with another speaker or none;
- ``taken``: a predicted quote overlaps it by half of the gold words but was paired with
  another gold attribution (greedy pairing);
- ``too long`` / ``too short`` / ``split``: predicted quotes overlap it, below 0.5 (the
  prediction has more words than the gold, fewer, or the gold is spread over several);
- ``no mark``: no quotation the mark finder found overlaps it (layout sub-classes:
  headline, across paragraphs, unbalanced marks in the gold content);
- ``short, unclaimed``: the mark was found but is a short phrase no cue claimed (the statement
  filter dropped it); ``statement, lost``: a statement mark with no quote over it.

Parses come from the cache ``bench/train_speakers.py`` writes (the pipeline up to the
entities). Prints the table as Markdown and, with ``--show``, a few cases of one class as
offsets (no text: the data stays outside the repository's history).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from europenews.analyze.extensions import register_extensions
from europenews.analyze.quotes import find_quotes, load_quote_lexicon
from europenews.analyze.quotes.marks import find_marked_quotes
from europenews.evaluate.polnear import GoldAttribution, GoldDoc, read_polnear
from europenews.evaluate.quotes import QUOTE_MARKS, _speaker_ok, match, tokens
from europenews.model import Quote
from train_speakers import DATA, parse


def _layout(text: str, gold: GoldAttribution) -> str:
    first_break = text.find("\n")
    if gold.content[0][0] < first_break:
        return "headline"
    if any("\n" in text[s:e] for s, e in gold.content) or len(gold.content) > 1:
        return "across paragraphs or pieces"
    inside = "".join(text[s:e] for s, e in gold.content)
    if sum(inside.count(m) for m in QUOTE_MARKS) % 2:
        return "odd number of marks"
    return "balanced marks in one piece"


def classify(gold: GoldDoc, quotes: list[Quote]) -> list[tuple[str, GoldAttribution]]:
    """One class per gold direct attribution the finder misses or mis-attributes."""
    text = gold.text
    pairs = {j: i for i, j in match(text, quotes, gold.attributions, 0.5)}
    marks = find_marked_quotes(text)
    out = []
    for j, g in enumerate(gold.attributions):
        if not any(m in text[s:e] for s, e in g.content for m in QUOTE_MARKS):
            continue
        if j in pairs:
            q = quotes[pairs[j]]
            if _speaker_ok(text, q, g):
                continue
            out.append(("nobody" if q.speaker is None else "wrong speaker", g))
            continue
        gt = tokens(text, g.content)
        over = [(len(tokens(text, q.spans) & gt), len(tokens(text, q.spans))) for q in quotes]
        over = [o for o in over if o[0]]
        if any(shared * 2 >= len(gt) and shared * 2 >= n for shared, n in over):
            out.append(("taken", g))
        elif len(over) > 1 and sum(s for s, _ in over) * 2 >= len(gt):
            out.append(("split", g))
        elif over:
            _, n = max(over)
            out.append(("too long" if n > len(gt) else "too short", g))
        elif not any(tokens(text, m.fragments) & gt for m in marks):
            out.append((f"no mark: {_layout(text, g)}", g))
        else:
            hit = [m for m in marks if tokens(text, m.fragments) & gt]
            words = max(len(tokens(text, m.fragments)) for m in hit)
            out.append(("short, unclaimed" if words < 8 else "statement, lost", g))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--show", default=None)
    args = ap.parse_args()
    register_extensions()
    golds = read_polnear(DATA)
    docs = parse(golds, args.cache)
    lex = load_quote_lexicon()
    counts: Counter[str] = Counter()
    direct = 0
    shown = 0
    for gold, doc in zip(golds, docs, strict=True):
        direct += sum(any(m in gold.text[s:e] for s, e in g.content for m in QUOTE_MARKS)
                      for g in gold.attributions)
        for cls, g in classify(gold, find_quotes(doc, lex)):
            counts[cls] += 1
            if args.show == cls and shown < 12:
                shown += 1
                print(json.dumps({"doc": gold.name, "content": g.content, "source": g.source}))
    print(f"| class | gold direct quotes (of {direct}) |\n|---|---|")
    for cls, n in counts.most_common():
        print(f"| {cls} | {n} |")
    print(f"| right | {direct - sum(counts.values())} |")


if __name__ == "__main__":
    main()
