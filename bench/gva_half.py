"""Write one half of the shared GVA articles, split by story as the trainers split them.

    .venv/bin/python bench/gva_half.py B /tmp/gva-B.jsonl [--data ../shared/data]

Half A holds the stories whose id has an even md5 (``bench/train_figures.py: in_half``), half B
the others; lines keep the file's order. Models and thresholds are learned on A; the figures
docs/benchmarks.md gives for B (``factscheck.py``, ``alertscheck.py`` from ``../shared/tools``)
read the file this writes. The articles stay outside the repository.
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
    args = parser.parse_args()
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
