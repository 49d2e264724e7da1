"""Compare figure models on half A of the shared GVA stories, out of fold (folds by story).

    .venv/bin/python bench/figure_model_cv.py [--data ../shared/data] [--docs DOCS.spacy]
        [--rows /tmp/figures7-rows.pkl] [--only NAMES] [--death]

Half A only: the rows of ``bench/train_figures.py`` (one per figure a main-event count rests
on, labelled by whether the count is the incident's record) are split into 5 folds by story
(seed 7). Each candidate learner is fitted on four folds and scores the fifth, so every row
gets an out-of-fold probability. Reported per learner: AUC and log loss of the rows, and the
story level the site shows with gold stories as clusters (``stories.casualties``: an
article's figure takes its best option's probability, as ``figures.event_figures`` does),
at each display level: stories whose shown killed figure is the record's, and stories whose
incident killed nobody that show a death. The level kept is the one with the most right
killed figures among those showing a death for at most 2.5 % of the no-death stories.

Also reported (``--death``): a second model over the same features for killed figures,
labelled by whether the incident killed anybody at all, and the story level when a story
with no confident count still shows its likeliest death figure once the outlets' combined
probability of a death reaches a second level. Half B is never read here.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from europenews.analyze.events.confidence import FEATURES
from europenews.analyze.events.lexicon import load_event_lexicon
from europenews.stories.casualties import combined_confidence, story_casualties
from europenews.storydata import ArticleFigure
from train_figures import figure_rows, in_half, load_cases, load_docs

SHOW_GRID = tuple(round(0.5 + 0.01 * i, 2) for i in range(50))
MAX_FALSE_DEATH = 0.025
FOLDS = 5
SEED = 7


@dataclasses.dataclass
class Rows:
    x: np.ndarray  # features
    y: np.ndarray  # 1: the count is the record's
    story: list[str]
    article: list[int]  # index into arts
    kind: list[str]
    value: list[int]
    arts: list[dict[str, Any]]  # id, source, published, story, record killed


def extract(data: Path, docs_path: Path) -> Rows:
    cases = load_cases(data)
    docs = load_docs(cases, docs_path)
    lex = load_event_lexicon()
    xs, ys, story, article, kinds, values, arts = [], [], [], [], [], [], []
    for case, doc in zip(cases, docs, strict=True):
        if not in_half(str(case["story"]), "A"):
            continue
        arts.append({"id": case["id"], "source": case.get("source"),
                     "published": case.get("published"), "story": str(case["story"]),
                     "killed": case["record"]["killed"]})
        for kind, value, x, y in figure_rows(case, doc, lex):
            xs.append(x)
            ys.append(y)
            story.append(str(case["story"]))
            article.append(len(arts) - 1)
            kinds.append(kind)
            values.append(value)
    return Rows(np.array(xs), np.array(ys), story, article, kinds, values, arts)


def folds_by_story(stories: list[str]) -> dict[str, int]:
    unique = sorted(set(stories))
    random.Random(SEED).shuffle(unique)
    return {s: i % FOLDS for i, s in enumerate(unique)}


def learners() -> dict[str, Any]:
    out: dict[str, Any] = {"logistic": lambda: LogisticRegression(C=1.0, max_iter=5000)}
    for n, depth, lr in ((100, 2, 0.1), (200, 2, 0.05), (150, 3, 0.05), (300, 3, 0.03),
                         (100, 4, 0.05), (200, 3, 0.1)):
        out[f"gbt_n{n}_d{depth}_lr{lr}"] = (
            lambda n=n, depth=depth, lr=lr: GradientBoostingClassifier(
                n_estimators=n, max_depth=depth, learning_rate=lr, subsample=0.8,
                min_samples_leaf=10, random_state=SEED))
    for n, depth, lr, leaf in ((300, 1, 0.1, 20), (150, 2, 0.05, 50), (100, 3, 0.05, 80),
                               (400, 1, 0.05, 40)):
        out[f"gbt_n{n}_d{depth}_lr{lr}_leaf{leaf}"] = (
            lambda n=n, depth=depth, lr=lr, leaf=leaf: GradientBoostingClassifier(
                n_estimators=n, max_depth=depth, learning_rate=lr, subsample=0.8,
                min_samples_leaf=leaf, random_state=SEED))
    for hidden, alpha in ((8, 1.0), (16, 3.0)):
        out[f"mlp_h{hidden}_a{alpha}"] = (
            lambda hidden=hidden, alpha=alpha: make_pipeline(
                StandardScaler(), MLPClassifier((hidden,), alpha=alpha, max_iter=2000,
                                                random_state=SEED)))
    return out


def out_of_fold(rows: Rows, make: Any) -> np.ndarray:
    fold = folds_by_story(rows.story)
    f = np.array([fold[s] for s in rows.story])
    p = np.zeros(len(rows.y))
    for k in range(FOLDS):
        clf = make()
        clf.fit(rows.x[f != k], rows.y[f != k])
        p[f == k] = clf.predict_proba(rows.x[f == k])[:, 1]
    return np.round(p, 3)


def story_level(rows: Rows, p: np.ndarray, shows: tuple[float, ...],
                combine: Any = None) -> dict[str, dict[str, float]]:
    """Gold stories as clusters: the killed figure the site would show at each level."""
    best = best_per_article(rows, p)
    per_story: dict[str, list[ArticleFigure]] = defaultdict(list)
    for (a, kind), (value, conf) in best.items():
        art = rows.arts[a]
        per_story[art["story"]].append(ArticleFigure(
            art["id"], art["source"], art["published"], kind, value, conf, 0, 0, None, None))
    records = {art["story"]: art["killed"] for art in rows.arts}
    out = {}
    for show in shows:
        right = gold0 = false_death = 0
        for story, killed in records.items():
            figures = story_casualties(per_story.get(story, []), show=show)
            shown_killed = [c for c in figures if c.kind == "killed"]
            shown = shown_killed[0].value if shown_killed else 0
            right += shown == killed
            if killed == 0:
                gold0 += 1
                false_death += shown > 0
        out[str(show)] = {"killed_right": round(right / len(records), 4),
                          "right": right, "stories": len(records),
                          "false_death": round(false_death / max(gold0, 1), 4),
                          "false": false_death, "no_death_stories": gold0}
    return out


def best_per_article(rows: Rows, p: np.ndarray) -> dict[tuple[int, str], tuple[int, float]]:
    """Each article's figure per kind: the value and its best option's probability."""
    best: dict[tuple[int, str], tuple[int, float]] = {}
    for i, prob in enumerate(p):
        key = (rows.article[i], rows.kind[i])
        if key not in best or prob > best[key][1]:
            best[key] = (rows.value[i], float(prob))
    return best


def death_route(rows: Rows, p: np.ndarray) -> dict[str, Any]:
    """The second question, out of fold: did the incident kill anybody? A logistic model
    over the killed rows (label: the record's killed > 0); a story whose first killed entry
    is the inferred 0 shows its likeliest death figure instead when its outlets' combined
    probability of a death reaches ``death`` (grid), at each display level ``show``."""
    killed = np.array([k == "killed" for k in rows.kind])
    sub = Rows(rows.x[killed],
               np.array([int(rows.arts[a]["killed"] > 0) for a, k in
                         zip(rows.article, killed, strict=True) if k]),
               [s for s, k in zip(rows.story, killed, strict=True) if k],
               [a for a, k in zip(rows.article, killed, strict=True) if k],
               ["killed"] * int(killed.sum()),
               [v for v, k in zip(rows.value, killed, strict=True) if k], rows.arts)
    pd = out_of_fold(sub, lambda: LogisticRegression(C=1.0, max_iter=5000))
    death: dict[int, float] = {}
    for a, prob in zip(sub.article, pd, strict=True):
        death[a] = max(death.get(a, 0.0), float(prob))
    per_story: dict[str, list[ArticleFigure]] = defaultdict(list)
    deaths: dict[str, list[ArticleFigure]] = defaultdict(list)
    for (a, kind), (value, conf) in best_per_article(rows, p).items():
        art = rows.arts[a]
        per_story[art["story"]].append(ArticleFigure(
            art["id"], art["source"], art["published"], kind, value, conf, 0, 0, None, None))
        if kind == "killed":
            deaths[art["story"]].append(ArticleFigure(
                art["id"], art["source"], art["published"], kind, value, death[a], 0, 0,
                None, None))
    records = {art["story"]: art["killed"] for art in rows.arts}
    out: dict[str, Any] = {"death_model_auc": round(float(roc_auc_score(sub.y, pd)), 4)}
    for show in (0.86, 0.88, 0.9, 0.92):
        for level in (0.97, 0.98, 0.99, 0.995):
            right = false = 0
            for story, gold in records.items():
                listed = [c for c in story_casualties(per_story.get(story, []), show=show)
                          if c.kind == "killed"]
                value = listed[0].value if listed else 0
                candidates = [c for c in listed if not c.inferred_zero]
                if value == 0 and candidates and \
                        combined_confidence(deaths[story]) >= level:
                    value = max(candidates, key=lambda c: (c.confidence, c.outlets)).value
                right += value == gold
                false += gold == 0 and value > 0
            out[f"show {show} death {level}"] = {"right": right, "false": false}
    return out


def choose(by_show: dict[str, dict[str, float]]) -> tuple[float, dict[str, float]]:
    allowed = [float(t) for t, v in by_show.items() if v["false_death"] <= MAX_FALSE_DEATH]
    show = max(allowed or [max(map(float, by_show))],
               key=lambda t: (by_show[str(t)]["killed_right"], -t))
    return show, by_show[str(show)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=Path, default=Path("/tmp/europenews-gva-docs.spacy"))
    parser.add_argument("--rows", type=Path, default=None, help="cache of the extracted rows")
    parser.add_argument("--only", default=None, help="comma-separated learner names")
    parser.add_argument("--death", action="store_true", help="also the death-model route")
    args = parser.parse_args()
    if args.rows is not None and args.rows.exists():
        rows = pickle.loads(args.rows.read_bytes())
    else:
        rows = extract(args.data, args.docs)
        if args.rows is not None:
            args.rows.write_bytes(pickle.dumps(rows))
    if rows.x.shape[1] != len(FEATURES):
        raise SystemExit(f"rows have {rows.x.shape[1]} features, code {len(FEATURES)}")
    report: dict[str, Any] = {"rows": len(rows.y), "right_rate": round(float(rows.y.mean()), 4),
                              "stories": len(set(rows.story))}
    makers = learners()
    names = args.only.split(",") if args.only else list(makers)
    for name in names:
        p = out_of_fold(rows, makers[name])
        by_show = story_level(rows, p, SHOW_GRID)
        show, at = choose(by_show)
        report[name] = {
            "auc": round(float(roc_auc_score(rows.y, p)), 4),
            "log_loss": round(float(log_loss(rows.y, np.clip(p, 1e-6, 1 - 1e-6))), 4),
            "show": show, "at_show": at, "at_0.86": by_show["0.86"],
        }
        print(name, json.dumps(report[name]), file=sys.stderr)
    if args.death:
        report["death_route"] = death_route(
            rows, out_of_fold(rows, makers["logistic"]))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
