"""Learn the casualty alert's question, "did this story's incident kill (injure) at least N?"
(``alerts/toll.py``), on half A of the shared GVA stories, and choose the alert level there.

    .venv/bin/python bench/alert_replay.py record /tmp/A.jsonl /tmp/A-replay.json.gz
    .venv/bin/python bench/train_alert_toll.py /tmp/A.jsonl /tmp/A-replay.json.gz \
        [--write src/europenews/alerts/toll_model.json]

Rows: every state a story was in when the rules read it during the replay of half A (the
record), for each kind and N in 1..5 where some figure of the kind reaches N (identical rows of
one story counted once), labelled by whether the story's incident (the majority incident of
its members at the end, as alertscheck reads a hit) reached N. One logistic model per kind
(scikit-learn, C = 1, seed 21). The level: the rule ``killed_at_least = 3, country = "US"``
emulated over the record (``bench/alert_replay.py``'s emulation of the watcher) with
out-of-fold models (5 folds of stories), the lowest level whose precision is at least
:data:`MIN_PRECISION` and whose incidents hit twice stay at most 0.02. Half B is not read.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from alert_replay import emulate, facts_of, load, rule_at, score
from europenews.alerts.match import Resolved, match_rule
from europenews.alerts.toll import FEATURES, TollModel, toll_features

SEED = 21
FOLDS = 5
LEASTS = (1, 2, 3, 4, 5)
KINDS = ("killed", "injured")
LEVELS = tuple(round(0.3 + 0.025 * i, 3) for i in range(27))
MIN_PRECISION = 0.95  # a margin over the 0.9 asked: the halves differ by several points
MAX_TWICE = 0.02


def gold_of_story(snapshots: list[dict[str, Any]], arts: list[dict[str, Any]]) -> dict[str, str]:
    gold_of_url = {x["url"]: x["story"] for x in arts if x.get("url")}
    gold_of_id = {x["id"]: x["story"] for x in arts}
    last = {s["story"]: s["members"] for s in snapshots}
    out = {}
    for story, members in last.items():
        golds = collections.Counter(gold_of_url.get(u) or gold_of_id.get(str(i))
                                    for i, u in members)
        golds.pop(None, None)
        if golds:
            out[story] = golds.most_common(1)[0][0]
    return out


def rows(snapshots: list[dict[str, Any]], gold: dict[str, str],
         incidents: dict[str, dict[str, Any]], kind: str,
         stories: set[str], leasts: tuple[int, ...] = LEASTS) -> tuple[np.ndarray, np.ndarray]:
    seen: set[tuple[Any, ...]] = set()
    xs, ys = [], []
    for snap in snapshots:
        story = snap["story"]
        record = incidents.get(gold.get(story, ""))
        if story not in stories or not record or record.get(kind) is None:
            continue
        figures = facts_of(snap).figures
        for least in leasts:
            x = toll_features(figures, kind, least)
            if x is None or (story, least, x) in seen:
                continue
            seen.add((story, least, x))
            xs.append(x)
            ys.append(int(record[kind] >= least))
    return np.array(xs), np.array(ys)


def fit(snapshots: list[dict[str, Any]], gold: dict[str, str],
        incidents: dict[str, dict[str, Any]], stories: set[str],
        leasts: tuple[int, ...] = LEASTS) -> TollModel:
    weights, bias = {}, {}
    for kind in KINDS:
        x, y = rows(snapshots, gold, incidents, kind, stories, leasts)
        model = LogisticRegression(C=1.0, max_iter=5000, random_state=SEED).fit(x, y)
        weights[kind] = tuple(float(w) for w in model.coef_[0])
        bias[kind] = float(model.intercept_[0])
    return TollModel(weights, bias, 0.5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("half", type=Path, help="half A as bench/gva_half.py writes it")
    ap.add_argument("replay", type=Path, help="bench/alert_replay.py's record of that half")
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--write", type=Path, help="write the model and level here")
    # Rows without N = 1 ("did anybody die?" is another question than "did it reach 3?") and
    # other fold seeds were tried: within the noise of 85 incidents (docs/benchmarks-archive.md)
    ap.add_argument("--leasts", default=",".join(map(str, LEASTS)),
                    help="the Ns whose rows the models learn from")
    ap.add_argument("--fold-seed", type=int, default=SEED)
    a = ap.parse_args()
    leasts = tuple(int(n) for n in a.leasts.split(","))
    arts, incidents, recorded = load(a.half, a.replay, a.data)
    snapshots = recorded["snapshots"]
    gold = gold_of_story(snapshots, arts)
    stories = sorted(gold)
    rng = np.random.default_rng(a.fold_seed)
    fold = {s: int(rng.integers(FOLDS)) for s in stories}
    models = [fit(snapshots, gold, incidents, {s for s in stories if fold[s] != k}, leasts)
              for k in range(FOLDS)]
    rule = rule_at(None)
    print(json.dumps({"shipped matcher (figure level)": score(
        emulate(snapshots, lambda f: match_rule(rule, f, Resolved())), arts, incidents)}))
    chosen = None
    for level in LEVELS:
        lrule = rule_at(level)

        def oof(facts: Any, lrule: Any = lrule) -> Any:
            model = models[fold.get(facts.story_id, 0)]
            return match_rule(lrule, facts, Resolved(), toll=model)

        result = score(emulate(snapshots, oof), arts, incidents)
        print(json.dumps({"level": level, **result}))
        if chosen is None and result["precision"] >= MIN_PRECISION and \
                result["twice"] <= MAX_TWICE:
            chosen = level
    print(json.dumps({"chosen level": chosen}))
    if a.write and chosen is not None:
        final = fit(snapshots, gold, incidents, set(stories), leasts)
        data = {"features": list(FEATURES), "level": chosen,
                "trained_on": "GVA half A (bench/gva_half.py A), bench/train_alert_toll.py, "
                              f"seed {SEED}",
                "kinds": {k: {"weights": [round(w, 6) for w in final.weights[k]],
                              "bias": round(final.bias[k], 6)} for k in KINDS}}
        a.write.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(json.dumps({"written": str(a.write)}))


if __name__ == "__main__":
    main()
