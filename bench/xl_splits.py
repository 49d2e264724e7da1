"""Where store-wide linking splits one entity across languages: SlavicNER splits by gold type.

Runs the loop of ``europenews eval entities --gold-mentions`` (fresh SQLite store, documents in
file order) on the chosen topics, then, for every gold entity (``entity`` id), counts the
predicted groups its mentions fell into. A gold entity's *cost* is the number of its mentions
outside its largest predicted group (what recall loses); a predicted group that holds mentions
of several gold entities is a *merge* (what precision loses), costed the same way. Prints the
BCubed figures, the cost per gold type (PER, ORG, LOC), and the costliest splits and merges with
a few surface forms of each group, so one sees which kind of split (translation, acronym,
transliteration, inflection) weighs most. Use the development topics only.

    .venv/bin/python bench/xl_splits.py --topics asia_bibi,ryanair --top 25
    .venv/bin/python bench/xl_splits.py --topics asia_bibi,ryanair --json splits.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from europenews.analyze.pipeline import build_pipeline
from europenews.config import settings_from_env
from europenews.evaluate.entities import linked_store, read_documents
from europenews.evaluate.stories import cluster_scores
from europenews.ingest.jsonl import read_jsonl

DATA = Path(__file__).resolve().parents[2] / "shared/data/multilingual/slavicner/documents.jsonl"


def _link(data: Path, topics: frozenset[str]) -> list[tuple[str, str, str, str, str]]:
    """(gold id, gold type, predicted id, surface, language) for every scored gold mention."""
    topic_of = {str(r.get("id")): str(r.get("topic")) for r in read_jsonl(data)}
    documents = [d for d in read_documents(data) if topic_of.get(d.id) in topics]
    with linked_store(build_pipeline(settings_from_env()), documents, True) as (_, linked):
        return [(x.mention.entity, x.mention.type, x.entity,
                 x.gold.article.text[x.mention.start:x.mention.end],
                 x.gold.article.language or "?") for x in linked]


def _forms(rows: list[tuple[str, str, str, str, str]], limit: int = 4) -> str:
    counts = Counter(f"{surface}/{lang}" for *_, surface, lang in rows)
    return ", ".join(f"{form} ×{n}" for form, n in counts.most_common(limit))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--topics", required=True, help="comma-separated topics (development ones)")
    ap.add_argument("--top", type=int, default=20, help="how many splits and merges to list")
    ap.add_argument("--json", type=Path, help="also write every scored mention here")
    args = ap.parse_args()
    rows = _link(args.data, frozenset(args.topics.split(",")))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False))
    scores = cluster_scores([r[0] for r in rows], [r[2] for r in rows])
    print(json.dumps(scores["bcubed"]))
    by_gold: dict[str, list[tuple[str, str, str, str, str]]] = defaultdict(list)
    by_pred: dict[str, list[tuple[str, str, str, str, str]]] = defaultdict(list)
    for row in rows:
        by_gold[row[0]].append(row)
        by_pred[row[2]].append(row)
    cost_type: Counter[str] = Counter()
    total_type: Counter[str] = Counter(r[1] for r in rows)
    splits = []
    for gold_id, members in by_gold.items():
        groups = Counter(r[2] for r in members)
        cost = len(members) - groups.most_common(1)[0][1]
        cost_type[members[0][1]] += cost
        if cost:
            splits.append((cost, gold_id, members, groups))
    print("split cost by gold type (mentions outside their entity's largest group / all):")
    for type_, total in total_type.most_common():
        print(f"  {type_}: {cost_type[type_]} / {total}")
    splits.sort(key=lambda s: -s[0])
    print(f"\ncostliest splits ({len(splits)} gold entities split):")
    for cost, gold_id, members, groups in splits[:args.top]:
        print(f"{cost:5d}  {gold_id}  ({len(groups)} groups)")
        for pred, n in groups.most_common(5):
            print(f"         {n:4d}  {_forms([r for r in members if r[2] == pred])}")
    merges = []
    for pred, members in by_pred.items():
        golds = Counter(r[0] for r in members)
        cost = len(members) - golds.most_common(1)[0][1]
        if cost:
            merges.append((cost, pred, golds, members))
    merges.sort(key=lambda m: -m[0])
    print(f"\ncostliest merges ({len(merges)} predicted groups mix gold entities):")
    for cost, pred, golds, members in merges[:args.top]:
        print(f"{cost:5d}  group {pred}: " + "; ".join(
            f"{g} ×{n} ({_forms([r for r in members if r[0] == g], 2)})"
            for g, n in golds.most_common(3)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
