"""Other gates for the casualty alert, emulated over an alert-replay record of half A.

    .venv/bin/python bench/alert_replay.py record A.jsonl A-record.json.gz
    .venv/bin/python bench/alert_variants.py A.jsonl A-record.json.gz

The shipped gate is the toll model's probability (``alerts/toll.py``) at its level. The
variant asked about in session 13 fires on the story's reconciled figure instead: the story's
primary killed figure (``stories.casualties.story_casualties`` at display level ``show``)
reaches N, and some article's main event gives a killed figure of N or more with a confidence
of at least ``show``. Each variant is one level, so it is chosen out of fold: the incidents
are split in 5 folds (seed 13), the level is the lowest one whose precision on the other four
folds is at least :data:`MIN_PRECISION`, and the fold's hits are scored with it; the sums over
the folds are printed next to every level's in-sample figures. Scored as alertscheck scores
(``bench/alert_replay.py``: ``score``). Half B is not read.
"""

from __future__ import annotations

import argparse
import collections
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from alert_replay import emulate, load, rule_at
from europenews.alerts.match import Resolved, StoryFacts, match_rule
from europenews.stories.casualties import story_casualties

LEAST = 3
FOLDS = 5
SEED = 13
MIN_PRECISION = 0.95  # the margin train_alert_toll.py keeps over the 0.9 asked
GRID = tuple(round(0.5 + 0.025 * i, 3) for i in range(20))
Gate = Callable[[StoryFacts, float], bool]


def reconciled(facts: StoryFacts, show: float) -> bool:
    """The story's reconciled killed figure reaches N, and an article's own main event gives
    N or more with at least ``show`` confidence."""
    if not any(f.kind == "killed" and (f.value or 0) >= LEAST and f.confidence >= show
               for f in facts.figures):
        return False
    killed = [c for c in story_casualties(facts.figures, show=show) if c.kind == "killed"]
    return bool(killed) and killed[0].shown and killed[0].value >= LEAST


def any_confident(facts: StoryFacts, show: float) -> bool:
    """Some article's main event gives N or more killed with at least ``show`` confidence."""
    return any(f.kind == "killed" and (f.value or 0) >= LEAST and f.confidence >= show
               for f in facts.figures)


def toll(facts: StoryFacts, level: float) -> bool:
    return match_rule(rule_at(level), facts, Resolved()) is not None


GATES: dict[str, Gate] = {"toll (shipped gate)": toll, "reconciled": reconciled,
                          "any confident article": any_confident}


def matcher(gate: Gate, level: float) -> Callable[[StoryFacts], Any]:
    """The rule with ``gate`` for its casualty condition (country as shipped)."""
    country = rule_at(0.0)  # country and the fact's parts, with the casualty gate open

    def match(facts: StoryFacts) -> Any:
        if not gate(facts, level):
            return None
        return match_rule(country, facts, Resolved())
    return match


def scored(hits: list[dict[str, Any]], arts: list[dict[str, Any]],
           incidents: dict[str, dict[str, Any]], keep: set[str] | None) -> collections.Counter:
    """alertscheck's counts for the hits and targets whose incidents are in ``keep``
    (all when None): a hit belongs to its majority incident."""
    gold_of_url = {x["url"]: x["story"] for x in arts if x.get("url")}
    gold_of_id = {x["id"]: x["story"] for x in arts}
    c: collections.Counter[str] = collections.Counter()
    covered: collections.Counter[str] = collections.Counter()
    for h in hits:
        golds = collections.Counter(
            gold_of_url.get(m.get("url")) or gold_of_id.get(str(m.get("id")))
            for m in h["articles"])
        golds.pop(None, None)
        if not golds:
            continue
        g = golds.most_common(1)[0][0]
        if keep is not None and g not in keep:
            continue
        c["hits"] += 1
        c["good"] += ((incidents.get(g) or {}).get("killed") or 0) >= LEAST
        for gg in golds:
            if ((incidents.get(gg) or {}).get("killed") or 0) >= LEAST:
                covered[gg] += 1
    targets = {x["story"] for x in arts if len(x.get("text") or "") >= 300
               and ((incidents.get(x["story"]) or {}).get("killed") or 0) >= LEAST
               and (keep is None or x["story"] in keep)}
    c["targets"] = len(targets)
    c["covered"] = sum(1 for t in targets if covered[t])
    c["twice"] = sum(1 for t in targets if covered[t] > 1)
    return c


def figures_of(c: collections.Counter) -> dict[str, Any]:
    return {"hits": c["hits"], "precision": round(c["good"] / max(c["hits"], 1), 4),
            "recall": round(c["covered"] / max(c["targets"], 1), 4),
            "twice": round(c["twice"] / max(c["targets"], 1), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("half", type=Path)
    ap.add_argument("replay", type=Path)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--gates", default=",".join(GATES))
    a = ap.parse_args()
    arts, incidents, recorded = load(a.half, a.replay, a.data)
    golds = sorted({x["story"] for x in arts})
    rng = np.random.default_rng(SEED)
    fold = {g: int(rng.integers(FOLDS)) for g in golds}
    for name in a.gates.split(","):
        gate = GATES[name]
        hits = {lv: emulate(recorded["snapshots"], matcher(gate, lv)) for lv in GRID}
        for lv in GRID:
            print(json.dumps({"gate": name, "level": lv,
                              **figures_of(scored(hits[lv], arts, incidents, None))}))
        total: collections.Counter[str] = collections.Counter()
        chosen = []
        for k in range(FOLDS):
            rest = {g for g in golds if fold[g] != k}
            level = next((lv for lv in GRID if figures_of(scored(
                hits[lv], arts, incidents, rest))["precision"] >= MIN_PRECISION), GRID[-1])
            chosen.append(level)
            total += scored(hits[level], arts, incidents, {g for g in golds if fold[g] == k})
        print(json.dumps({"gate": name, "out of fold": figures_of(total),
                          "levels chosen": chosen}))


if __name__ == "__main__":
    main()
