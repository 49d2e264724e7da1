"""The confidence of casualty figures read from the title alone (``analyze/events/titleonly.py``),
learned on an alert-replay record of half A, and the record re-scored with it.

    .venv/bin/python bench/alert_replay.py record A.jsonl A-record.json.gz
    .venv/bin/python bench/title_figures.py learn A.jsonl A-record.json.gz [--write]
    .venv/bin/python bench/title_figures.py apply A-record.json.gz OUT.json.gz [--rates R.json]

``learn`` finds the figures whose evidence is the title (``start == end == 0``) in the
record's story states, maps each to its article (``alert_replay.internal_ids``) and the
article to its incident, and labels it right when its value equals the incident's record (the
2018 and victim-only counts accepted, as ``bench/train_figures.py`` labels). The rate of each
``titleonly.rate_key`` ("killed_count": a number or a counted phrase gave it; "killed_word": a
word such as "dies") is the share right, with one right and one wrong added (a small key
gets no extreme rate). It prints the counts, the rates, and the rates of two folds (stories
split by the md5 of the incident id) applied to the other fold; ``--write`` stores the rates in
``analyze/events/lexicons/en/title_figures.json``.

``apply`` writes a copy of the record whose title figures carry the given rates (default: the
shipped file's), so ``bench/record_figures.py`` and ``bench/alert_replay.py score`` give the
page and the alert as a record made with those rates would (the rates change no story: the
clusterer reads no figure).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

from alert_replay import internal_ids, load_incidents
from europenews.analyze.events.titleonly import rate_key, title_evidence
from europenews.model import Figure
from train_figures import matches

RATES_FILE = (Path(__file__).resolve().parent.parent / "src" / "europenews" / "analyze"
              / "events" / "lexicons" / "en" / "title_figures.json")
KINDS = ("killed_count", "killed_word", "injured_count", "injured_word")


def _key(f: dict[str, Any]) -> str:
    return rate_key(Figure(f["kind"], f["value"], f["start"], f["end"], f.get("phrase")))


def title_rows(half: Path, record: dict[str, Any], data: Path
               ) -> list[tuple[str, str, bool]]:
    """(incident, rate key, right) of each title figure, once per article and kind."""
    arts = {x["id"]: x for x in (json.loads(line) for line in half.open(encoding="utf-8")
                                 if line.strip())}
    incidents = load_incidents(data)
    member = internal_ids(record["snapshots"])
    seen: dict[tuple[str, str], tuple[str, str, bool]] = {}
    for snap in record["snapshots"]:
        for f in snap["figures"]:
            if not title_evidence(f["start"], f["end"]) or f["value"] is None:
                continue
            external = member.get(f["article_id"], ("", None))[0]
            story = (arts.get(external) or {}).get("story")
            r = incidents.get(story or "")
            if r is None or r.get("killed") is None:
                continue
            seen[(f["article_id"], f["kind"])] = (story, _key(f),
                                                   matches(f["kind"], f["value"], r))
    return list(seen.values())


def rates_of(rows: list[tuple[str, str, bool]]) -> dict[str, float]:
    """The share right per key, with one right and one wrong added."""
    right: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    for _, key, ok in rows:
        total[key] += 1
        right[key] += ok
    return {k: round((right[k] + 1) / (total[k] + 2), 3) for k in KINDS}


def _fold(story: str) -> int:
    return int(hashlib.md5(story.encode()).hexdigest(), 16) % 4 // 2  # not the halves' bit


def learn(half: Path, record_file: Path, data: Path, write: bool) -> None:
    with gzip.open(record_file, "rt", encoding="utf-8") as f:
        record = json.load(f)
    rows = title_rows(half, record, data)
    counts = collections.Counter((key, ok) for _, key, ok in rows)
    rates = rates_of(rows)
    folds = [rates_of([r for r in rows if _fold(r[0]) == i]) for i in (0, 1)]
    print(json.dumps({"figures": len(rows),
                      "right / total": {k: f"{counts[(k, True)]} / "
                                           f"{counts[(k, True)] + counts[(k, False)]}"
                                        for k in KINDS},
                      "rates": rates, "fold rates": folds}))
    if write:
        RATES_FILE.write_text(json.dumps({
            "_about": "Confidence of a casualty figure read from the title alone, by kind and "
                      "by what gave it (a count, or a word such as 'dies'); learned by "
                      "bench/title_figures.py on half A of the shared GVA articles.",
            "rates": rates}, indent=1) + "\n", encoding="utf-8")


def apply(record_file: Path, out: Path, rates: dict[str, float]) -> None:
    with gzip.open(record_file, "rt", encoding="utf-8") as f:
        record = json.load(f)
    changed = 0
    for snap in record["snapshots"]:
        for f in snap["figures"]:
            if title_evidence(f["start"], f["end"]):
                f["confidence"] = rates.get(_key(f), 0.0)
                changed += 1
    with gzip.open(out, "wt", encoding="utf-8") as f:
        json.dump(record, f)
    print(json.dumps({"title figures": changed, "rates": rates, "out": str(out)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    lp = sub.add_parser("learn")
    lp.add_argument("half", type=Path)
    lp.add_argument("record", type=Path)
    lp.add_argument("--data", type=Path, default=Path("../shared/data"))
    lp.add_argument("--write", action="store_true")
    pp = sub.add_parser("apply")
    pp.add_argument("record", type=Path)
    pp.add_argument("out", type=Path)
    pp.add_argument("--rates", type=Path, default=RATES_FILE)
    a = ap.parse_args()
    if a.command == "learn":
        learn(a.half, a.record, a.data, a.write)
    else:
        apply(a.record, a.out, json.loads(a.rates.read_text(encoding="utf-8"))["rates"])


if __name__ == "__main__":
    main()
