"""Write what a store's analyses give the story clusterer, by the input's article ids.

    .venv/bin/python bench/store_analyses.py sqlite:////tmp/A.db [sqlite:////tmp/B.db ...] \
        --out DIR [--name gva-incidents]

For each stored article with an analysis: its analysis payload (``DIR/NAME.jsonl``, the form
``europenews analyze --format jsonl`` writes) and its store-wide entity ids
(``DIR/NAME.linked.json``: input id -> keys, as ``ingest`` gives them to the clusterer,
``store.stories.linked_keys_of``). ``train_stories.py`` / ``story_trees.py --analyses DIR``
read them. The ids are those of the store at the end of the ingest: an entity merged later
in the stream has its surviving id here, where the clusterer saw the id it had then. The
articles stay outside the repository (DIR is a cache).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sqlalchemy import select

from europenews.store.articles import get_analysis_payloads
from europenews.store.engine import open_store
from europenews.store.schema import articles
from europenews.store.stories import linked_keys_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stores", nargs="+")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--name", default="gva-incidents")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    linked: dict[str, list[str]] = {}
    written = 0
    with (args.out / f"{args.name}.jsonl").open("w", encoding="utf-8") as out:
        for url in args.stores:
            engine = open_store(url, migrate=False)
            with engine.connect() as conn:
                external = {r.id: r.external_id or r.id
                            for r in conn.execute(select(articles.c.id, articles.c.external_id))}
                ids = list(external)
                for start in range(0, len(ids), 500):
                    chunk = ids[start:start + 500]
                    payloads = get_analysis_payloads(conn, chunk)
                    keys = linked_keys_of(conn, chunk)
                    for store_id, payload in payloads.items():
                        outer = external[store_id]
                        payload["id"] = outer
                        out.write(json.dumps(payload) + "\n")
                        linked[outer] = list(keys.get(store_id, ()))
                        written += 1
    (args.out / f"{args.name}.linked.json").write_text(json.dumps(linked), encoding="utf-8")
    print(json.dumps({"analyses": written, "out": str(args.out)}))


if __name__ == "__main__":
    main()
