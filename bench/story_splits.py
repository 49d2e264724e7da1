"""Split gold stories on one half of gva-incidents, and what a second-stage merge by a shared
name and date would do to them.

    .venv/bin/python bench/story_splits.py [--data ../shared/data/clustering] [--half A]

Runs the shipped clusterer over the half (published order), then counts the gold stories split
over several predicted stories, and for rules "merge two predicted stories that share a
capitalised name pair (``stories.incidents``) seen in at most N articles and lie at most D
days apart" how many pairs each rule would merge and how many of those are one gold story.
Use the training half (A) only: it decides whether such a merge is worth building.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path

from europenews.stories.cluster import OnlineClusterer, load_decision_model
from europenews.stories.incidents import incident_cues
from europenews.stories.items import day_number
from train_stories import item_of, load

NAME_DF = (2, 4, 6)
GAP_DAYS = (3, 7, 30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--half", choices=["A", "B"], default="A")
    args = parser.parse_args()
    records = load(args.data / "gva-incidents", args.half, None)
    clusterer = OnlineClusterer(model=load_decision_model())
    assigned = [clusterer.assign(item_of(r, i)).story_id for i, r in enumerate(records)]
    predicted = [clusterer.resolve(story) for story in assigned]
    names = [incident_cues(r["title"], r.get("text") or "").names for r in records]
    days = [day_number(r.get("published")) for r in records]
    name_df = Counter(name for found in names for name in found)
    members: dict[str, list[int]] = defaultdict(list)
    parts: dict[str, set[str]] = defaultdict(set)  # gold story -> predicted stories
    for i, story in enumerate(predicted):
        members[story].append(i)
        parts[str(records[i]["story"])].add(story)
    split_pairs = {
        pair for found in parts.values() for pair in itertools.combinations(sorted(found), 2)
    }
    story_names = {s: set().union(*(names[i] for i in m)) for s, m in members.items()}
    story_days = {s: [days[i] for i in m if days[i] is not None] for s, m in members.items()}
    sharing: dict[str, set[str]] = defaultdict(set)  # rare name -> predicted stories
    for story, found in story_names.items():
        for name in found:
            if name_df[name] <= max(NAME_DF):
                sharing[name].add(story)
    rules = []
    for max_df, max_gap in itertools.product(NAME_DF, GAP_DAYS):
        merged = set()
        for name, stories in sharing.items():
            if name_df[name] > max_df:
                continue
            for a, b in itertools.combinations(sorted(stories), 2):
                gaps = [abs(x - y) for x in story_days[a] for y in story_days[b]]
                if gaps and min(gaps) <= max_gap:
                    merged.add((a, b))
        right = len(merged & split_pairs)
        rules.append({"name_df_at_most": max_df, "days_at_most": max_gap,
                      "merges": len(merged), "right": right, "wrong": len(merged) - right})
    print(json.dumps({
        "half": args.half, "articles": len(records), "predicted_stories": len(members),
        "gold_stories": len(parts), "split_gold_stories": sum(len(p) > 1 for p in parts.values()),
        "split_story_pairs": len(split_pairs), "rules": rules,
    }, indent=1))


if __name__ == "__main__":
    main()
