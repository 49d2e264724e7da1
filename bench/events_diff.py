"""What a change to the events rules does to the shared GVA articles, article by article.

    PYTHONPATH=OLD/src .venv/bin/python bench/events_diff.py predict BEFORE.json [--grep RE]
    PYTHONPATH=NEW/src .venv/bin/python bench/events_diff.py predict AFTER.json [--grep RE]
    .venv/bin/python bench/events_diff.py compare BEFORE.json AFTER.json

``predict`` reads the GVA articles (``--data``, default ``../shared/data``) whose title or text
matches ``--grep`` (case-insensitive; all when absent) and records each one's main event
(killed, injured, place) as ``europenews eval events`` reads it: the title, a blank line and
the text, through the pipeline of the code on ``PYTHONPATH`` (an archive of another commit:
``git archive REV src | tar -x -C OLD``). ``compare`` prints the articles whose main event
changed, with the incident's record, and how many now have both counts right that had not
(and the reverse). The articles stay outside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any


def predict(data: Path, out: Path, grep: str | None) -> int:
    from europenews.analyze.pipeline import build_pipeline, make_doc
    from europenews.model import Article

    pattern = re.compile(grep, re.IGNORECASE) if grep else None
    source = data / "clustering" / "gva-incidents" / "articles.jsonl"
    items = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    items = [a for a in items if pattern is None
             or pattern.search(f"{a.get('title') or ''} {a.get('text') or ''}")]
    nlp = build_pipeline()
    docs = nlp.pipe(make_doc(nlp, Article(f"{a.get('title') or ''}\n\n{a.get('text') or ''}",
                                          id=a["id"], source=a.get("source"))) for a in items)
    found: dict[str, Any] = {}
    for item, doc in zip(items, docs, strict=True):
        event = (doc._.events or [None])[0]
        found[item["id"]] = None if event is None else [
            event.killed, event.injured, event.place.name if event.place else None]
    out.write_text(json.dumps(found), encoding="utf-8")
    return len(found)


def compare(before: Path, after: Path, data: Path) -> dict[str, int]:
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    story = {}
    for line in (data / "clustering" / "gva-incidents" / "articles.jsonl").open(encoding="utf-8"):
        if line.strip():
            item = json.loads(line)
            story[item["id"]] = str(item["story"])
    record = {}
    for line in (data / "events" / "gva-incidents" / "incidents.jsonl").open(encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            record[str(row["story"])] = (row.get("killed") or 0, row.get("injured") or 0)

    def right(pred: list[Any] | None, gold: tuple[int, int] | None) -> bool:
        got = (0, 0) if pred is None else (pred[0] or 0, pred[1] or 0)
        return gold is not None and got == gold

    totals = {"articles": len(new), "changed": 0, "now_right": 0, "now_wrong": 0}
    for key, pred in new.items():
        if old.get(key) == pred:
            continue
        gold = record.get(story.get(key, ""))
        totals["changed"] += 1
        totals["now_right"] += right(pred, gold) and not right(old.get(key), gold)
        totals["now_wrong"] += right(old.get(key), gold) and not right(pred, gold)
        print(json.dumps({"id": key, "before": old.get(key), "after": pred, "record": gold}))
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("predict", "compare"))
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--grep")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    if args.mode == "predict":
        print(json.dumps({"articles": predict(args.data, args.files[0], args.grep)}))
    else:
        print(json.dumps(compare(args.files[0], args.files[1], args.data)))


if __name__ == "__main__":
    main()
