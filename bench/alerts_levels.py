"""How the casualty alert would score at several confidence levels, on a store built from one
half of the shared GVA stories (stories split by the parity of the md5 of their id, as
bench/train_figures.py does).

    .venv/bin/europenews ingest HALF_A.jsonl --db sqlite:////tmp/a.db
    .venv/bin/python bench/alerts_levels.py sqlite:////tmp/a.db \
        ../shared/data/clustering/gva-incidents/articles.jsonl \
        ../shared/data/events/gva-incidents/incidents.jsonl

For each level it matches ``event = { killed_at_least = 3, country = "US" }`` against every
story as it stands at the end, and scores the stories it fires for as
``/work/shared/tools/alertscheck.py`` does: precision (the story's majority incident killed 3
or more), recall (incidents with 3+ killed and a readable article covered by a hit),
duplicates (such incidents with more than one hit). ``alerts.match.ALERT_CONFIDENCE`` was
chosen with this on half A; ``alerts replay`` through alertscheck measures half B.
"""

from __future__ import annotations

import argparse
import collections
import json
from dataclasses import replace

from sqlalchemy import select

from europenews.alerts.match import Resolved, match_rule
from europenews.alerts.rules import parse_rule
from europenews.store.alert_facts import story_facts
from europenews.store.engine import open_store
from europenews.store.schema import articles, story_members

LEVELS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
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
    engine = open_store(a.db)
    with engine.connect() as conn:
        members = collections.defaultdict(list)
        for r in conn.execute(select(story_members.c.story_id, articles.c.external_id)
                              .join(articles, articles.c.id == story_members.c.article_id)):
            members[r.story_id].append(gold.get(r.external_id))
        facts = {s: story_facts(conn, s) for s in members}
    in_store = {g for ms in members.values() for g in ms if g}
    targets = {g for g in in_store if killed.get(g, 0) >= 3 and readable[g]}
    base = parse_rule({"name": "deadly shooting",
                       "event": {"killed_at_least": 3, "country": "US"}}, "bench")
    assert base.event is not None
    for level in LEVELS:
        rule = replace(base, event=replace(base.event, confidence=level))
        hits = [s for s, f in facts.items()
                if f is not None and match_rule(rule, f, Resolved()) is not None]
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
    engine.dispose()


if __name__ == "__main__":
    main()
