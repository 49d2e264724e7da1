"""A sentence's entities from the Doc's entities built once: the same as ``Span.ents``."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from europenews.analyze.sentents import entity_index, sentence_ents


def _doc() -> Doc:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Anna Berg left Oslo on Monday. Rain fell. In Bergen and Tromsø it snowed "
              "on Tuesday. Police said nothing")
    # Entities at the Doc's ends, two in one sentence, one sentence without any and one that
    # runs across a sentence break (the parser and the recogniser do not always agree).
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 4, label="GPE"),
                Span(doc, 5, 6, label="DATE"), Span(doc, 6, 8, label="ORG"),
                Span(doc, 11, 12, label="GPE"), Span(doc, 13, 14, label="GPE"),
                Span(doc, 17, 18, label="DATE"), Span(doc, 19, 20, label="ORG"),
                Span(doc, 21, 22, label="PERSON")]
    return doc


def _key(spans: list[Span]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label_) for s in spans]


def test_same_entities_as_spacy_inside_the_index() -> None:
    doc = _doc()
    spans = [*doc.sents, doc[:], doc[0:0], doc[4:14], doc[7:15], doc[len(doc) - 1 :]]
    expected = [_key(list(s.ents)) for s in spans]
    assert any(len(e) > 1 for e in expected) and any(not e for e in expected)
    with entity_index(doc):
        assert [_key(sentence_ents(s)) for s in spans] == expected
    assert [_key(sentence_ents(s)) for s in spans] == expected  # and outside it


def test_index_is_only_for_its_doc_and_its_block() -> None:
    doc, other = _doc(), _doc()
    with entity_index(doc):
        other.ents = [Span(other, 0, 1, label="ORG")]
        assert _key(sentence_ents(other[0:6])) == [(0, 1, "ORG")]  # not the indexed Doc's
    doc.ents = [Span(doc, 3, 4, label="LOC")]  # after the block: the Doc's new entities
    assert _key(sentence_ents(doc[0:6])) == [(3, 4, "LOC")]
