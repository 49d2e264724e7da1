"""Train the reports of unlisted verbs (src/europenews/analyze/quotes/lexicons/en/reports.json).

    .venv/bin/python bench/train_reports.py [--cache /tmp/quotes10/cache] [--folds 5]
        [--seed 13] [--write]

Runs the quote finder on PolNeAR train (the parse cache of ``bench/train_speakers.py``) with
neither trained model but the marks-side decoder of each article's fold (``train_claims.py``:
trained on the other folds' articles, with ``--claims-margin M``; without it the rules in their
order, as the package), gives its quotes their
speakers from the chooser cross-validated by article (the shipped setting C 0.1, margin 0,
nobody margin 0.3), then collects the candidate reports of ``quotes/reports.py``. A candidate is
positive when it would be a true positive of quote+speaker F1 (overlap 0.5 with a gold
attribution no quote already gets right, right speaker). Cross-validated by article with the
same folds, a logistic regression per fold scores the held-out articles' candidates; for each C
and probability threshold the script prints quote+speaker F1 and gold direct quotes with the
right speaker, over the chooser's quotes plus the kept candidates. ``--write`` trains the best
setting on all train articles and writes the weights. Last, the gold direct quotes the kept
setting loses are counted by where they are lost (``direct_losses.py``). Dev is never read here.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc

from claims_decoder import decoding
from direct_losses import losses
from europenews.analyze.quotes import QuoteLexicon
from europenews.analyze.quotes.chooser import SpeakerModel
from europenews.analyze.quotes.reports import candidates
from europenews.evaluate.polnear import GoldDoc
from europenews.evaluate.quotes import _speaker_ok, match, tokens
from europenews.model import Quote
from train_claims import KEPT_C, collect, fold_models, folds
from train_speakers import Example, examples, figures, fit, rechosen, setup

OUT = (Path(__file__).resolve().parents[1]
       / "src/europenews/analyze/quotes/lexicons/en/reports.json")
SETTINGS_C = (0.3, 1.0, 3.0)
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5)
Rows = list[tuple[Quote, frozenset[str]]]


def labels(gold: GoldDoc, quotes: list[Quote], found: Rows) -> list[bool]:
    """Whether each candidate would be a true positive beside the quotes already there."""
    text = gold.text
    right = {j for i, j in match(text, quotes, gold.attributions, 0.5)
             if _speaker_ok(text, quotes[i], gold.attributions[j])}
    out = []
    for quote, _ in found:
        qt = tokens(text, quote.spans)
        out.append(any(
            j not in right and (gt := tokens(text, g.content))
            and len(qt & gt) / max(len(qt), len(gt)) >= 0.5 and _speaker_ok(text, quote, g)
            for j, g in enumerate(gold.attributions)))
    return out


def train(rows: list[Rows], ys: list[list[bool]], c: float) -> tuple[DictVectorizer,
                                                                     LogisticRegression]:
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1.0 for f in feats} for r in rows for _, feats in r])
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, [y for labs in ys for y in labs])
    return vec, clf


def _examples(doc: Doc, gold: GoldDoc, lex: QuoteLexicon,
              decoder: SpeakerModel | None, nobody: bool) -> tuple[list[Quote], list[Example]]:
    with decoding(decoder, nobody_only=nobody):
        return examples(doc, gold, lex)


def main() -> None:
    args, golds, docs, lex = setup()
    fold_of = folds(len(golds), args.folds, args.seed)
    decoders: list[SpeakerModel | None] = [None] * len(golds)
    if args.claims_margin is not None:
        # The marks-side decoder of each article's fold, trained on the other folds' articles.
        rows_c = collect(golds, docs, lex, not args.claims_nobody)
        folded = fold_models(rows_c, fold_of, args.folds, KEPT_C, args.claims_margin)
        decoders = [folded[fold_of[a]] for a in range(len(golds))]
    rules, chooser_rows = zip(*(_examples(d, g, lex, m, args.claims_nobody) for g, d, m in zip(
        golds, docs, decoders, strict=True)), strict=True)
    models = [fit([r for a in range(len(golds)) if fold_of[a] != k for r in chooser_rows[a]],
                  0.1) for k in range(args.folds)]
    chosen = [rechosen(replace(models[fold_of[a]], margin=0.0, nobody_margin=0.3), rules[a],
                       chooser_rows[a], golds[a].text) for a in range(len(golds))]
    rows = [candidates(d, lex, q) for d, q in zip(docs, chosen, strict=True)]
    ys = [labels(g, q, r) for g, q, r in zip(golds, chosen, rows, strict=True)]
    print(json.dumps({"claims_margin": args.claims_margin,
                      "chooser_only": figures(golds, chosen), "candidates": sum(map(len, rows)),
                      "positive": sum(map(sum, ys))}))
    results = []
    for c in SETTINGS_C:
        probs: list[list[float]] = [[] for _ in golds]
        for k in range(args.folds):
            inside = [a for a in range(len(golds)) if fold_of[a] != k]
            vec, clf = train([rows[a] for a in inside], [ys[a] for a in inside], c)
            for a in (a for a in range(len(golds)) if fold_of[a] == k and rows[a]):
                x = vec.transform([{f: 1.0 for f in feats} for _, feats in rows[a]])
                probs[a] = list(clf.predict_proba(x)[:, 1])
        for t in THRESHOLDS:
            extra = [[q for (q, _), p in zip(rows[a], probs[a], strict=True) if p >= t]
                     for a in range(len(golds))]
            final = [sorted(chosen[a] + extra[a], key=lambda q: q.start)
                     for a in range(len(golds))]
            fig = figures(golds, final)
            results.append((c, t, fig, final))
            print(json.dumps({"C": c, "threshold": t, "added": sum(map(len, extra)), **fig}))
    c, t, fig, final = max(results, key=lambda r: r[2]["quote_speaker_f1"])
    print(json.dumps({"kept": {"C": c, "threshold": t, **fig}}))
    lost = losses(golds, docs, lex, decoders, final, args.claims_nobody)
    print(json.dumps({"direct_lost": lost}))
    if args.write:
        vec, clf = train(rows, ys, c)
        weights = {n: round(float(w), 4) for n, w in itertools.zip_longest(
            vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-4}
        OUT.write_text(json.dumps({"bias": round(float(clf.intercept_[0]), 4), "margin": t,
                                   "nobody_margin": 0.0, "weights": dict(sorted(weights.items()))},
                                  indent=0) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
