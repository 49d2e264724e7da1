"""Why a story's shown killed figure is wrong: the error classes of one half of the GVA stories.

    .venv/bin/python bench/figure_errors.py [--half A] [--docs DOCS.spacy] [--out CASES.json]

Gold stories as clusters (every article of an incident in one story, no clusterer): each
article's main event is read from the Docs ``bench/train_figures.py`` analyses and keeps
(``--docs``), the story's figures are combined as the site combines them
(``stories.casualties.story_casualties`` at ``SHOW_CONFIDENCE``), and every story whose shown
killed figure is not its incident's record is put in one class:

- ``false_death``: the incident killed nobody, the story shows a death;
- ``read_not_shown`` / ``read_other_shown``: some article's main event gives the record's
  value, but below the display level, or another value is shown;
- ``later_event_only``: only an article's later (not main) event gives it;
- no article gives the record's value: ``none_read_*`` (no killed figure read at all: the
  text has no death word, with or without one in the title, or states the number near a death
  word), ``stated_not_read`` (the number is written near a death word in some text, another
  value was read), ``all_fewer`` (with ``_suicide`` when a text tells of a suicide or the
  shooter's death: the record counts suspects killed), ``all_more``, ``around``.

The classes come from word patterns over the texts (numbers near death words), a triage for
reading the cases, not a measurement of the extraction. Prints JSON (counts, and per-article
killed and both-count exactness); ``--out`` writes the wrong stories with their values and
titles. Learn and look on half A; half B is for the end-to-end check only.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from europenews.analyze.events.finder import find_events
from europenews.analyze.events.lexicon import load_event_lexicon
from europenews.stories.casualties import SHOW_CONFIDENCE, story_casualties
from europenews.storydata import ArticleFigure
from train_figures import in_half, load_cases, load_docs, main_figures

_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
          8: "eight", 9: "nine", 10: "ten"}
_DEATH = r"\b(?:kill\w*|dead|die[sd]?|dying|death|fatal\w*|homicide|murder\w*|slain|lives?)\b"
_DEATH_RE = re.compile(_DEATH, re.I)
_SUICIDE = re.compile(r"(?:killed|shot) (?:himself|herself)|turn\w* the gun on (?:him|her)self"
                      r"|took (?:his|her) own life|suicide", re.I)


def _stated(value: int, texts: list[str]) -> bool:
    """Some text writes the value near a death word ("two were found dead")."""
    number = rf"\b(?:{value}|{_WORDS.get(value, str(value))})\b"
    pattern = re.compile(rf"{number}[^.]{{0,60}}{_DEATH}|{_DEATH}[^.]{{0,40}}{number}", re.I)
    return any(pattern.search(t) for t in texts)


def classify(record: int, shown: int, main_values: set[int], later_values: set[int],
             texts: list[str], titles: list[str]) -> str:
    """The error class of a story whose shown killed figure is not the record's."""
    if record == 0:
        return "false_death"
    if record in main_values:
        return "read_not_shown" if shown == 0 else "read_other_shown"
    if record in later_values:
        return "later_event_only"
    stated = _stated(record, texts)
    title_death = any(_DEATH_RE.search(t) for t in titles)
    if not main_values:
        if not any(_DEATH_RE.search(t) for t in texts):
            return "none_read_no_death_in_text" + ("_title_death" if title_death else "")
        if stated:
            return "none_read_stated"
        return "none_read_title_death" if title_death else "none_read_other"
    if stated:
        return "stated_not_read"
    if all(v < record for v in main_values):
        return "all_fewer" + ("_suicide" if any(_SUICIDE.search(t) for t in texts) else "")
    if all(v > record for v in main_values):
        return "all_more"
    return "around"


def analyse(half: str, docs_path: Path, data: Path) -> tuple[dict[str, Any], list[Any]]:
    lex = load_event_lexicon()
    cases = load_cases(data)
    docs = load_docs(cases, docs_path)
    stories: dict[str, list[tuple[dict[str, Any], Any]]] = defaultdict(list)
    for case, doc in zip(cases, docs, strict=True):
        if in_half(str(case["story"]), half):
            stories[str(case["story"])].append((case, doc))
    counts: Counter[str] = Counter()
    wrong = []
    for story, items in stories.items():
        record = items[0][0]["record"]
        figures, main_values, later_values = [], set(), set()
        for case, doc in items:
            killed, injured, found = main_figures(doc, lex)
            counts["articles"] += 1
            counts["articles_killed_exact"] += killed == record["killed"]
            counts["articles_both_exact"] += (killed, injured) == (record["killed"],
                                                                   record["injured"])
            for kind, (value, confidence) in found.items():
                figures.append(ArticleFigure(case["id"], case.get("source"),
                                             case.get("published"), kind, value, confidence,
                                             0, 0, None, None))
                if kind == "killed":
                    main_values.add(value)
            later_values |= {e.killed for e in find_events(doc, lex)[1:] if e.killed is not None}
        killed_shown = [c for c in story_casualties(figures, show=SHOW_CONFIDENCE)
                        if c.kind == "killed"]
        shown = (killed_shown[0].value or 0) if killed_shown else 0
        counts["stories"] += 1
        counts["incident_killed_nobody"] += record["killed"] == 0
        if shown == record["killed"]:
            counts["right"] += 1
            continue
        texts = [case["text"] for case, _ in items]
        titles = [case.get("title") or "" for case, _ in items]
        label = classify(record["killed"], shown, main_values, later_values, texts, titles)
        counts[label] += 1
        wrong.append({"story": story, "class": label, "record": record["killed"],
                      "shown": shown, "read": sorted(main_values), "titles": titles[:3]})
    return dict(counts), wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--half", choices=("A", "B"), default="A")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=Path, default=Path("/tmp/europenews-gva-docs.spacy"))
    parser.add_argument("--out", type=Path, help="write the wrong stories here (JSON)")
    args = parser.parse_args()
    counts, wrong = analyse(args.half, args.docs, args.data)
    if args.out:
        args.out.write_text(json.dumps(wrong, indent=1), encoding="utf-8")
    print(json.dumps({"half": args.half, "show": SHOW_CONFIDENCE, **counts}, indent=1))


if __name__ == "__main__":
    main()
