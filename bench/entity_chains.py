"""How far wrong merges chained names together in a store: entities per type, the most distinct
names one organisation or place holds, and how many hold ten or more (issue 17).

    .venv/bin/python bench/entity_chains.py STORE.db [--top 5]

Reads the store with SQL of its own (a bench script, not the package); prints JSON.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

NAMES = """select e.name, count(distinct a.alias) from entities e
           join entity_aliases a on a.entity_id = e.id
           where e.type = ? group by e.id order by 2 desc"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args()
    conn = sqlite3.connect(args.db)
    out: dict[str, object] = {
        "entities": dict(conn.execute("select type, count(*) from entities group by type")),
    }
    for kind in ("organization", "place"):
        rows = conn.execute(NAMES, (kind,)).fetchall()
        out[kind] = {"most_names": rows[0][1] if rows else 0,
                     "with_10_or_more_names": sum(1 for _, n in rows if n >= 10),
                     "largest": [f"{name} ({n})" for name, n in rows[: args.top]]}
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
