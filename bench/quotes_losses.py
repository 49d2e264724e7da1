"""Where quote+speaker F1 is lost on PolNeAR train (never dev): false positives and misses.

    .venv/bin/python bench/quotes_losses.py [--cache /tmp/quotes10/cache] [--seed 13]

The chooser is cross-validated by article as in ``bench/train_speakers.py`` (5 folds, the
shipped setting C 0.1, margin 0, nobody margin 0.3), so the speakers are out of fold. Every
predicted quote that is not a true positive of quote+speaker F1 (matched at overlap 0.5 with the
right speaker) is a false positive, every gold attribution not paired with one a miss; each
falls in the first cause that fits:

- ``speaker wrong`` / ``no speaker`` / ``speaker, gold has none``: matched, speaker not right;
- ``bounds``: unmatched, but it shares words with a gold attribution (``longer``/``shorter``
  than the one it shares most with; ``taken`` when that gold is already paired);
- ``no gold`` (false positives): shares no word with any gold attribution; ``no prediction``
  (misses): no predicted quote shares a word with it.

False positives are split by the quote's kind and by the generator that proposed it (the cue's
part of speech for cues read off the parse, the marks-side reader's name otherwise); misses by
the gold kind (no quotation mark: indirect; all words inside marks: direct; else mixed).
Counts only: no text is printed.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from europenews.analyze.extensions import register_extensions
from europenews.analyze.quotes import claims, load_quote_lexicon
from europenews.analyze.quotes.marks import find_marked_quotes
from europenews.evaluate.polnear import GoldAttribution, read_polnear
from europenews.evaluate.quotes import QUOTE_MARKS, _speaker_ok, match, tokens
from europenews.model import Quote
from train_speakers import DATA, examples, figures, fit, parse, rechosen

MARKS_SIDE = ("chant_cue", "nearest_bare", "dash_cue", "colon_intro", "trailing_verb",
              "clause_intro", "passive_naming", "quoting_verb")
SHIPPED = {"c": 0.1, "margin": 0.0, "nobody_margin": 0.3}


def tag_generators(seen: dict[int, str]) -> None:
    """Wrap the marks-side readers in ``claims`` so the cue token each one proposes is named
    (``seen``: first cue token → reader; cleared per article by the caller)."""
    for name in MARKS_SIDE:
        real = getattr(claims, name)

        def wrapped(*args: Any, _real: Any = real, _name: str = name, **kw: Any) -> Any:
            out = _real(*args, **kw)
            cue = out[1] if isinstance(out, tuple) else out
            if cue is not None and cue.cue[0] not in seen:
                seen[cue.cue[0]] = _name
            return out

        setattr(claims, name, wrapped)


def generator(quote: Quote, doc: Any, seen: dict[int, str]) -> str:
    if quote.cue is None:
        return "no cue (statement, paragraph's speaker)"
    tok = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    first = tok[0] if tok is not None and len(tok) else None
    if first is not None and first.i in seen:
        return seen[first.i]
    if first is None:
        return "cue ?"
    if first.text == ":":
        return "cue: colon"
    if first.lower_ == "according":
        return "cue: according to"
    return f"cue: {first.pos_.lower()}"


def gold_kind(text: str, g: GoldAttribution, marked: frozenset[int]) -> str:
    if not any(m in text[s:e] for s, e in g.content for m in QUOTE_MARKS):
        return "indirect"
    return "direct" if tokens(text, g.content) <= marked else "mixed"


def classify(text: str, quotes: list[Quote], golds: tuple[GoldAttribution, ...]
             ) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(prediction index, cause) of each false positive, (gold index, cause) of each miss."""
    pairs = dict(match(text, quotes, golds, 0.5))
    paired_gold = set(pairs.values())
    qt = [tokens(text, q.spans) for q in quotes]
    gt = [tokens(text, g.content) for g in golds]
    fps, misses = [], []
    for i, q in enumerate(quotes):
        if i in pairs:
            g = golds[pairs[i]]
            if _speaker_ok(text, q, g):
                continue
            cause = ("speaker, gold has none" if not g.source else
                     "no speaker" if q.speaker is None else "speaker wrong")
            fps.append((i, cause))
            misses.append((pairs[i], cause))
            continue
        shared = [(len(qt[i] & t), j) for j, t in enumerate(gt) if qt[i] & t]
        if not shared:
            fps.append((i, "no gold"))
            continue
        _, j = max(shared)
        side = "longer" if len(qt[i]) > len(gt[j]) else "shorter"
        fps.append((i, f"bounds: {'taken' if j in paired_gold else side}"))
    paired_pred = set(pairs)
    for j, t in enumerate(gt):
        if j in paired_gold:
            continue
        shared = [(len(qt[i] & t), i) for i in range(len(quotes)) if qt[i] & t]
        if not shared:
            misses.append((j, "no prediction"))
            continue
        _, i = max(shared)
        side = "longer" if len(qt[i]) > len(t) else "shorter"
        misses.append((j, f"bounds: prediction {'taken' if i in paired_pred else side}"))
    return fps, misses


