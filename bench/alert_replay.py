"""The casualty alert on one half of the shared GVA articles, scored as
``../shared/tools/alertscheck.py`` scores it, with a record that lets other rules be tried on
the same replay in seconds.

    .venv/bin/python bench/gva_half.py A /tmp/A.jsonl
    .venv/bin/python bench/alert_replay.py record /tmp/A.jsonl /tmp/A-replay.json.gz
    .venv/bin/python bench/alert_replay.py score /tmp/A.jsonl /tmp/A-replay.json.gz
    # the writer's side only (clustering, alerts), on analyses kept by
    # ``bench/store_replay.py from-store`` of an ingest of the same articles:
    .venv/bin/python bench/alert_replay.py record /tmp/A.jsonl /tmp/A-replay.json.gz \
        --analyses /tmp/A-cache

``record`` prepares the articles as alertscheck does (those with a text, sorted by
(published, id)), runs ``alerts.replay.replay`` (what ``europenews alerts replay`` runs) with
the rule ``event = { killed_at_least = 3, country = "US" }``, and writes its hits together with
what the rule read after every story assignment (``store.alert_facts.story_facts``: figures,
events, places) and the story's members at that moment.

``score`` prints, scored as alertscheck scores (precision: hits whose majority incident killed
3+; recall: incidents with 3+ killed and a readable article covered by a hit; incidents hit
twice): the recorded hits (the official replay's figures), then the rule emulated over the
record (``alerts.watch`` semantics: fires once per story, a story of an incident another hit
covers is its repeat) for the shipped matcher and at other levels. The emulation of the
shipped matcher must equal the recorded hits; it is what the alert level is chosen with.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import gzip
import json
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, select

from europenews.alerts.match import (
    AlertFact,
    EventPoint,
    Resolved,
    StoryFacts,
    match_rule,
    same_incident,
)
from europenews.alerts.rules import AlertRule, parse_rules_toml
from europenews.storydata import ArticleFigure

RULE = '[[alerts]]\nname = "deadly shooting"\nevent = { killed_at_least = 3, country = "US" }\n'
Match = Callable[[StoryFacts], AlertFact | None]


def _prepared(half: Path, out: Path) -> None:
    arts = [json.loads(line) for line in half.open(encoding="utf-8") if line.strip()]
    arts.sort(key=lambda x: (x.get("published") or "", x["id"]))
    with out.open("w", encoding="utf-8") as f:
        for x in arts:
            if x.get("text"):
                f.write(json.dumps({k: x.get(k) for k in ("id", "title", "text", "published",
                                                           "source", "url")},
                                   ensure_ascii=False) + "\n")


def record(half: Path, out: Path, analyses: Path | None = None) -> None:
    from europenews.alerts.replay import replay
    from europenews.analyze.backends import make_analyzer
    from europenews.config import settings_from_env
    from europenews.store.alert_facts import story_facts
    from europenews.store.schema import articles, story_members

    snapshots: list[dict[str, Any]] = []

    def observe(conn: Connection, story_id: str) -> None:
        facts = story_facts(conn, story_id)
        if facts is None:
            return
        members = conn.execute(select(articles.c.external_id, articles.c.url)
                               .join(story_members, story_members.c.article_id == articles.c.id)
                               .where(story_members.c.story_id == story_id)).all()
        snapshots.append({
            "story": story_id, "first_seen": facts.first_seen,
            "figures": [dataclasses.asdict(f) for f in facts.figures],
            "events": [dataclasses.asdict(e) for e in facts.events],
            "place_countries": list(facts.place_countries),
            "place_names": sorted(facts.place_names),
            "members": [[r.external_id, r.url] for r in members],
        })

    rules = parse_rules_toml(RULE, "bench")
    if analyses is not None:  # the analyses replayed: no model, the same flow after them
        import pickle

        from store_replay import Replay

        with (analyses / "analyses.pkl").open("rb") as kept:
            nlp: Any = Replay(pickle.load(kept))
    else:
        nlp = make_analyzer(settings_from_env())
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        _prepared(half, src)
        try:
            hits, summary = replay(rules, [str(src)], nlp, observe=observe)
        finally:
            if hasattr(nlp, "close"):
                nlp.close()
    with gzip.open(out, "wt", encoding="utf-8") as f:
        json.dump({"hits": hits, "snapshots": snapshots, "clustered": summary.clustered}, f)
    print(json.dumps({"hits": len(hits), "snapshots": len(snapshots), "out": str(out)}))


def facts_of(snapshot: dict[str, Any]) -> StoryFacts:
    """The recorded facts as the matcher reads them."""
    return StoryFacts(
        story_id=snapshot["story"], headline=None, source_count=0, breaking=False,
        first_seen=snapshot["first_seen"],
        figures=tuple(ArticleFigure(**f) for f in snapshot["figures"]),
        events=tuple(EventPoint(**e) for e in snapshot["events"]),
        place_countries=tuple(snapshot["place_countries"]),
        place_names=frozenset(snapshot["place_names"]))


def emulate(snapshots: Iterable[dict[str, Any]], match: Match) -> list[dict[str, Any]]:
    """The hits ``alerts.watch.AlertWatcher`` would keep (repeats left out), each with its
    story's members at its last assignment, in the order they fired."""
    hits: dict[str, dict[str, Any]] = {}  # story → {fact, repeat}
    members: dict[str, list[list[str | None]]] = {}
    order: list[str] = []
    for snap in snapshots:
        story = snap["story"]
        members[story] = snap["members"]
        fact = match(facts_of(snap))
        if fact is None:
            continue
        body = fact.to_dict()
        if story in hits:
            hits[story]["fact"] = body
            continue
        # recent_facts: the latest hits that stand for themselves, newest first
        standing = [hits[s]["fact"] for s in reversed(order) if not hits[s]["repeat"]]
        repeat = any(same_incident(body, other) for other in standing[:500])
        hits[story] = {"fact": body, "repeat": repeat}
        order.append(story)
    return [{"story": s, "fact": hits[s]["fact"],
             "articles": [{"id": i, "url": u} for i, u in members[s]]}
            for s in order if not hits[s]["repeat"]]


