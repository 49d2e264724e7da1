"""The gazetteer's name table finds what spaCy's PhraseMatcher finds, without a Doc per name."""

from __future__ import annotations

import spacy
from spacy.matcher import PhraseMatcher

from europenews.analyze.entities.gazetteer import NameMatcher

_NAMES = {"GPE": ["Port Ellis", "Ellis", "New Harmon Bay", "Harmon"], "ORG": ["Harmon Water Board"]}
_TEXTS = [
    "The Harmon Water Board met in Port Ellis on Monday, then drove to New Harmon Bay.",
    "PORT ELLIS AND NEW HARMON BAY BRACE FOR THE STORM",
    "Ellis said the port of Ellis would reopen.",
    "",
]


def _both(attr: str) -> tuple[NameMatcher, PhraseMatcher, spacy.language.Language]:
    nlp = spacy.blank("en")
    ours = NameMatcher(attr)
    theirs = PhraseMatcher(nlp.vocab, attr=attr)
    for label, names in _NAMES.items():
        ours.add(label, [n.split() for n in names], nlp.vocab.strings)
        theirs.add(label, [nlp.make_doc(n) for n in names])
    return ours, theirs, nlp


def _spans(found) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label_) for s in found)


def test_name_matcher_finds_what_the_phrase_matcher_finds():
    for attr in ("ORTH", "LOWER"):
        ours, theirs, nlp = _both(attr)
        for text in _TEXTS:
            doc = nlp.make_doc(text)
            assert _spans(ours(doc)) == _spans(theirs(doc, as_spans=True)), (attr, text)


def test_name_matcher_keeps_nested_names_and_case():
    ours, _, nlp = _both("ORTH")
    doc = nlp.make_doc("The Harmon Water Board met in port ellis.")
    assert _spans(ours(doc)) == [(1, 2, "GPE"), (1, 4, "ORG")]
    lower, _, _ = _both("LOWER")
    assert (6, 8, "GPE") in _spans(lower(doc))
