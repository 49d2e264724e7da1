"""A blank line starts a sentence (analyze/paragraphs.py)."""

from __future__ import annotations

import spacy

from europenews.analyze.paragraphs import is_paragraph_break, mark_paragraph_starts


def test_paragraphs_breaks_are_blank_lines_only():
    assert is_paragraph_break("\n\n") and is_paragraph_break("\n \n")
    assert not is_paragraph_break("\n") and not is_paragraph_break(" ")


def test_paragraphs_first_word_after_a_blank_line_starts_a_sentence():
    nlp = spacy.blank("en")
    text = "Shots rang out on Elm St.\n\nSgt. Lee said so.\nHe left."
    doc = mark_paragraph_starts(nlp.make_doc(text))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Sgt" in starts or "Sgt." in starts
    assert "He" not in starts  # a single line break is left to the parser


def test_paragraphs_keep_the_parser_inside_a_paragraph(nlp):
    text = ("Two men were hurt at a party on Lake St.\n\nSpokesman Sgt. Ann Lee says both men "
            "were taken to a hospital.")
    doc = nlp(text)
    opening = next(t for t in doc if t.text == "Spokesman")
    assert opening.is_sent_start
    quote = next(q for q in doc._.quotes if "both men" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Ann Lee"
