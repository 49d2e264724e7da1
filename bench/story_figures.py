"""A story's shown killed figure on one half of the GVA stories, from a store that holds the
half ingested end to end: why it is wrong, what the titles add, and whether a learned
story-level choice beats the shipped rule.

    .venv/bin/python bench/gva_half.py A A.jsonl
    .venv/bin/europenews ingest A.jsonl --db sqlite:///A.db     # as factscheck.py does
    .venv/bin/python bench/story_figures.py A.jsonl A.db [--data ../shared/data]

Session 8 (issues 16 and 21) tried with it, on half A only, two rules on the titles
("titles" in the output: 1 killed for a story with no figure whose title reports a violent
death; a death figure shown from 0.75 when every title does) and a learned story-level choice
(``story_model``). Neither is shipped: the learned choice did not beat the shipped rule on
half A at any level, and the titles' rules showed three more deaths for incidents that killed
nobody on half B (docs/benchmarks-archive.md, "Story-level figure choice"). The shipped rule
(``shipped``) is the session-7 one: the best outlet's confidence, each further outlet closing
half the doubt, shown from 0.86; alerts from 0.85.

The store holds one half ingested end to end (stories built by the real clusterer, each
article's main-event figures with the figure model's confidence). Each story's gold incident
is the majority incident of its articles (by URL), as ``../shared/tools/factscheck.py`` reads
it; alerts are emulated as ``alerts replay`` fires them (each story's articles in publication
order, firing when a prefix meets "killed >= 3").

1. Causes: why the shipped rule's killed figure differs from the record, story by story.
2. Titles: the stories none of whose articles gives a figure while a title reports a violent
   death, by what their incident killed; and the rule at 0.86 with the death level lowered
   when every title of a story reports a violent death, at several levels.
3. Every value a story's articles give for ``killed`` is one row (:data:`FEATURES`), labelled
   by whether it equals the record (``exact``: what a story shows) and whether the record
   reaches it (``at_least``: what an alert needs). Two logistic models, out of fold (5 folds
   of stories, seed 16), are compared with the shipped rule at every level: stories with the
   right killed figure, deaths shown for stories whose incident killed nobody, alert
   precision / recall / incidents hit twice.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sqlalchemy import select

from europenews.errors import ConfigError
from europenews.store.engine import open_store
from europenews.store.schema import articles, story_members
from europenews.store.story_casualties import article_figures
from europenews.stories.casualties import combined_confidence
from europenews.storydata import ArticleFigure

SEED = 16
FOLDS = 5
LEVELS = (0.5, 0.6, 0.7, 0.74, 0.78, 0.8, 0.82, 0.84, 0.85, 0.86, 0.88, 0.9)
# Confidence above which a value counts as "reported with some confidence".
CONFIDENT = 0.5

FEATURES = (
    "best",  # the highest confidence among the articles giving the value
    "mean",  # the mean confidence of the outlets giving it (each outlet's best)
    "outlets_log",  # log(1 + distinct outlets giving it)
    "share",  # outlets giving it / outlets giving any value of the kind
    "story_share",  # outlets giving it / outlets giving any figure at all
    "values_log",  # log(1 + distinct values of the kind): the spread
    "largest",  # no other value of the kind is larger
    "largest_confident",  # no value of the kind reported at confidence >= 0.5 is larger
    "latest",  # the latest article giving the kind gives this value
    "rises",  # an earlier article gave a smaller value: the toll rose to this one
    "top",  # its best confidence is the highest among the kind's values
    "margin",  # its best confidence minus the best of any other value (0 when alone)
    "count_log",  # log(1 + value)
    "zero",  # the value is 0 ("no one was killed")
    "killed",  # the kind (injured is the other)
    "outlets_all_log",  # log(1 + outlets giving any figure): how much the story knows
    "best_logit",  # the best confidence on the log-odds scale (a confident figure counts more)
    "combined_logit",  # the outlets' confidences combined, each closing half the doubt
)


# A title reports a violent death: a title death word of the events lexicon and an event
# trigger ("Boy dies after being shot"), titles not parsed (tried in session 8, not kept).
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
_ENDINGS = ("", "s", "es", "ing", "ed", "d")


@dataclass(frozen=True, slots=True)
class TitleWords:
    """The words a title is read with, for one language."""

    death: frozenset[str]
    triggers: frozenset[str]  # one-word triggers (lemmas)
    phrases: tuple[str, ...]  # triggers of several words


@cache
def title_words(language: str) -> TitleWords | None:
    """The language's lists from the events lexicon (``analyze/events/lexicons/<language>``),
    or None when it has no title death words (no title is then read as a death)."""
    folder = resources.files("europenews.analyze").joinpath("events", "lexicons", language)
    if not folder.joinpath("casualty_words.json").is_file():
        return None
    try:
        words = json.loads(folder.joinpath("casualty_words.json").read_text(encoding="utf-8"))
        lines = folder.joinpath("triggers.tsv").read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError) as exc:
        raise ConfigError(f"event lexicon {language}: cannot be read ({exc})") from exc
    death = frozenset(words.get("title_death_words") or ())
    if not death:
        return None
    lemmas = [line.split("\t")[0].strip() for line in lines
              if line.strip() and not line.startswith("#")]
    return TitleWords(death, frozenset(x for x in lemmas if " " not in x),
                      tuple(x for x in lemmas if " " in x))


def _is_trigger(word: str, triggers: frozenset[str]) -> bool:
    if word.endswith("men") and word[:-3] + "man" in triggers:  # gunmen
        return True
    for end in _ENDINGS:
        stem = word[:len(word) - len(end)]
        if not word.endswith(end) or len(stem) < 3:
            continue
        if stem in triggers or (end in ("ed", "ing") and stem[-1] == stem[-2]
                                and stem[:-1] in triggers):  # stabbed, shooting
            return True
    return False


def title_reports_death(title: str | None, language: str | None) -> bool:
    """Whether the title has a death word and an event trigger (see the module docstring)."""
    if not title:
        return False
    found = title_words(language or "en")
    if found is None:
        return False
    text = title.lower()
    words = _WORD.findall(text)
    if not found.death.intersection(words):
        return False
    return (any(_is_trigger(w, found.triggers) for w in words)
            or any(p in text for p in found.phrases))


Story = dict[str, Any]
Decide = Callable[[list[ArticleFigure], float], int]  # figures, level → shown killed


def _logit(p: float) -> float:
    p = min(max(p, 0.001), 0.999)
    return math.log(p / (1.0 - p))


def _combined(ranked: Sequence[float]) -> float:
    """The best confidence, each further outlet closing half the remaining doubt an
    independent report would (outlets copy each other)."""
    doubt = 1.0 - ranked[0]
    for c in ranked[1:]:
        doubt *= 1.0 - c / 2
    return 1.0 - doubt


def _outlet(f: ArticleFigure) -> str:
    return f.outlet or f.article_id


def value_features(kind: str, figures: Sequence[ArticleFigure]) -> dict[int, tuple[float, ...]]:
    """The :data:`FEATURES` of each value the story's figures give for ``kind``."""
    of_kind = [f for f in figures if f.kind == kind and f.value is not None]
    by_value: dict[int, dict[str, float]] = {}  # value → outlet → its best confidence
    for f in of_kind:
        assert f.value is not None
        outlets = by_value.setdefault(f.value, {})
        outlets[_outlet(f)] = max(outlets.get(_outlet(f), 0.0), f.confidence)
    if not by_value:
        return {}
    kind_outlets = {_outlet(f) for f in of_kind}
    all_outlets = {_outlet(f) for f in figures}
    best = {v: max(o.values()) for v, o in by_value.items()}
    dated = sorted((f for f in of_kind if f.published), key=lambda f: f.published or "")
    latest = dated[-1].value if dated else None
    top = max(best.values())
    out: dict[int, tuple[float, ...]] = {}
    for value, outlets in by_value.items():
        others = [b for v, b in best.items() if v != value]
        first_of_value = min((f.published or "" for f in dated if f.value == value),
                             default=None)
        rises = first_of_value is not None and any(
            f.value is not None and f.value < value and (f.published or "") < first_of_value
            for f in dated)
        out[value] = (
            best[value],
            sum(outlets.values()) / len(outlets),
            math.log1p(len(outlets)),
            len(outlets) / len(kind_outlets),
            len(outlets) / len(all_outlets),
            math.log1p(len(by_value)),
            float(value == max(by_value)),
            float(not any(v > value and b >= CONFIDENT for v, b in best.items())),
            float(latest == value),
            float(rises),
            float(best[value] == top),
            best[value] - max(others) if others else 0.0,
            math.log1p(value),
            float(value == 0),
            float(kind == "killed"),
            math.log1p(len(all_outlets)),
            _logit(best[value]),
            _logit(_combined(sorted(outlets.values(), reverse=True))),
        )
    return out