def table(title: str, counts: Counter[tuple[str, str]]) -> None:
    kinds = sorted({k for k, _ in counts})
    causes = sorted({c for _, c in counts}, key=lambda c: -sum(
        n for (_, c2), n in counts.items() if c2 == c))
    print(f"\n| {title} | " + " | ".join(kinds) + " | all |")
    print("|---" * (len(kinds) + 2) + "|")
    for c in causes:
        row = [counts[(k, c)] for k in kinds]
        print(f"| {c} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    print("| all | " + " | ".join(str(sum(n for (k2, _), n in counts.items() if k2 == k))
                                  for k in kinds) + f" | {sum(counts.values())} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    register_extensions()
    golds = read_polnear(DATA)
    docs = parse(golds, args.cache)
    lex = replace(load_quote_lexicon(), speakers=None, reports=None)  # stages 1–9
    seen: dict[int, str] = {}
    tag_generators(seen)
    rules, rows, gens = [], [], []
    for gold, doc in zip(golds, docs, strict=True):
        seen.clear()
        qs, ex = examples(doc, gold, lex)
        rules.append(qs)
        rows.append(ex)
        gens.append([generator(q, doc, seen) for q in qs])
    order = list(range(len(golds)))
    random.Random(args.seed).shuffle(order)
    fold_of = {a: n % args.folds for n, a in enumerate(order)}
    models = [fit([r for a in range(len(golds)) if fold_of[a] != k for r in rows[a]],
                  SHIPPED["c"]) for k in range(args.folds)]
    chosen = [rechosen(replace(models[fold_of[a]], margin=SHIPPED["margin"],
                               nobody_margin=SHIPPED["nobody_margin"]),
                       rules[a], rows[a], golds[a].text) for a in range(len(golds))]
    print(json.dumps(figures(golds, chosen)))
    fp_kind: Counter[tuple[str, str]] = Counter()
    fp_gen: Counter[tuple[str, str]] = Counter()
    miss_kind: Counter[tuple[str, str]] = Counter()
    for gold, qs, gen in zip(golds, chosen, gens, strict=True):
        text = gold.text
        marked = frozenset(t for m in find_marked_quotes(text) for t in tokens(text, m.fragments))
        fps, misses = classify(text, qs, gold.attributions)
        for i, cause in fps:
            fp_kind[(qs[i].kind, cause)] += 1
            fp_gen[(gen[i], cause)] += 1
        for j, cause in misses:
            miss_kind[(gold_kind(text, gold.attributions[j], marked), cause)] += 1
    table("false positives by cause × predicted kind", fp_kind)
    table("misses by cause × gold kind", miss_kind)
    table("false positives: generator × cause", Counter(
        {(c, g): n for (g, c), n in fp_gen.items()}))


if __name__ == "__main__":
    main()
