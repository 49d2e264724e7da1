"""How many articles of a JSONL file (``title`` and ``text`` per line) read as game reports
(``analyze/events/evidence.game_report``: many distinct sports words, or a few densely),
where only deaths are read as events. Prints the histogram of distinct words per article.

    .venv/bin/python bench/sports_frame.py ../shared/data/clustering/gva-incidents/articles.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from europenews.analyze.events.evidence import game_report, sports_terms
from europenews.analyze.events.lexicon import load_event_lexicon


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl")
    parser.add_argument("--show", action="store_true", help="print the game reports' titles")
    args = parser.parse_args()
    lex = load_event_lexicon()
    counts: Counter[int] = Counter()
    reports = 0
    with open(args.jsonl, encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            text = f"{item.get('title') or ''}\n{item.get('text') or ''}"
            found = len(sports_terms(text, lex))
            counts[found] += 1
            if game_report(text, lex):
                reports += 1
                if args.show:
                    print(found, len(text), (item.get("title") or "")[:90])
    print(json.dumps({"articles": sum(counts.values()), "game_reports": reports,
                      "distinct_words": dict(sorted(counts.items()))}))


if __name__ == "__main__":
    main()
