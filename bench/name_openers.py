"""Names that begin with a common word, in `europenews analyze` output of SlavicNER articles.

Reads an analyses JSONL (``europenews analyze ARTICLES.jsonl --format jsonl``) of articles drawn
from the SlavicNER **development** topics (asia_bibi, ryanair; the others are refused), finds
each article's gold document by its text, and prints

- the untyped exact-span P/R/F1 of the analyses' entity mentions against the gold mentions
  (every gold type), over the languages the name recogniser reads (pl, cs, uk, ru), and the
  typed one over PER, LOC and ORG (person, place, organization; the entity's type);
- every mention whose first word is a common word by the recogniser's own test
  (``names.openers.CommonWords``: the article writes it or its lemma in lower case, or the
  dictionary lists it so), or that is all capitals, with its type and whether it is a gold
  span; with ``--list``, one line per distinct (language, mention, type).

    .venv/bin/python bench/name_openers.py /tmp/before.jsonl --list
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from europenews.analyze.names.lexicon import NAME_KEEPING_DICTIONARIES
from europenews.analyze.names.openers import CommonWords

DATA = Path(__file__).resolve().parents[2] / "shared/data/multilingual/slavicner/documents.jsonl"
DEV_TOPICS = frozenset({"asia_bibi", "ryanair"})
LANGUAGES = frozenset({"pl", "cs", "uk", "ru"})
TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _gold(data: Path) -> dict[str, dict[str, Any]]:
    by_text: dict[str, dict[str, Any]] = {}
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if doc["topic"] in DEV_TOPICS:
                by_text[doc["text"]] = doc
    return by_text


def _scores(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("analyses", type=Path)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    gold = _gold(args.data)
    tp = fp = fn = 0
    typed = [0, 0, 0]  # tp, fp, fn
    flagged: Counter[tuple[str, str, str, bool]] = Counter()
    with args.analyses.open(encoding="utf-8") as lines:
        for line in lines:
            analysis = json.loads(line)
            language = analysis["language"]
            doc = gold.get(analysis["text"])
            if doc is None:
                raise SystemExit("an article of no development topic: only asia_bibi and "
                                 "ryanair may be read")
            if language not in LANGUAGES:
                continue
            spans = {(m["start"], m["end"]) for m in doc["mentions"]}
            found = {(m["start"], m["end"]) for e in analysis["entities"] for m in e["mentions"]}
            tp, fp, fn = tp + len(spans & found), fp + len(found - spans), fn + len(spans - found)
            gold_typed = {(m["start"], m["end"], m["type"]) for m in doc["mentions"]
                          if m["type"] in TYPES.values()}
            found_typed = {(m["start"], m["end"], TYPES[e["type"]])
                           for e in analysis["entities"] if e["type"] in TYPES
                           for m in e["mentions"]}
            typed[0] += len(gold_typed & found_typed)
            typed[1] += len(found_typed - gold_typed)
            typed[2] += len(gold_typed - found_typed)
            words = _WORD.findall(analysis["text"])
            known = CommonWords(language, words, frozenset(),
                                language in NAME_KEEPING_DICTIONARIES)
            for entity in analysis["entities"]:
                for mention in entity["mentions"]:
                    first = _WORD.findall(mention["text"])[:2]
                    caps = len(first) == 2 and all(w.isupper() for w in first)
                    if first and (caps or known.common(first[0])):
                        flagged[(language, mention["text"], entity["type"],
                                 (mention["start"], mention["end"]) in spans)] += 1
    print(json.dumps({"untyped": _scores(tp, fp, fn), "typed": _scores(*typed)}))
    print(json.dumps({"flagged": sum(flagged.values()),
                      "flagged_gold": sum(n for key, n in flagged.items() if key[3]),
                      "flagged_not_gold": sum(n for key, n in flagged.items() if not key[3])}))
    if args.list:
        for (language, text, kind, is_gold), n in sorted(
                flagged.items(), key=lambda item: (item[0][0], -item[1])):
            print(n, language, text, kind, "gold" if is_gold else "-", sep="\t")


if __name__ == "__main__":
    main()
