"""The Doc text built once: the same text as ``Doc.text``, for whichever Doc is asked."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from europenews.analyze.doctext import doc_text, keep_text, span_text


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


def test_kept_text_is_read_without_a_rebuild() -> None:
    nlp = spacy.blank("en")
    text = "Ferry crews  struck at dawn.\n\nThe port stayed shut. "
    doc = nlp.make_doc(text)
    keep_text(doc, text)
    assert doc_text(doc) is text  # the caller's string, not one joined from the tokens
    assert doc_text(doc) == doc.text
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())  # a plain string: it travels with the Doc
    assert doc_text(copy) == text


def test_span_text_is_the_spans_own_text() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for kept in (True, False):
        text = "Ferry crews struck at dawn.  The port stayed shut ,he said. \nNo boats ran."
        doc = nlp(text)
        if kept:
            keep_text(doc, text)
        spans = [*doc.sents, doc[0:0], doc[2:4], doc[len(doc) - 1 :], doc[:]]
        assert [span_text(s) for s in spans] == [s.text for s in spans]
