"""What the pairs GVA still loses share, on the training half, out of sample.

    .venv/bin/python bench/story_lost.py [--data ../shared/data/clustering] [--persons P.json]

Splits half A in two parts as ``bench/story_trees.py`` does, fits the trees on one part and
runs the online clusterer over the other, both ways round. For every pair of articles at the
end of the stream it asks: same incident or not, same predicted story or not; and for the
*lost* pairs (same incident, two stories) against the pairs of *different* incidents, whether
they share a capitalised name pair (``stories.incidents``) or, with ``--persons`` (a JSON map
article id -> {"person": [...], "gpe": [...]}, e.g. from spaCy's entities), a named person,
seen in at most N articles of the part, by day gap. The ratio of the two counts is the
precision a rule "these two share a rare name" could have, before anything is built.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from europenews.dates import day_number
from europenews.stories.cluster import OnlineClusterer, load_decision_model
from europenews.stories.incidents import incident_cues
from story_trees import dated_pairs, sub_part
from train_stories import item_of, load
from tree_fit import fit_trees

NAME_DF = (2, 4, 8)


def gap_bucket(days: int | None) -> str:
    if days is None:
        return "undated"
    for top, label in ((0, "0"), (3, "1-3"), (30, "4-30"), (120, "31-120")):
        if days <= top:
            return label
    return ">120"


def shared_rare(a: frozenset[str], b: frozenset[str], df: Counter[str]) -> int:
    """The document frequency of the rarest term two articles share (0: none shared)."""
    return min((df[t] for t in a & b), default=0)


def count_pairs(records: list[dict[str, Any]], final: list[str],
                sets: dict[str, list[frozenset[str]]]) -> dict[str, Any]:
    """Lost and different-incident pairs by what they share, by day gap."""
    days = [day_number(r.get("published")) for r in records]
    gold = [str(r["story"]) for r in records]
    dfs = {name: Counter(t for terms in found for t in terms) for name, found in sets.items()}
    # Only pairs sharing some term of a set can be counted there: walk the terms' postings.
    table: dict[str, Counter[str]] = defaultdict(Counter)
    lost_total: Counter[str] = Counter()
    for i in range(len(records)):
        for j in range(i):
            if gold[i] == gold[j] and final[i] != final[j]:
                gap = None if days[i] is None or days[j] is None else abs(days[i] - days[j])
                lost_total[gap_bucket(gap)] += 1
    for name, found in sets.items():
        postings: dict[str, list[int]] = defaultdict(list)
        for i, terms in enumerate(found):
            for t in terms:
                if dfs[name][t] <= max(NAME_DF):
                    postings[t].append(i)
        seen: set[tuple[int, int]] = set()
        for members in postings.values():
            for x in members:
                for y in members:
                    if y < x and (x, y) not in seen:
                        seen.add((x, y))
        for x, y in seen:
            df = shared_rare(found[x], found[y], dfs[name])
            gap = None if days[x] is None or days[y] is None else abs(days[x] - days[y])
            if gold[x] == gold[y]:
                cls = "lost" if final[x] != final[y] else "kept"
            else:
                cls = "other incident, apart" if final[x] != final[y] else "other incident, joined"
            for limit in NAME_DF:
                if df <= limit:
                    table[f"{name} df<={limit}: {cls}"][gap_bucket(gap)] += 1
    return {"lost_pairs_by_gap": dict(lost_total),
            "sharing": {k: dict(sorted(v.items())) for k, v in sorted(table.items())}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--persons", type=Path, default=None)
    args = parser.parse_args()
    records = load(args.data / "gva-incidents", "A", None)
    persons = json.loads(args.persons.read_text()) if args.persons else {}
    parts = [[r for r in records if sub_part(str(r["story"]), p)] for p in (0, 1)]
    shipped = load_decision_model()
    report = []
    for fit_on in (0, 1):
        xs, ys = dated_pairs(parts[fit_on])
        model = dataclasses.replace(shipped, full_trees=fit_trees(xs, ys))
        scored = parts[1 - fit_on]
        clusterer = OnlineClusterer(model=model)
        placed = [clusterer.assign(item_of(r, i)).story_id for i, r in enumerate(scored)]
        final = [clusterer.resolve(s) for s in placed]
        sets = {"name pair": [incident_cues(r["title"], r.get("text") or "").names
                              for r in scored]}
        if persons:
            for kind in ("person", "gpe"):
                sets[kind] = [frozenset(persons.get(str(r["id"]), {}).get(kind, ()))
                              for r in scored]
        report.append({"fit_on": fit_on, **count_pairs(scored, final, sets)})
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
