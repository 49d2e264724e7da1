"""Tokenizer rules for glued closing quotation marks."""

from __future__ import annotations

import pytest
import spacy

from europenews.analyze.tokenizer import split_glued_quotations


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    split_glued_quotations(nlp)
    return nlp


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("it was paranoia,”Clinton said", ["it", "was", "paranoia", ",", "”", "Clinton", "said"]),
        ('a "good deal."The end', ["a", '"', "good", "deal", ".", '"', "The", "end"]),
        ("1,000 people", ["1,000", "people"]),
        ("O’Brien said", ["O’Brien", "said"]),
        ("for us.”― Jane Doe", ["for", "us", ".", "”", "―", "Jane", "Doe"]),
        ("“Never”—Jane Doe", ["“", "Never", "”", "—", "Jane", "Doe"]),
        ("the Joneses’ dog", ["the", "Joneses", "’", "dog"]),
        ("armed with “rifles”–were able", ["armed", "with", "“", "rifles”–were", "able"]),
    ],
)
def test_tokenizer_splits_glued_closing_marks_only(blank, text, tokens):
    assert [t.text for t in blank.make_doc(text)] == tokens


def test_tokenizer_rules_are_added_once(blank):
    before = blank.tokenizer.infix_finditer.__self__.pattern
    split_glued_quotations(blank)
    assert blank.tokenizer.infix_finditer.__self__.pattern == before


def test_tokenizer_glued_quotation_keeps_its_speaker(nlp):
    doc = nlp("“We will not back down,”Maria Lopez said on Tuesday.")
    quote = next(q for q in doc._.quotes if "back down" in q.text)
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.name.endswith("Lopez")


def test_tokenizer_glued_signature_dash_gives_a_clean_speaker(nlp):
    text = (
        "Readers wrote in.\n\n“He does not speak for us.”― Ana Ruiz\u00a0\n\n"
        "“We are tired.” ― Tom Berg\n"
    )
    doc = nlp(text)
    quote = next(q for q in doc._.quotes if "speak for us" in q.text)
    assert quote.speaker is not None and quote.speaker.mention.text == "Ana Ruiz"
