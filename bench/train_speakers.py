"""Train the speaker chooser (src/europenews/analyze/quotes/lexicons/en/speakers.json).

    .venv/bin/python bench/train_speakers.py [--cache /tmp/quotes4-cache] [--folds 5]
        [--seed 13] [--write]

Parses PolNeAR train with the pipeline up to the entities (the model of ``EUROPENEWS_MODEL``,
else the default; cached, pickled, outside the repo with ``--cache``), runs the quote finder
with the chooser off and records every quote's speaker
candidates (chooser.py). A candidate is right when its mention would count as the right
speaker of the gold attribution the quote matches (the ``eval quotes`` recipe, overlap 0.5);
quotes that match no gold attribution teach nothing. Then, cross-validated by article (articles
shuffled with ``--seed``), a logistic regression per fold scores the held-out articles'
candidates, and the figures of every setting (regularisation C, margin over the finder's
speaker) are printed next to the rules' on the same parses: quote+speaker F1, gold direct
quotes found with the right speaker, speaker accuracy on matched quotes. The setting kept is the
best on speaker accuracy among those that lose no direct quote with its speaker; for it, the
matched gold direct quotes still given a wrong speaker are counted by whether the right one was
among their candidates. ``--write`` trains it on all train articles and writes the weights. Dev
is never read here.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc

from europenews.analyze.extensions import register_extensions
from europenews.analyze.pipeline import build_pipeline
from europenews.analyze.quotes import QuoteLexicon, find_quotes, load_quote_lexicon
from europenews.analyze.quotes.chooser import NOBODY, Candidate, SpeakerModel, decide
from europenews.analyze.quotes.speakers import speaker_at
from europenews.config import settings_from_env
from europenews.evaluate.polnear import GoldAttribution, GoldDoc, read_polnear
from europenews.evaluate.quotes import (
    QUOTE_MARKS,
    Counts,
    _speaker_ok,
    match,
    report,
    score_document,
    tokens,
)
from europenews.model import Mention, Quote, Speaker

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear" / "train"
OUT = (Path(__file__).resolve().parents[1]
       / "src/europenews/analyze/quotes/lexicons/en/speakers.json")
SETTINGS_C = (0.1, 0.3, 1.0)
MARGINS = (0.0, 0.1, 0.2, 0.3)
# Where the finder named nobody, a name needs at least a lead of 0.3 (1.0: never): what is
# shown must be right, and a quote with nobody beats one with a wrong speaker.
NOBODY_MARGINS = (0.3, 0.5, 1.0)
Span2 = tuple[int, int]


def parse(docs: list[GoldDoc], cache: Path | None) -> list[Doc]:
    """The pipeline's Docs up to the entities, from the cache when it has them."""
    # The model setting as everywhere (EUROPENEWS_MODEL, else the default); a folder's name
    # keeps the cache file inside the cache folder.
    settings = settings_from_env(components=("europenews_gazetteer", "europenews_entities"))
    path = cache / f"{Path(settings.model).name}-train.pkl" if cache else None
    if path is not None and path.exists():
        with path.open("rb") as fh:
            parsed: list[Doc] = pickle.load(fh)
        if len(parsed) == len(docs):
            return parsed
    nlp = build_pipeline(settings)
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=32))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pickle.dump(parsed, fh, protocol=5)
    return parsed


def right(text: str, mention: Span2 | None, gold: GoldAttribution) -> bool:
    """The recipe's speaker test (evaluate/quotes.py) on a bare character span."""
    if not gold.source:
        return mention is None
    if mention is None:
        return False
    pred = tokens(text, [mention])
    inside = pred & tokens(text, gold.source)
    return bool(inside) and len(inside) * 2 >= len(pred)


Example = tuple[list[Candidate], list[Span2 | None], list[bool] | None]


def examples(doc: Doc, gold: GoldDoc, lex: Any) -> tuple[list[Quote], list[Example]]:
    """The rules' quotes of one article and, per quote, its candidates, their mentions and
    (for quotes matching a gold attribution) whether each is the right speaker."""
    record: list[list[Candidate]] = []
    quotes = find_quotes(doc, lex, record=record)
    gold_of = dict(match(gold.text, quotes, gold.attributions, 0.5))
    out: list[Example] = []
    for i, (quote, found) in enumerate(zip(quotes, record, strict=True)):
        mentions: list[Span2 | None] = []
        for cand in found:
            if cand.finder:
                m = quote.speaker.mention if quote.speaker else None
            elif cand.head == NOBODY:
                m = None
            else:
                m = speaker_at(doc, cand.head).mention
            mentions.append((m.start, m.end) if m is not None else None)
        labels = None
        if i in gold_of:
            g = gold.attributions[gold_of[i]]
            labels = [right(gold.text, m, g) for m in mentions]
        out.append((found, mentions, labels))
    return quotes, out


def figures(golds: list[GoldDoc], quotes: list[list[Quote]]) -> dict[str, float]:
    counts = Counts()
    for gold, qs in zip(golds, quotes, strict=True):
        score_document(gold, qs, 0.5, counts)
    r = report(counts)
    return {"quote_speaker_f1": r["quote_speaker"]["f1"],
            "direct_with_speaker": r["direct_recall_with_speaker"],
            "speaker_accuracy": r["speaker_accuracy"],
            "direct_speaker_tp": counts.direct_speaker}


