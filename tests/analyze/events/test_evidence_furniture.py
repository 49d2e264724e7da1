"""Sentences of the page around the article are not read for events (evidence.article_sentences)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from europenews.analyze.events.evidence import article_sentences, on_furniture_lines


def _paragraph_doc(text: str) -> Doc:
    """A Doc whose sentences are its paragraphs (a blank line starts one), without a parser."""
    doc = spacy.blank("en").make_doc(text)
    for token in doc:
        token.is_sent_start = token.i == 0 or (
            doc[token.i - 1].is_space and doc[token.i - 1].text.count("\n") >= 2)
    return doc


def test_evidence_video_list_entries_are_not_the_article():
    text = ("Two brothers were charged on Monday with shooting six people at a party.\n\n"
            "4:12 Jury hears from the accused killer in the riverside stabbing Pause\n\n"
            "0:47 Mayor opens the new library wing downtown\n\n"
            "Police said all six are expected to recover.")
    kept = [s.text.strip() for s in article_sentences(_paragraph_doc(text))]
    assert kept[0].startswith("Two brothers") and kept[-1].startswith("Police said")
    assert not any("accused killer" in s or "library" in s for s in kept)


def test_evidence_one_timed_line_is_the_article():
    # A single line opening with a time is no video list.
    text = "Headline here\n\n1:30 was the hour when a man was shot outside the bar."
    kept = [s.text for s in article_sentences(_paragraph_doc(text))]
    assert any("man was shot" in s for s in kept)


def test_evidence_a_promotion_line_is_not_the_article():
    text = ("A woman was wounded at a gas station on Friday, police said.\n\n"
            "LOCAL NEWS: Two dead after a pickup truck hits a tree on Route 9\n\n"
            "Officers are still looking for the shooter.")
    kept = [s.text for s in article_sentences(_paragraph_doc(text))]
    assert len(kept) == 2 and not any("pickup" in s for s in kept)


def test_evidence_a_sentence_running_past_a_furniture_line_is_kept():
    # Only a sentence lying wholly on a furniture line is skipped: one that runs on into the
    # article's text keeps its figures.
    doc = spacy.blank("en").make_doc("BY ANN LEE\nthree men were hurt in the blast.")
    span = doc[:]
    assert not on_furniture_lines(span, [(0, 10)])
    assert on_furniture_lines(doc[:3], [(0, 10)])