def score(hits: list[dict[str, Any]], arts: list[dict[str, Any]],
          incidents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """alertscheck's figures for ``hits``."""
    gold_of_url = {x["url"]: x["story"] for x in arts if x.get("url")}
    gold_of_id = {x["id"]: x["story"] for x in arts}
    good = 0
    covered: collections.Counter[str] = collections.Counter()
    for h in hits:
        golds = collections.Counter(
            gold_of_url.get(m.get("url")) or gold_of_id.get(str(m.get("id")))
            for m in h.get("articles") or [])
        golds.pop(None, None)
        if not golds:
            continue
        g = golds.most_common(1)[0][0]
        if ((incidents.get(g) or {}).get("killed") or 0) >= 3:
            good += 1
        for gg in golds:
            if ((incidents.get(gg) or {}).get("killed") or 0) >= 3:
                covered[gg] += 1
    targets = {x["story"] for x in arts if len(x.get("text") or "") >= 300
               and ((incidents.get(x["story"]) or {}).get("killed") or 0) >= 3}
    n = len(targets) or 1
    return {"hits": len(hits), "incidents_3plus": len(targets),
            "precision": round(good / len(hits), 4) if hits else 0.0,
            "recall": round(sum(1 for t in targets if covered[t]) / n, 4),
            "twice": round(sum(1 for t in targets if covered[t] > 1) / n, 4)}


def internal_ids(snapshots: list[dict[str, Any]]) -> dict[str, tuple[str, str | None]]:
    """The store's article id → the member (external id, url), read off the story states: a
    figure's article is the one member not yet placed whose address is on the figure's outlet
    (or the one new member of the state); two passes, since each placement narrows others."""
    out: dict[str, tuple[str, str | None]] = {}
    placed: set[tuple[str, str | None]] = set()
    for _ in range(2):
        before: dict[str, set[tuple[str, str | None]]] = {}
        for snap in snapshots:
            members = {(i, u) for i, u in snap["members"]}
            free = members - placed
            new = members - before.get(snap["story"], set())
            before[snap["story"]] = members
            for f in snap["figures"]:
                if f["article_id"] in out:
                    continue
                outlet = f.get("outlet")
                on_outlet = [m for m in free if outlet and m[1]
                             and urlsplit(m[1]).netloc == outlet]
                fresh = [m for m in new - placed]
                found = on_outlet if len(on_outlet) == 1 else (
                    fresh if len(fresh) == 1 and not on_outlet else [])
                if found:
                    out[f["article_id"]] = found[0]
                    placed.add(found[0])
                    free.discard(found[0])
    return out


def recall_bound(snapshots: list[dict[str, Any]], arts: list[dict[str, Any]],
                 incidents: dict[str, dict[str, Any]], least: int = 3) -> dict[str, Any]:
    """What bounds recall: of the incidents alertscheck counts (3+ killed, an article of 300+
    characters), those for which some article of the incident gives a killed figure of
    ``least`` or more (its main event's, whatever its confidence): no rule over the extracted
    figures can reach the others. Also the looser count where the figure may be any member's
    of a story holding an article of the incident (stories that merge incidents)."""
    gold_of_url = {x["url"]: x["story"] for x in arts if x.get("url")}
    gold_of_id = {x["id"]: x["story"] for x in arts}
    targets = {x["story"] for x in arts if len(x.get("text") or "") >= 300
               and ((incidents.get(x["story"]) or {}).get("killed") or 0) >= least}
    member_of = internal_ids(snapshots)
    own: set[str] = set()
    any_member: set[str] = set()
    for snap in snapshots:
        high = [f for f in snap["figures"]
                if f["kind"] == "killed" and (f["value"] or 0) >= least]
        if not high:
            continue
        for i, u in snap["members"]:
            gold = gold_of_url.get(u) or gold_of_id.get(str(i))
            if gold in targets:
                any_member.add(gold)
        for f in high:
            i, u = member_of.get(f["article_id"], ("", None))
            gold = gold_of_url.get(u) or gold_of_id.get(str(i))
            if gold in targets:
                own.add(gold)
    n = len(targets) or 1
    return {"incidents_3plus": len(targets), "mapped_articles": len(member_of),
            "own_article_gives_3plus": len(own), "recall_bound": round(len(own) / n, 4),
            "any_member_gives_3plus": len(any_member),
            "loose_bound": round(len(any_member) / n, 4)}


def rule_at(level: float | None) -> AlertRule:
    rule = parse_rules_toml(RULE, "bench")[0]
    assert rule.event is not None
    return dataclasses.replace(rule, event=dataclasses.replace(rule.event, confidence=level))


def shipped(level: float | None) -> Match:
    rule = rule_at(level)
    return lambda facts: match_rule(rule, facts, Resolved())


def load_incidents(data: Path) -> dict[str, dict[str, Any]]:
    """The GVA incident records by story id."""
    incidents = {}
    with (data / "events" / "gva-incidents" / "incidents.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                incidents[r["story"]] = r
    return incidents


def load(half: Path, replay_file: Path, data: Path) -> tuple[list[dict[str, Any]],
                                                             dict[str, dict[str, Any]],
                                                             dict[str, Any]]:
    arts = [json.loads(line) for line in half.open(encoding="utf-8") if line.strip()]
    incidents = load_incidents(data)
    with gzip.open(replay_file, "rt", encoding="utf-8") as f:
        recorded = json.load(f)
    return arts, incidents, recorded


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("record", "score"))
    ap.add_argument("half", type=Path, help="the half as bench/gva_half.py writes it")
    ap.add_argument("replay", type=Path, help="the record (.json.gz)")
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--levels", default="0.6,0.7,0.75,0.8,0.85,0.9")
    ap.add_argument("--analyses", type=Path, default=None,
                    help="record: replay the analyses of this bench/store_replay.py cache")
    a = ap.parse_args()
    if a.command == "record":
        record(a.half, a.replay, a.analyses)
        return
    arts, incidents, recorded = load(a.half, a.replay, a.data)
    print(json.dumps({"recorded hits (the replay)": score(recorded["hits"], arts, incidents)}))
    print(json.dumps({"recall bound": recall_bound(recorded["snapshots"], arts, incidents)}))
    print(json.dumps({"emulated, shipped matcher": score(emulate(recorded["snapshots"],
                                                                 shipped(None)),
                                                         arts, incidents)}))
    for level in (float(x) for x in a.levels.split(",")):
        print(json.dumps({f"emulated, figure level {level}": score(
            emulate(recorded["snapshots"], shipped(level)), arts, incidents)}))


if __name__ == "__main__":
    main()
