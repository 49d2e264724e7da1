"""Content bounds in characters: closed quotations, commas inside the marks, appositions."""

from __future__ import annotations

import pytest

from europenews.analyze.quotes.spans import goes_on
from tests.analyze.quotes.helpers import quote_with


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "“Yes, I support Ted Cruz,” Brent Bozell, founder of the Media Research Center, "
            "tells Breitbart News in an interview.",
            "Yes, I support Ted Cruz,",
        ),
        (
            "“We are going to tax you when those air conditioners come,” Trump said in February "
            "of the manufacturer, whose parent company moved jobs to Mexico.",
            "We are going to tax you when those air conditioners come,",
        ),
    ],
    ids=["speaker-after-quote", "cue-modifiers-after-quote"],
)
def test_spans_content_ends_with_closed_quotation(nlp, text, said):
    quote = quote_with(nlp(text)._.quotes, said[:20])
    assert quote.text == said


def test_spans_content_stops_before_trailing_apposition(nlp):
    text = (
        "The senator said the person would “not get beat up” at his rally, a swipe at the "
        "recent disturbances at other rallies."
    )
    quote = quote_with(nlp(text)._.quotes, "not get beat up")
    assert quote.text.endswith("at his rally")


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
            "The institute notes that the surveys it studied aren’t “uniform,” with some "
            "performing much better than others.",
            "uniform",
            "much better than others",
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
            "Mayor Jan Peters insisted that he has “expanded the party,” claiming that he is "
            "responsible for the higher turnout.",
            "expanded the party",
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
        "He promises the government will help \"up-skill\" workers - and he makes sure to "
        "include the miners."
    )
    quote = quote_with(nlp(text)._.quotes, "up-skill")
    assert quote.text.endswith("workers") and "miners" not in quote.text


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
