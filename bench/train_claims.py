"""Train the marks-side decoder of ``claims_decoder.py`` (a bench tool: it did not pay).

    .venv/bin/python bench/train_claims.py [--cache /tmp/quotes10/cache] [--folds 5]
        [--seed 13] [--write]

Runs the quote finder on PolNeAR train (the parse cache of ``bench/train_speakers.py``) with no
trained model, the rules taken in their old order, and records for every quotation no cue
reports the proposals of every rule of ``claims.py`` with their features (claims_decoder.py). A
proposal is positive when its quote would match a gold attribution (token overlap 0.5, the
``eval quotes`` recipe) that also holds most of the quotation's own words, with the right
speaker. Cross-validated by article (articles shuffled with ``--seed``), a logistic regression
per fold scores the held-out articles' proposals; for each C and margin the script prints how
many quotations get a positive proposal against the first rule's. ``--write`` trains the kept
setting on all train articles and writes the weights (``--out``, outside the package: it ships
none); ``bench/train_reports.py --claims-margin M`` gives the figures of the whole finder with
a decoder per fold. Dev is never read here.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc

from claims_decoder import Option, Record, decoding
from europenews.analyze.quotes import QuoteLexicon, find_quotes
from europenews.analyze.quotes.chooser import SpeakerModel
from europenews.analyze.quotes.finder import _to_quote
from europenews.evaluate.polnear import GoldDoc
from europenews.evaluate.quotes import _speaker_ok, tokens
from train_speakers import setup

SETTINGS_C = (0.1, 0.3, 1.0)
MARGINS = (0.0, 0.1, 0.2, 0.3)
KEPT_C = 0.1  # the setting train_reports.py's folds use (chosen on train CV, below)
Rows = list[list[tuple[frozenset[str], bool]]]  # per quotation: its options


def labelled(doc: Doc, gold: GoldDoc, found: list[Option],
             speaker: bool = True) -> list[tuple[frozenset[str], bool]]:
    """Each option's features and whether its quote would be right (see the module doc;
    without ``speaker``, whatever its speaker)."""
    text = gold.text
    out = []
    for opt in found:
        quote = _to_quote(doc, text, opt.draft)
        qt = tokens(text, quote.spans)
        new = qt - (tokens(text, opt.replaces.spans) if opt.replaces is not None else set())
        ok = any(
            (gt := tokens(text, g.content)) and len(qt & gt) / max(len(qt), len(gt)) >= 0.5
            and len(new & gt) * 2 >= len(new) and (not speaker or _speaker_ok(text, quote, g))
            for g in gold.attributions)
        out.append((opt.features, ok))
    return out


def collect(golds: list[GoldDoc], docs: list[Doc], lex: QuoteLexicon,
            speaker: bool = True) -> list[Rows]:
    """Every article's quotations from the marks' side, each with its labelled options."""
    out = []
    for gold, doc in zip(golds, docs, strict=True):
        record: Record = []
        with decoding(None, record):
            find_quotes(doc, lex)
        out.append([labelled(doc, gold, found, speaker) for found in record])
    return out


def fit(rows: list[Rows], c: float, margin: float) -> SpeakerModel:
    feats = [{f: 1.0 for f in fs} for art in rows for q in art for fs, _ in q]
    ys = [y for art in rows for q in art for _, y in q]
    vec = DictVectorizer()
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(vec.fit_transform(feats), ys)
    weights = {n: round(float(w), 4) for n, w in
               zip(vec.get_feature_names_out(), clf.coef_[0], strict=True) if abs(w) >= 1e-4}
    return SpeakerModel(weights, round(float(clf.intercept_[0]), 4), margin)


def folds(n: int, count: int, seed: int) -> dict[int, int]:
    """The fold of every article (the same as train_speakers.py's and train_reports.py's)."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return {a: i % count for i, a in enumerate(order)}


def fold_models(rows: list[Rows], fold_of: dict[int, int], count: int, c: float,
                margin: float) -> list[SpeakerModel]:
    return [fit([rows[a] for a in range(len(rows)) if fold_of[a] != k], c, margin)
            for k in range(count)]


def score(rows: list[Rows], models: list[SpeakerModel], fold_of: dict[int, int]
          ) -> dict[str, int]:
    """Held-out quotations whose pick is right, taken wrongly, or left out."""
    out = {"right": 0, "wrong": 0, "left_out": 0, "left_out_right": 0}
    for a, art in enumerate(rows):
        model = models[fold_of[a]]
        for q in art:
            probs = [model.probability(fs) for fs, _ in q]
            best = max(range(len(q)), key=lambda i: probs[i])
            if probs[best] < model.margin:
                out["left_out"] += 1
                out["left_out_right"] += any(y for _, y in q)
            else:
                out["right" if q[best][1] else "wrong"] += 1
    return out


def main() -> None:
    args, golds, docs, lex = setup()
    rows = collect(golds, docs, lex)
    quotations = [q for art in rows for q in art]
    print(json.dumps({
        "quotations": len(quotations),
        "several_options": sum(len(q) > 1 for q in quotations),
        "first_right": sum(q[0][1] for q in quotations),
        "any_right": sum(any(y for _, y in q) for q in quotations),
        "first_wrong_other_right": sum(not q[0][1] and any(y for _, y in q[1:])
                                       for q in quotations),
        "by_rule": dict(sorted(_by_rule(quotations).items()))}))
    fold_of = folds(len(golds), args.folds, args.seed)
    for c, margin in itertools.product(SETTINGS_C, MARGINS):
        models = fold_models(rows, fold_of, args.folds, c, margin)
        print(json.dumps({"C": c, "margin": margin, **score(rows, models, fold_of)}))
    if args.write:
        model = fit(rows, KEPT_C, 0.0)
        out = Path(args.out)
        out.write_text(json.dumps({"bias": model.bias, "margin": model.margin,
                                   "nobody_margin": 0.0,
                                   "weights": dict(sorted(model.weights.items()))},
                                  indent=0) + "\n", encoding="utf-8")
        print(f"wrote {out}")


def _by_rule(quotations: list[list[tuple[frozenset[str], bool]]]) -> dict[str, list[int]]:
    """Per rule: options proposed, right, and right where the first option was wrong."""
    out: dict[str, list[int]] = {}
    for q in quotations:
        for i, (fs, y) in enumerate(q):
            rule = next(f for f in fs if f.startswith("rule=") and "|" not in f)[5:]
            n = out.setdefault(rule, [0, 0, 0])
            n[0] += 1
            n[1] += y
            n[2] += y and i > 0 and not q[0][1]
    return out


if __name__ == "__main__":
    main()
