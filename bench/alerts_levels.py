"""How the casualty alert would score at several confidence levels, on one half of the shared
GVA stories (stories split by the parity of the md5 of their id, as bench/train_figures.py
does), fed in publication order as ``alerts replay`` does.

    .venv/bin/python bench/alerts_levels.py HALF_A.jsonl \
        ../shared/data/clustering/gva-incidents/articles.jsonl \
        ../shared/data/events/gva-incidents/incidents.jsonl

HALF_A.jsonl: the half's articles sorted by (published, id), as alertscheck writes them. The
articles go through the whole pipeline into a throwaway store; after each story assignment
``event = { killed_at_least = 3, country = "US" }`` is matched at every level, and a story
counts as fired at a level from the first time it matched (alerts fire once). The stories
fired for are then scored, with their members at the end, as
``/work/shared/tools/alertscheck.py`` does: precision (the story's majority incident killed 3
or more), recall (incidents with 3+ killed and a readable article covered by a hit),
duplicates (such incidents with more than one hit). Since session 10 the level is the
probability of the toll model (``alerts/toll.py``), chosen by ``bench/train_alert_toll.py`` over
a ``bench/alert_replay.py`` record, which tries any rule on one replay in seconds; this script
replays the half once per run.
"""

from __future__ import annotations

import argparse
import collections
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Connection, select

from europenews.alerts.match import Resolved, match_rule
from europenews.alerts.rules import AlertRule, parse_rule
from europenews.analyze.backends import make_analyzer
from europenews.config import Settings
from europenews.stages.ingest import ingest_sources
from europenews.stages.settings import IngestSettings
from europenews.store.alert_facts import story_facts
from europenews.store.engine import open_store
from europenews.store.schema import articles, story_members

LEVELS = (0.6, 0.7, 0.75, 0.8, 0.82, 0.85, 0.88, 0.9)


class Recorder:
    """Matches the rule at every level after each assignment; keeps the first fires."""

    def __init__(self, rules: dict[float, AlertRule]) -> None:
        self.rules = rules
        self.fired: dict[float, set[str]] = {level: set() for level in rules}

    def __call__(self, conn: Connection, story_id: str) -> None:
        facts = story_facts(conn, story_id)
        if facts is None:
            return
        for level, rule in self.rules.items():
            if story_id not in self.fired[level] and match_rule(rule, facts, Resolved()):
                self.fired[level].add(story_id)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("half")
    ap.add_argument("articles")
    ap.add_argument("incidents")
    a = ap.parse_args()
    gold = {}
    readable = collections.defaultdict(bool)
    with open(a.articles, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            gold[row["id"]] = row["story"]
            readable[row["story"]] |= len(row.get("text") or "") >= 300
    killed = {}
    with open(a.incidents, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            killed[row["story"]] = row.get("killed") or 0
    base = parse_rule({"name": "deadly shooting",
                       "event": {"killed_at_least": 3, "country": "US"}}, "bench")
    assert base.event is not None
    event = base.event
    recorder = Recorder({level: replace(base, event=replace(event, confidence=level))
                         for level in LEVELS})
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        ingest_sources([a.half], engine, make_analyzer(Settings()), IngestSettings(),
                       after_assign=recorder)
        with engine.connect() as conn:
            members = collections.defaultdict(list)
            for r in conn.execute(select(story_members.c.story_id, articles.c.external_id)
                                  .join(articles, articles.c.id == story_members.c.article_id)):
                members[r.story_id].append(gold.get(r.external_id))
        engine.dispose()
    in_store = {g for ms in members.values() for g in ms if g}
    targets = {g for g in in_store if killed.get(g, 0) >= 3 and readable[g]}
    for level in LEVELS:
        hits = [s for s in recorder.fired[level] if s in members]
        good, covered = 0, collections.Counter[str]()
        for s in hits:
            golds = collections.Counter(g for g in members[s] if g)
            if not golds:
                continue
            good += killed.get(golds.most_common(1)[0][0], 0) >= 3
            for g in golds:
                if g in targets:
                    covered[g] += 1
        p = good / len(hits) if hits else 0.0
        r = sum(1 for t in targets if covered[t]) / len(targets) if targets else 0.0
        d = sum(1 for t in targets if covered[t] > 1) / len(targets) if targets else 0.0
        print(json.dumps({"level": level, "hits": len(hits), "incidents_3plus": len(targets),
                          "precision": round(p, 3), "recall": round(r, 3),
                          "hit_twice": round(d, 3)}))


if __name__ == "__main__":
    main()