def misses(golds: list[GoldDoc], quotes: list[list[Quote]],
           rows: list[list[Example]]) -> dict[str, int]:
    """Matched gold direct quotes given a wrong speaker (or none), split by whether the right
    speaker was among the quote's candidates: the chooser's ceiling against the generators'."""
    out = {"wrong_speaker_right_candidate": 0, "wrong_speaker_no_right_candidate": 0}
    for gold, qs, ex in zip(golds, quotes, rows, strict=True):
        for i, j in match(gold.text, qs, gold.attributions, 0.5):
            g = gold.attributions[j]
            direct = any(m in gold.text[s:e] for s, e in g.content for m in QUOTE_MARKS)
            if direct and not _speaker_ok(gold.text, qs[i], g):
                key = "right_candidate" if any(ex[i][2] or ()) else "no_right_candidate"
                out["wrong_speaker_" + key] += 1
    return out


def fit(rows: list[Example], c: float) -> SpeakerModel:
    feats = [{f: 1.0 for f in cand.features} for found, _, labels in rows if labels
             for cand in found]
    ys = [y for _, _, labels in rows if labels for y in labels]
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, ys)
    weights = {name: round(float(w), 4) for name, w in
               zip(vec.get_feature_names_out(), clf.coef_[0], strict=True) if abs(w) >= 1e-4}
    return SpeakerModel(weights, round(float(clf.intercept_[0]), 4))


def rechosen(model: SpeakerModel, quotes: list[Quote], rows: list[Example],
             text: str) -> list[Quote]:
    out = []
    for quote, (found, mentions, _) in zip(quotes, rows, strict=True):
        chosen = decide(model, found)
        if chosen is None or chosen.finder:
            out.append(quote)
            continue
        m = mentions[found.index(chosen)]
        speaker = None if m is None else Speaker(mention=Mention(m[0], m[1], text[m[0]:m[1]]))
        out.append(replace(quote, speaker=speaker))
    return out


def setup() -> tuple[argparse.Namespace, list[GoldDoc], list[Doc], QuoteLexicon]:
    """The options every PolNeAR training script takes, the train articles, their parses and
    the quote lexicon without its trained parts (this script's and ``train_reports.py``'s)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--write", action="store_true")
    # train_reports.py: the margin of the marks-side decoder it trains per fold
    # (claims_decoder.py); without it, the rules in their order, as the package.
    ap.add_argument("--claims-margin", type=float, default=None)
    # ... labelled whatever the speaker, the margin leaving out only quotes with nobody
    ap.add_argument("--claims-nobody", action="store_true")
    ap.add_argument("--out", default="/tmp/claims.json")  # train_claims.py --write
    args = ap.parse_args()
    register_extensions()
    golds = read_polnear(DATA)
    docs = parse(golds, args.cache)
    return args, golds, docs, replace(load_quote_lexicon(), speakers=None, reports=None)


def main() -> None:
    args, golds, docs, lex = setup()
    rules: list[list[Quote]] = []
    rows: list[list[Example]] = []
    for gold, doc in zip(golds, docs, strict=True):
        qs, ex = examples(doc, gold, lex)
        rules.append(qs)
        rows.append(ex)
    base = figures(golds, rules)
    print(json.dumps({"rules": base}))
    order = list(range(len(golds)))
    random.Random(args.seed).shuffle(order)
    fold_of = {a: n % args.folds for n, a in enumerate(order)}
    results = []
    for c in SETTINGS_C:
        models = [fit([r for a in range(len(golds)) if fold_of[a] != k for r in rows[a]], c)
                  for k in range(args.folds)]
        for margin, nobody in itertools.product(MARGINS, NOBODY_MARGINS):
            chosen = [rechosen(replace(models[fold_of[a]], margin=margin, nobody_margin=nobody),
                               rules[a], rows[a], golds[a].text) for a in range(len(golds))]
            fig = figures(golds, chosen)
            results.append((c, margin, nobody, fig, chosen))
            print(json.dumps({"C": c, "margin": margin, "nobody_margin": nobody, **fig}))
    keep = [r for r in results if r[3]["direct_speaker_tp"] >= base["direct_speaker_tp"]]
    if not keep:
        print("no setting keeps the rules' direct quotes with their speakers")
        return
    c, margin, nobody, fig, chosen = max(keep, key=lambda r: (r[3]["speaker_accuracy"],
                                                               r[3]["quote_speaker_f1"]))
    print(json.dumps({"kept": {"C": c, "margin": margin, "nobody_margin": nobody, **fig,
                               **misses(golds, chosen, rows)}}))
    if args.write:
        model = fit([r for a in rows for r in a], c)
        OUT.write_text(json.dumps({"bias": model.bias, "margin": margin,
                                   "nobody_margin": nobody,
                                   "weights": dict(sorted(model.weights.items()))},
                                  indent=0) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
