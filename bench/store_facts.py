"""What a browse store shows against the GVA incident records, and what GVA titles say.

    .venv/bin/europenews export --what stories --format jsonl --db DB > STORIES.jsonl
    .venv/bin/python bench/store_facts.py stories ARTICLES.jsonl STORIES.jsonl [--data DIR]
    .venv/bin/python bench/store_facts.py titles ARTICLES.jsonl [--data DIR]

``stories``: the stories of a store built from ARTICLES.jsonl (shared GVA lines, e.g. a part of
half A written by ``bench/gva_half.py``) are matched to incidents by their members' URLs (the
store drops a default port) or, failing that, titles; each story's incident is its members'
majority. It prints every story whose shown killed figure (the first ``killed`` entry of
``casualties`` when shown, else 0, as ``factscheck.py`` reads it) is not the record's, then the
totals: right, wrong, false deaths (record 0, a death shown) of the stories whose incident
killed nobody. Unlike ``factscheck.py`` it ingests nothing: it reads the store one browses.

``titles``: for the articles of ARTICLES.jsonl whose title gives a number of dead ("3 dead",
"Two killed", "Four shot to death"), how often that number is the record's killed count.

The articles stay outside the repository; the script prints JSON totals last.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}
# A number, up to two words, then a word of death ("3 people dead", "Four shot to death").
TITLE_DEAD = re.compile(
    r"\b(\d+|" + "|".join(_WORDS) + r")\s+(?:\w+\s+){0,2}?"
    r"(?:dead|killed|slain|die|died|shot dead|shot to death|fatally shot|murdered)\b",
    re.IGNORECASE)


def _lines(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        yield from (json.loads(line) for line in f if line.strip())


def _url(url: str | None) -> str:
    return re.sub(r"^(https?://[^/]+):80/", r"\1/", url or "")


def records(data: Path) -> dict[str, dict[str, Any]]:
    return {str(r["story"]): r for r in _lines(data / "events/gva-incidents/incidents.jsonl")}


def score_stories(articles: Path, stories: Path, data: Path) -> dict[str, int]:
    incidents = records(data)
    by_url: dict[str, str] = {}
    by_title: dict[str, str] = {}
    for a in _lines(articles):
        story = str(a.get("story"))
        if story in incidents:
            by_url[_url(a.get("url"))] = story
            by_title[(a.get("title") or "").strip()] = story
    totals = Counter({"right": 0, "wrong": 0, "false_deaths": 0, "no_death": 0})
    for s in _lines(stories):
        found = [by_url.get(_url(m.get("url"))) or by_title.get((m.get("title") or "").strip())
                 for m in s["articles"]]
        known = [f for f in found if f]
        if not known:
            continue
        gold = incidents[Counter(known).most_common(1)[0][0]]["killed"]
        first = next((c for c in s["casualties"] if c["kind"] == "killed"), None)
        shown = first["value"] if first is not None and first.get("shown") else 0
        totals["no_death"] += gold == 0
        if shown == gold:
            totals["right"] += 1
            continue
        totals["wrong"] += 1
        totals["false_deaths"] += gold == 0 and bool(shown)
        figures = "; ".join(f"{c['kind']} {c['value']} {c['confidence']:.2f}"
                            f"{' shown' if c.get('shown') else ''}" for c in s["casualties"][:4])
        print(json.dumps({"story": s["id"], "record": gold, "shown": shown,
                          "headline": s["headline"], "articles": len(s["articles"]),
                          "figures": figures}))
    return dict(totals)


def title_deaths(title: str) -> int | None:
    found = TITLE_DEAD.search(title)
    if found is None:
        return None
    word = found.group(1).lower()
    return int(word) if word.isdigit() else _WORDS[word]


def score_titles(articles: Path, data: Path) -> dict[str, int]:
    incidents = records(data)
    totals = Counter({"titles": 0, "same": 0, "record_more": 0, "record_fewer": 0})
    for a in _lines(articles):
        record = incidents.get(str(a.get("story")))
        number = title_deaths(a.get("title") or "")
        if record is None or number is None:
            continue
        totals["titles"] += 1
        killed = record["killed"]
        totals["same" if killed == number else
               "record_more" if killed > number else "record_fewer"] += 1
    return dict(totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    sub = parser.add_subparsers(dest="what", required=True)
    stories = sub.add_parser("stories")
    stories.add_argument("articles", type=Path)
    stories.add_argument("stories", type=Path)
    titles = sub.add_parser("titles")
    titles.add_argument("articles", type=Path)
    args = parser.parse_args()
    if args.what == "stories":
        print(json.dumps(score_stories(args.articles, args.stories, args.data)))
    else:
        print(json.dumps(score_titles(args.articles, args.data)))


if __name__ == "__main__":
    main()
