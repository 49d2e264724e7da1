"""Why gold entities split in store-wide linking: counts by category (issue 17).

Runs the linking of ``europenews eval entities FILE --gold-mentions`` on the chosen topics (the
development half by default: odd ECB+ topics) and sorts every gold mention that is not in its
gold entity's largest predicted group by why it may have split:

- ``missed``: no system mention covers it;
- ``type``: its predicted entity has another type than the largest group's;
- ``within``: the largest group holds a mention of the same article (grouping in one article);
- ``same-string``: the largest group holds the same lower-cased text from another article
  (a link not made for want of context: a threshold matter);
- ``surname`` / ``acronym`` / ``one-word`` / ``multi-word``: a spelling the group has not seen
  (world knowledge: nicknames, short forms, descriptions).

Each category is split by gold type (PER / ORG / LOC). Prints JSON; ``--examples N`` adds the
first N split mentions of each category with the group's main spelling, ``--groups N`` the N
split gold entities that cost most recall, with their predicted parts.

    .venv/bin/python bench/entity_errors.py ../shared/data/entities/ecbplus/documents.jsonl

Only the development half should be looked at this way; the report half is for the final
figure (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from europenews.analyze.pipeline import build_pipeline
from europenews.config import Settings
from europenews.evaluate.entities import Watch, linked_store, read_documents
from europenews.evaluate.stories import cluster_scores
from europenews.ingest.jsonl import read_jsonl
from europenews.store.schema import entities

DEV_TOPICS = ",".join(str(t) for t in range(1, 46, 2))


@dataclass(frozen=True, slots=True)
class Row:
    doc: str
    text: str
    type: str
    gold: str
    predicted: str
    system_type: str


def linked_rows(path: Path, topics: frozenset[str], watch: Watch | None = None) -> list[Row]:
    """Every scored gold mention of the topics with the store-wide entity it was given.

    ``watch`` (for ``bench/train_links.py``) is called before each article is linked with the
    article, and after it with None."""
    records = {r.get("id"): str(r.get("topic")) for r in read_jsonl(path)}
    docs = [d for d in read_documents(path) if records.get(d.id) in topics]
    with linked_store(build_pipeline(Settings()), docs, True, watch) as (conn, linked):
        types = {int(r.id): str(r.type)
                 for r in conn.execute(select(entities.c.id, entities.c.type))}
        return [Row(x.gold.id, x.gold.article.text[x.mention.start:x.mention.end],
                    x.mention.type, x.mention.entity, x.entity,
                    "-" if x.missed else types.get(int(x.entity), "?")) for x in linked]


def _category(row: Row, main: list[Row]) -> str:
    if row.predicted.startswith("missed-"):
        return "missed"
    main_types = Counter(r.system_type for r in main)
    if row.system_type != main_types.most_common(1)[0][0]:
        return "type"
    if any(r.doc == row.doc for r in main):
        return "within"
    if row.text.lower() in {r.text.lower() for r in main}:
        return "same-string"
    words = row.text.split()
    if len(words) == 1:
        if row.text.isupper():
            return "acronym"
        main_last = {r.text.split()[-1].lower() for r in main if len(r.text.split()) > 1}
        return "surname" if row.text.lower() in main_last else "one-word"
    return "multi-word"


def split_categories(rows: list[Row], examples: int = 0) -> dict[str, Any]:
    """Counts of split mentions by category and gold type (see the module's docstring)."""
    by_gold: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_gold[r.gold].append(r)
    counts: Counter[tuple[str, str]] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    split_groups = 0
    for group in by_gold.values():
        sizes = Counter(r.predicted for r in group)
        if len(sizes) == 1:
            continue
        split_groups += 1
        top = sizes.most_common(1)[0][0]
        main = [r for r in group if r.predicted == top]
        main_name = Counter(r.text for r in main).most_common(1)[0][0]
        for r in group:
            if r.predicted == top:
                continue
            cat = _category(r, main)
            counts[(cat, r.type)] += 1
            if len(shown[cat]) < examples:
                shown[cat].append(f"{r.text!r} [{r.system_type}] -> group {main_name!r}")
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for (cat, type_), n in sorted(counts.items()):
        table[cat][type_] = n
    for cat in table:
        table[cat]["all"] = sum(table[cat].values())
    scores = cluster_scores([r.gold for r in rows], [r.predicted for r in rows])
    out: dict[str, Any] = {"mentions": len(rows), "gold_entities": len(by_gold),
                           "split_entities": split_groups,
                           "split_mentions": sum(counts.values()),
                           "categories": dict(sorted(table.items(),
                                                     key=lambda kv: -kv[1]["all"])),
                           "bcubed": scores["bcubed"]}
    if examples:
        out["examples"] = dict(shown)
    return out


def costly_groups(rows: list[Row], top: int) -> list[dict[str, Any]]:
    """The ``top`` gold entities whose splitting costs most BCubed recall (each mention's share
    of its gold entity outside its predicted group, summed over the entity's mentions), with
    the predicted parts (size, type, the spellings in them) and the split mentions' causes."""
    by_gold: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_gold[r.gold].append(r)
    out = []
    for group in by_gold.values():
        sizes = Counter(r.predicted for r in group)
        if len(sizes) == 1:
            continue
        lost = sum(1 - sizes[r.predicted] / len(group) for r in group) / len(rows)
        top_id = sizes.most_common(1)[0][0]
        main = [r for r in group if r.predicted == top_id]
        parts = [{"size": n, "type": next(r.system_type for r in group if r.predicted == p),
                  "docs": len({r.doc for r in group if r.predicted == p}),
                  "texts": sorted(Counter(r.text for r in group if r.predicted == p))[:6]}
                 for p, n in sizes.most_common()]
        causes = Counter(_category(r, main) for r in group if r.predicted != top_id)
        out.append({"recall_lost": round(lost, 4), "gold_type": group[0].type,
                    "mentions": len(group), "parts": parts, "causes": dict(causes)})
    return sorted(out, key=lambda g: -float(g["recall_lost"]))[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--topics", default=DEV_TOPICS,
                        help="comma-separated topics (default: the odd ones, the dev half)")
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--groups", type=int, default=0,
                        help="also list the N split gold entities that cost most recall")
    args = parser.parse_args()
    rows = linked_rows(args.path, frozenset(args.topics.split(",")))
    out = split_categories(rows, args.examples)
    if args.groups:
        out["costly_groups"] = costly_groups(rows, args.groups)
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
