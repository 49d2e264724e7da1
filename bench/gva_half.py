"""Write one half of the shared GVA articles, split by story as the trainers split them.

    .venv/bin/python bench/gva_half.py B /tmp/gva-B.jsonl [--data ../shared/data] [--stories]

Half A holds the stories whose id has an even md5 (``bench/train_figures.py: in_half``), half B
the others; lines keep the file's order. Models and thresholds are learned on A; the figures
docs/benchmarks.md gives for B (``factscheck.py``, ``alertscheck.py`` from ``../shared/tools``)
read the file this writes. The articles stay outside the repository. ``--stories``: the half
the story trainers use instead (``bench/train_stories.py``: its own seeded split), in published
order (the order rule of gva-incidents), without the story ids: what an ``ingest`` of that half
reads (``bench/store_analyses.py``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from train_figures import in_half


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("half", choices=("A", "B"))
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--stories", action="store_true",
                        help="train_stories.py's half, in published order, without story ids")
    args = parser.parse_args()
    if args.stories:
        from train_stories import load  # the story trainers' split and order

        records = load(args.data / "clustering" / "gva-incidents", args.half, None)
        with args.out.open("w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps({k: v for k, v in r.items() if k != "story"}) + "\n")
        print(json.dumps({"half": args.half, "articles": len(records), "out": str(args.out)}))
        return
    source = args.data / "clustering" / "gva-incidents" / "articles.jsonl"
    kept = 0
    with source.open(encoding="utf-8") as lines, args.out.open("w", encoding="utf-8") as out:
        for line in lines:
            if line.strip() and in_half(str(json.loads(line)["story"]), args.half):
                out.write(line if line.endswith("\n") else line + "\n")
                kept += 1
    print(json.dumps({"half": args.half, "articles": kept, "out": str(args.out)}))


if __name__ == "__main__":
    main()