def load_stories(db: str, gold_of_url: dict[str, str]) -> list[Story]:
    """Each story: its figures, its members (id, url, published) and its gold incidents."""
    engine = open_store(db)
    with engine.connect() as conn:
        members: dict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)
        titles = {r.id: (r.title, r.language) for r in conn.execute(
            select(articles.c.id, articles.c.title, articles.c.language))}
        for r in conn.execute(select(story_members.c.story_id, articles.c.id, articles.c.url,
                                     articles.c.published)
                              .join(articles, articles.c.id == story_members.c.article_id)):
            members[r.story_id].append((r.id, r.url, r.published))
        figs = article_figures(conn, list(members))
    engine.dispose()
    out = []
    for story_id, ms in members.items():
        golds = Counter(gold_of_url.get(url or "") for _, url, _ in ms)
        titled = sum(title_reports_death(*titles[article_id]) for article_id, _, _ in ms)
        golds.pop(None, None)
        if golds:
            out.append({"id": story_id, "members": sorted(ms, key=lambda m: (m[2] or "", m[0])),
                        "figures": figs.get(story_id, []), "gold": golds.most_common(1)[0][0],
                        "golds": set(golds), "titled": titled})
    return out


def shipped(figures: list[ArticleFigure], level: float) -> int:
    """The shipped rule's first killed entry (as factscheck.py reads it): the values whose
    combined confidence reaches the level, the latest report first; none: 0."""
    grouped: dict[int, list[ArticleFigure]] = defaultdict(list)
    for f in figures:
        if f.kind == "killed" and f.value is not None:
            grouped[f.value].append(f)
    shown = [(v, fs) for v, fs in grouped.items() if combined_confidence(fs) >= level]
    if not shown:
        return 0
    return max(shown, key=lambda vf: (max((f.published or "" for f in vf[1]), default=""),
                                      len({f.outlet for f in vf[1]}), vf[0]))[0]


