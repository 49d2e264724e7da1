"""Headline cleanup (``europenews.ingest.headlines``) on the shared UCI headlines.

    .venv/bin/python bench/headlines.py [--sample 100] [--seed 2024] [--out samples.txt]

Counts the titles that ``clean_headline`` changes, then draws, from the titles with a separator
(" - ", "|", " – ", ...) that are *not* in the learning sample (3,000 titles drawn with seed 24,
which were read while the rules were adjusted), ``--sample`` changed and ``--sample`` unchanged
titles for judging by eye: was only outlet furniture removed, and is furniture left in the
unchanged ones? Prints JSON counts; the samples go to ``--out`` (never into the repository: the
titles belong to the data set).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

from europenews.ingest.headlines import clean_headline

DATA = (Path(__file__).resolve().parents[2] / "shared" / "data" / "clustering"
        / "uci-news-aggregator" / "articles.jsonl.gz")
SEPARATOR = re.compile(r"\s+(?:-{1,2}|–|—|::|·|•)\s+|\|")
LEARN_SEED, LEARN_SIZE = 24, 3000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    rows = []
    with gzip.open(args.data, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows.append((" ".join((r.get("title") or "").split()), r.get("source"), r.get("url")))
    cleaned = [clean_headline(t, s, u) for t, s, u in rows]
    with_sep = [i for i, (t, _, _) in enumerate(rows) if SEPARATOR.search(t)]
    learn = set(random.Random(LEARN_SEED).sample(range(len(with_sep)), LEARN_SIZE))
    held = [with_sep[i] for i in range(len(with_sep)) if i not in learn]
    changed = [i for i in held if cleaned[i] != rows[i][0]]
    unchanged = [i for i in held if cleaned[i] == rows[i][0]]
    rng = random.Random(args.seed)
    figures = {
        "titles": len(rows),
        "changed": sum(1 for i, c in enumerate(cleaned) if c != rows[i][0]),
        "with_separator": len(with_sep),
        "held_out_with_separator": len(held),
        "held_out_changed": len(changed),
        "sample": args.sample, "seed": args.seed,
    }
    print(json.dumps(figures))
    if args.out:
        lines = ["# changed (kept <= title | source)"]
        for n, i in enumerate(rng.sample(changed, min(args.sample, len(changed)))):
            lines.append(f"{n}\t{cleaned[i]!r} <= {rows[i][0]!r} | {rows[i][1]}")
        lines.append("# unchanged titles with a separator")
        for n, i in enumerate(rng.sample(unchanged, min(args.sample, len(unchanged)))):
            lines.append(f"{n}\t{rows[i][0]!r} | {rows[i][1]}")
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
