"""The gazetteer's name table (``entities/gazetteer.NameMatcher``) against spaCy's
``PhraseMatcher`` built from the same known names: the spans each finds on every title and
text of a JSONL file (and on each text's first 3,000 characters in capitals, where the
lower-case table works), and what each costs to build and to run (issue 19: the phrase
matchers needed a ``Doc`` per name at every process's start-up).

    .venv/bin/python bench/name_matcher.py ../shared/data/clustering/gva-incidents/articles.jsonl \
        ../shared/data/entities/ecbplus/documents.jsonl

Prints one JSON object: texts, spans, texts where the two differ (must be 0), seconds of CPU.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.matcher import PhraseMatcher

from europenews.analyze.entities.gazetteer import _name_words, build_matchers
from europenews.analyze.entities.lexicon import load_known_names


def phrase_matchers(nlp: Any, names: Any) -> tuple[PhraseMatcher, PhraseMatcher]:
    """The phrase matchers the gazetteer used before: a pattern Doc per name."""
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    caps = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, group in sorted(names.names.items()):
        ordered = sorted(group)
        exact.add(label, [spacy.tokens.Doc(nlp.vocab, words=w) for w in _name_words(nlp, ordered)])
        caps.add(label, [spacy.tokens.Doc(nlp.vocab, words=w)
                         for w in _name_words(nlp, [n for n in ordered if not n.isupper()])])
    return exact, caps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl", nargs="+", type=Path)
    args = parser.parse_args()
    nlp = spacy.blank("en")
    names = load_known_names()
    t = time.process_time()
    old = phrase_matchers(nlp, names)
    old_build = time.process_time() - t
    t = time.process_time()
    new = build_matchers(nlp, names)
    new_build = time.process_time() - t
    texts = spans = differ = 0
    old_run = new_run = 0.0
    for path in args.jsonl:
        for line in path.open(encoding="utf-8"):
            item = json.loads(line)
            body = item.get("text") or ""
            for text in (item.get("title") or "", body, body[:3000].upper()):
                if not text:
                    continue
                doc = nlp.make_doc(text)
                t = time.process_time()
                a = [sorted((s.start, s.end, s.label_) for s in m(doc, as_spans=True))
                     for m in old]
                old_run += time.process_time() - t
                t = time.process_time()
                b = [sorted((s.start, s.end, s.label_) for s in m(doc)) for m in new]
                new_run += time.process_time() - t
                texts += 1
                spans += sum(len(x) for x in a)
                differ += a != b
    print(json.dumps({"texts": texts, "spans": spans, "differ": differ,
                      "build_s": {"phrase_matcher": round(old_build, 3),
                                  "name_table": round(new_build, 3)},
                      "run_s": {"phrase_matcher": round(old_run, 3),
                                "name_table": round(new_run, 3)}}))


if __name__ == "__main__":
    main()