def causes(stories: list[Story], records: dict[str, dict[str, Any]]) -> Counter[str]:
    """Why the shipped rule's figure (0.86) differs from the record."""
    out: Counter[str] = Counter()
    for s in stories:
        record = records.get(s["gold"])
        if not record or record.get("killed") is None:
            continue
        gold, shown = record["killed"], shipped(s["figures"], 0.86)
        values = {f.value for f in s["figures"] if f.kind == "killed"}
        if shown == gold:
            out["right"] += 1
        elif gold == 0:
            out["death shown, nobody killed"] += 1
        elif gold in values:
            out["the record's value reported, " + ("not shown" if shown == 0
                                                    else "another shown")] += 1
        elif not values:
            out["no death figure in any article" + (
                "" if s["figures"] else " (no figure at all)")] += 1
        elif max(v for v in values if v is not None) < gold:
            out["every article counts fewer dead"] += 1
        else:
            out["articles count more dead (or around)"] += 1
    return out


def titles(stories: list[Story], records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What the titles add (see the module docstring, 2)."""
    untold: Counter[str] = Counter()
    for s in stories:
        record = records.get(s["gold"])
        if record and record.get("killed") is not None and not s["figures"] and s["titled"]:
            untold["incident killed " + ("2+" if record["killed"] >= 2
                                         else str(record["killed"]))] += 1

    def with_titles(level: float) -> Callable[[Story, float], int]:
        def decide(s: Story, show: float) -> int:
            if not s["figures"]:
                return 1 if s["titled"] else 0
            every = s["titled"] == len(s["members"])
            return shipped(s["figures"], min(show, level) if every else show)
        return decide

    return {"no_figure_title_death": dict(untold),
            "every_title_level": {str(level): facts(stories, records, with_titles(level), 0.86)
                                  for level in (0.86, 0.8, 0.75, 0.7, 0.6, 0.5)}}


def rows(story: Story, record: dict[str, Any], target: str) -> list[tuple[tuple[float, ...], int]]:
    out = []
    for value, features in value_features("killed", story["figures"]).items():
        if target == "exact":
            out.append((features, int(value == record["killed"])))
        elif value >= 1:
            out.append((features, int(record["killed"] >= value)))
    return out


def fit(stories: list[Story], records: dict[str, dict[str, Any]],
        target: str) -> LogisticRegression:
    xs, ys = [], []
    for s in stories:
        if (r := records.get(s["gold"])) and r.get("killed") is not None:
            for x, y in rows(s, r, target):
                xs.append(x)
                ys.append(y)
    return LogisticRegression(C=1.0, max_iter=5000, random_state=SEED).fit(np.array(xs),
                                                                          np.array(ys))


def probabilities(model: LogisticRegression, figures: list[ArticleFigure]) -> dict[int, float]:
    found = value_features("killed", figures)
    if not found:
        return {}
    ps = model.predict_proba(np.array(list(found.values())))[:, 1]
    return dict(zip(found, (float(p) for p in ps), strict=True))


def facts(stories: list[Story], records: dict[str, dict[str, Any]],
          decide: Callable[[Story, float], int], level: float) -> dict[str, Any]:
    n = right = gold0 = false_death = 0
    for s in stories:
        record = records.get(s["gold"])
        if not record or record.get("killed") is None:
            continue
        shown = decide(s, level)
        n += 1
        right += shown == record["killed"]
        gold0 += record["killed"] == 0
        false_death += record["killed"] == 0 and shown > 0
    return {"killed_right": round(right / max(n, 1), 4), "false_deaths": false_death,
            "false_death": round(false_death / max(gold0, 1), 4)}


def alerts(stories: list[Story], records: dict[str, dict[str, Any]], targets: set[str],
           fires: Callable[[Story, list[ArticleFigure], float], bool],
           level: float) -> dict[str, Any]:
    hits = good = 0
    covered: Counter[str] = Counter()
    for s in stories:
        by_article: dict[str, list[ArticleFigure]] = defaultdict(list)
        for f in s["figures"]:
            by_article[f.article_id].append(f)
        seen: list[ArticleFigure] = []
        fired = False
        for article_id, _, _ in s["members"]:
            seen.extend(by_article.get(article_id, []))
            if article_id in by_article and fires(s, seen, level):
                fired = True
                break
        if not fired:
            continue
        hits += 1
        good += (records.get(s["gold"]) or {}).get("killed", 0) >= 3
        for g in s["golds"] & targets:
            covered[g] += 1
    return {"hits": hits, "precision": round(good / max(hits, 1), 4),
            "recall": round(len(covered) / max(len(targets), 1), 4),
            "twice": round(sum(1 for c in covered.values() if c > 1) / max(len(targets), 1), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", type=Path, help="the half as bench/gva_half.py writes it")
    parser.add_argument("db", help="that half ingested end to end (a path or a store URL)")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    arts = [json.loads(line) for line in args.articles.open(encoding="utf-8") if line.strip()]
    records = {str(r["story"]): r for r in (json.loads(line) for line in (
        args.data / "events" / "gva-incidents" / "incidents.jsonl").open(encoding="utf-8")
        if line.strip())}
    gold_of_url = {a["url"]: str(a["story"]) for a in arts if a.get("url")}
    targets = {str(a["story"]) for a in arts if len(a.get("text") or "") >= 300
               and (records.get(str(a["story"])) or {}).get("killed") is not None
               and records[str(a["story"])]["killed"] >= 3}
    stories = load_stories(args.db if "://" in args.db else f"sqlite:///{args.db}", gold_of_url)
    rng = np.random.default_rng(SEED)
    fold = {s["id"]: int(rng.integers(FOLDS)) for s in stories}
    oof: dict[str, dict[str, LogisticRegression]] = {}
    scored: dict[str, tuple[list[int], list[float]]] = {"exact": ([], []), "at_least": ([], [])}
    for k in range(FOLDS):
        learn = [s for s in stories if fold[s["id"]] != k]
        models = {t: fit(learn, records, t) for t in ("exact", "at_least")}
        for s in stories:
            if fold[s["id"]] != k:
                continue
            oof[s["id"]] = models
            if (r := records.get(s["gold"])) and r.get("killed") is not None:
                for t, m in models.items():
                    for x, y in rows(s, r, t):
                        scored[t][0].append(y)
                        scored[t][1].append(float(m.predict_proba(np.array([x]))[0, 1]))

    def model_shows(s: Story, level: float) -> int:
        ps = probabilities(oof[s["id"]]["exact"], s["figures"])
        shown = {v: p for v, p in ps.items() if p >= level}
        return max(shown, key=lambda v: (shown[v], v)) if shown else 0

    def model_fires(s: Story, seen: list[ArticleFigure], level: float) -> bool:
        ps = probabilities(oof[s["id"]]["at_least"], seen)
        return any(v >= 3 and p >= level for v, p in ps.items())

    def shipped_fires(s: Story, seen: list[ArticleFigure], level: float) -> bool:
        return shipped(seen, level) >= 3

    report: dict[str, Any] = {
        "stories": len(stories), "incidents_3plus": len(targets),
        "causes_shipped_0.86": dict(causes(stories, records)),
        "titles": titles(stories, records),
        "oof_auc": {t: round(float(roc_auc_score(y, p)), 4) for t, (y, p) in scored.items()},
        "by_level": {str(level): {
            "shipped": {**facts(stories, records, lambda s, lv: shipped(s["figures"], lv),
                                level),
                        **alerts(stories, records, targets, shipped_fires, level)},
            "story_model": {**facts(stories, records, model_shows, level),
                            **alerts(stories, records, targets, model_fires, level)},
        } for level in LEVELS},
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
