"""Speakers of cues whose subject the parse lost (a sentence opener before an aside)."""

from __future__ import annotations

import pytest

from europenews.analyze.quotes.lostsubjects import aside_subject
from tests.analyze.quotes.helpers import quote_with, speaker_text


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "But Sen. Maria Lindqvist (D-Minn.), noting the size of the turnout in the northern "
            "counties, said, “Let me tell you, this is the biggest crowd we have had in a decade.”",
            "biggest crowd",
            "Sen. Maria Lindqvist",
        ),
        (
            "One engineer, who like her colleagues had been told not to talk about the "
            "plant, said the instruction was that “nothing will be settled before the "
            "autumn break.”",
            "autumn break",
            "One engineer",
        ),
    ],
    ids=["aside-participle", "aside-relative"],
)
def test_lostsubjects_speaker_opens_sentence_before_aside(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert speaker_text(quote) == mention


@pytest.mark.parametrize(
    "text",
    [
        "In Paris, after a long meeting with the unions, said the minister.",
        "Last Tuesday, a day after the long vote in the chamber, said the minister.",
    ],
    ids=["opens-with-preposition", "opens-with-date"],
)
def test_lostsubjects_aside_subject_needs_a_named_opener(nlp, text):
    doc = nlp(text)
    said = next(t for t in doc if t.lower_ == "said")
    assert aside_subject(said) is None


def test_lostsubjects_aside_subject_needs_an_aside(nlp):
    doc = nlp("The Tigers, considered to be the favourite, also have made an offer.")
    considered = next(t for t in doc if t.lower_ == "considered")
    assert aside_subject(considered) is None
