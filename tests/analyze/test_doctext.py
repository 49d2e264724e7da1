"""The Doc text built once: the same text as ``Doc.text``, for whichever Doc is asked."""

from __future__ import annotations

import spacy

from europenews.analyze.doctext import doc_text


def test_each_doc_gets_its_own_text() -> None:
    nlp = spacy.blank("en")
    first = nlp("Mayor Ilse Varga opened the bridge.\nIt had been closed since May.")
    second = nlp("Two ferries ran late on Tuesday.")
    assert doc_text(first) == first.text
    assert doc_text(second) == second.text  # another Doc replaces the one kept
    assert doc_text(first) == first.text  # and the first is built again, not mixed up
    assert doc_text(first) is doc_text(first)  # kept while it is the Doc in hand


def test_text_survives_retokenizing() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The Lindqvist Harbour Authority met on Friday.")
    before = doc_text(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:4])
    assert len(doc) == 6
    assert doc_text(doc) == doc.text == before
