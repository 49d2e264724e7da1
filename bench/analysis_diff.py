"""What a change does to the analyses of real articles: quotes, speakers, entities, places and
events compared between two ``europenews analyze --format jsonl`` outputs of the same articles.

    .venv/bin/python bench/analysis_diff.py sample GVA.jsonl 300 IN.jsonl
    .venv/bin/europenews analyze IN.jsonl --format jsonl > BEFORE.jsonl   # with the old code
    .venv/bin/europenews analyze IN.jsonl --format jsonl > AFTER.jsonl    # with the new code
    .venv/bin/python bench/analysis_diff.py compare BEFORE.jsonl AFTER.jsonl [--show 20] [--shown]

``sample`` writes the first N articles that have text (id, title, text) of a JSONL file (GVA
is ``../shared/data/clustering/gva-incidents/articles.jsonl``) outside the repository (the
shared texts stay out of it). ``compare`` prints one JSON line of totals, then
the first ``--show`` articles whose quotes changed, with the quotes lost (-) and gained (+).
``speakers_changed`` lists the quotes (same offsets) whose speaker entity changed and
``main_event_places_changed`` the articles whose main event moved, to be read with them.
``--shown`` compares the shown quotes only (what pages print; a quote without the flag, from
code older than it, is shown), and every field of them but ``confidence``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def sample(source: Path, n: int, out: Path) -> int:
    written = 0
    with source.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as o:
        for line in f:
            item = json.loads(line)
            if not (item.get("text") or "").strip():
                continue
            o.write(json.dumps({"id": item["id"], "title": item.get("title"),
                                "text": item["text"]}, ensure_ascii=False) + "\n")
            written += 1
            if written >= n:
                break
    return written


def _load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return {a["id"]: a for a in map(json.loads, f) if a}


def _quotes(analysis: dict[str, Any], shown: bool = False) -> set[tuple[Any, ...]]:
    if shown:  # every field, as text, after the three the report prints
        return {(q["text"][:80], q["kind"], (q.get("speaker") or {}).get("name"),
                 json.dumps({k: v for k, v in q.items() if k not in ("shown", "confidence")},
                            sort_keys=True))
                for q in analysis.get("quotes", []) if q.get("shown", True)}
    return {(q["text"][:80], q["kind"], (q.get("speaker") or {}).get("name"))
            for q in analysis.get("quotes", [])}


def _entities(analysis: dict[str, Any]) -> set[tuple[str, str]]:
    return {(e["name"], e["type"]) for e in analysis.get("entities", [])}


def _places(analysis: dict[str, Any]) -> set[tuple[str, str | None]]:
    return {(p["name"], p.get("country")) for p in analysis.get("places", [])}


def _events(analysis: dict[str, Any]) -> list[tuple[Any, Any]]:
    return [(e.get("killed"), e.get("injured")) for e in analysis.get("events", [])]


def _speakers(analysis: dict[str, Any]) -> dict[tuple[int, int], Any]:
    """Each quote's speaker entity name, by the quote's offsets."""
    return {(q["start"], q["end"]): (q.get("speaker") or {}).get("name")
            for q in analysis.get("quotes", [])}


def _main_place(analysis: dict[str, Any]) -> Any:
    """The place of the article's main (first) event, as a page or the map shows it."""
    events = analysis.get("events", [])
    return (events[0].get("place") or {}).get("name") if events else None


def compare(before: Path, after: Path, show: int, shown: bool = False) -> None:
    old, new = _load(before), _load(after)
    common = [k for k in new if k in old]
    totals = {"articles": len(common), "quotes": [0, 0], "named_speakers": [0, 0],
              "indirect": [0, 0], "indirect_named": [0, 0],  # the latter land on entity pages
              "articles_quotes_changed": 0, "entities_gone": 0, "entities_new": 0,
              "places_gone": [], "places_new": [], "articles_events_changed": 0,
              "speakers_changed": [], "main_event_places_changed": []}
    changed = []
    for k in common:
        qa, qb = _quotes(old[k], shown), _quotes(new[k], shown)
        for i, qs in enumerate((qa, qb)):
            totals["quotes"][i] += len(qs)
            totals["named_speakers"][i] += sum(1 for q in qs if q[2])
            totals["indirect"][i] += sum(1 for q in qs if q[1] == "indirect")
            totals["indirect_named"][i] += sum(1 for q in qs if q[1] == "indirect" and q[2])
        if qa != qb:
            totals["articles_quotes_changed"] += 1
            changed.append((k, qa - qb, qb - qa))
        ea, eb = _entities(old[k]), _entities(new[k])
        totals["entities_gone"] += len(ea - eb)
        totals["entities_new"] += len(eb - ea)
        pa, pb = _places(old[k]), _places(new[k])
        totals["places_gone"] += sorted(pa - pb, key=str)  # few: listed, to be read
        totals["places_new"] += sorted(pb - pa, key=str)
        totals["articles_events_changed"] += _events(old[k]) != _events(new[k])
        sa, sb = _speakers(old[k]), _speakers(new[k])
        totals["speakers_changed"] += [  # the same quote, another speaker: to be read
            (k, at[0], sa[at], sb[at]) for at in sorted(sa.keys() & sb.keys()) if sa[at] != sb[at]]
        if _main_place(old[k]) != _main_place(new[k]):
            totals["main_event_places_changed"].append((k, _main_place(old[k]),
                                                        _main_place(new[k])))
    print(json.dumps(totals))
    for k, lost, gained in changed[:show]:
        print(f"-- {k}")
        for q in sorted(lost, key=str):
            print("  -", q)
        for q in sorted(gained, key=str):
            print("  +", q)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("source", type=Path)
    s.add_argument("n", type=int)
    s.add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=20)
    c.add_argument("--shown", action="store_true")
    args = parser.parse_args()
    if args.command == "sample":
        print(json.dumps({"written": sample(args.source, args.n, args.out)}), file=sys.stderr)
    else:
        compare(args.before, args.after, args.show, args.shown)


if __name__ == "__main__":
    main()
