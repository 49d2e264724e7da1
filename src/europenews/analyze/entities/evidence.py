"""Whether the article shows that a "person" is a person.

The model reads capitalised runs of common words as people's names: a tip line's programme
("Silent Witness at 480-…"), a promotion's headline ("Deadly Marksville …"), a report's label
("LA Officer-Involved Shooting"). A real person's name shows itself somewhere in the article:
a first name (from the permissive first-name list), a first word that is no English word
("Daquez Palmer"), a title or rank before it, an age after it, a verb of speech or thought
with it as subject; or one of its words belongs to a person who shows it ("Barnes" after
"Ken Barnes"). A name of two or more words that opens with a common English word and shows
none of it is not taken for a person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import simplemma
from spacy.tokens import Span

from europenews.analyze.doctext import doc_text

# What makes a name a person's: it is the subject of a verb only people do ("Halvorsen
# said"); things are subjects too ("Lakeview is unlicensed").
PERSON_VERBS = frozenset({"say", "tell", "add", "ask", "explain", "announce", "insist", "deny",
                          "claim", "write", "tweet", "think", "believe", "want", "speak",
                          "testify", "plead", "admit", "recall"})
AGE_AFTER = re.compile(r"\s*,\s*\d{1,3}\s*,\s+[a-z]")  # "Jordan Hale, 34, was ..."
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})


def _common_word(word: str) -> bool:
    """An English word of the dictionary (simplemma's), written in lower case."""
    lower = word.lower()
    return lower.isalpha() and simplemma.is_known(lower, lang="en")


def _shows_person(span: Span, first_names: Mapping[str, str],
                  titles: frozenset[str]) -> bool:
    """Whether this mention shows a person: first name, a first word that is no English word,
    a title before it, an age after it, a verb of speech or thought."""
    first = span[0].text.strip(".").lower()
    if first in first_names or not _common_word(first):
        return True
    doc = span.doc
    before = doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    if before in titles or before in HONORIFICS:
        return True
    if AGE_AFTER.match(doc_text(doc), span.end_char):
        return True
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in PERSON_VERBS
               for t in span)


def unshown_people(names: list[Span], first_names: Mapping[str, str],
                   titles: frozenset[str]) -> set[tuple[int, int]]:
    """The token ranges of "person" names of two or more words that nothing in the article
    shows to be a person's (see the module's docstring)."""
    people = [n for n in names if n.label_ == "PERSON"]
    shown_words = {t.lower_ for n in people if _shows_person(n, first_names, titles) for t in n}
    out = set()
    for n in people:
        if len(n) < 2 or any(t.lower_ in shown_words for t in n):
            continue
        out.add((n.start, n.end))
    return out
