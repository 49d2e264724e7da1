"""Content bounds in characters: closed quotations, commas inside the marks, appositions."""

from __future__ import annotations

import pytest

from europenews.analyze.quotes.spans import goes_on
from tests.analyze.quotes.helpers import quote_with


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "“Yes, I back Maria Lopez,” Tom Rowe, head of the Harbour Workers Union, tells the "
            "Gazette in an interview.",
            "Yes, I back Maria Lopez",
        ),
        (
            "“We are going to fine you when those trucks arrive,” Ruiz said in March of the "
            "supplier, whose owner moved jobs to Poland.",
            "We are going to fine you when those trucks arrive",
        ),
    ],
    ids=["speaker-after-quote", "cue-modifiers-after-quote"],
)
def test_spans_content_ends_with_closed_quotation(nlp, text, said):
    quote = quote_with(nlp(text)._.quotes, said[:20])
    assert quote.text == said


def test_spans_content_stops_before_trailing_apposition(nlp):
    text = (
        "The mayor said the visitor would “not get pushed around” at her market, a jab at the "
        "recent fights at other markets."
    )
    quote = quote_with(nlp(text)._.quotes, "not get pushed around")
    assert quote.text.endswith("at her market")


@pytest.mark.parametrize(
    ("text", "said", "tail"),
    [
        (
            "Maria Lopez says parts of her budget plan are “negotiable,” but only small details "
            "about the new bridge.",
            "negotiable",
            "about the new bridge",
        ),
        (
            "The agency notes that the hospitals it studied aren’t “consistent,” with some "
            "doing far better than others.",
            "consistent",
            "far better than others",
        ),
    ],
    ids=["but-phrase", "with-phrase"],
)
def test_spans_clause_goes_on_after_comma_inside_marks(nlp, text, said, tail):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.kind == "mixed" and tail in quote.text


@pytest.mark.parametrize(
    ("text", "said", "aside"),
    [
        (
            "Mayor Jan Peters insisted that he has “grown the club,” claiming that he is the "
            "reason for the bigger crowds.",
            "grown the club",
            "claiming",
        ),
        (
            "Peters said the council's vote was a “distortion,” which angered his critics "
            "on the left.",
            "distortion",
            "angered",
        ),
    ],
    ids=["participle", "relative"],
)
def test_spans_aside_after_comma_inside_marks_is_not_content(nlp, text, said, aside):
    quote = quote_with(nlp(text)._.quotes, said)
    assert aside not in quote.text


def test_spans_spaced_hyphen_ends_mixed_content(nlp):
    text = (
        "She vows the county will help \"re-train\" farmers - and she makes sure to mention the "
        "fishermen."
    )
    quote = quote_with(nlp(text)._.quotes, "re-train")
    assert quote.text.endswith("farmers") and "fishermen" not in quote.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“fine,” but only here.", True),
        ("“fine,” he was the first to know.", True),
        ("“fine,” claiming that it works.", False),
        ("“fine,” and said it works.", False),
        ("“fine,” as donors waited.", False),
    ],
)
def test_spans_goes_on_reads_next_words(nlp, text, expected):
    doc = nlp(text)
    assert goes_on(doc, text, text.index("”") + 1) is expected
