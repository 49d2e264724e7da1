"""Quotes: where the content of a mixed quote ends after its quotation marks (issue 3, round 5;
texts written for these tests)."""

from __future__ import annotations

import pytest

from europenews.analyze.quotes.spans import goes_on
from tests.analyze.quote_helpers import quote_with


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
def test_quotes_bounds_clause_goes_on_after_comma_inside_marks(nlp, text, said, tail):
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
def test_quotes_bounds_aside_after_comma_inside_marks_is_not_content(nlp, text, said, aside):
    quote = quote_with(nlp(text)._.quotes, said)
    assert aside not in quote.text


def test_quotes_bounds_spaced_hyphen_ends_mixed_content(nlp):
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
def test_quotes_bounds_goes_on_reads_next_words(nlp, text, expected):
    doc = nlp(text)
    assert goes_on(doc, text, text.index("”") + 1) is expected


@pytest.mark.parametrize(
    ("text", "inner", "outer_cue"),
    [
        (
            "Senator Ann Blake said she has backed a bill against the agencies, which she "
            "called “a cartel for the rich.”",
            "called",
            "said",
        ),
        (
            "Tom Hale said the groups were sent with the marchers, whom he described as "
            "“peaceful,” for the whole route.",
            "described",
            "said",
        ),
    ],
    ids=["which-called", "whom-described"],
)
def test_quotes_bounds_relative_report_inside_report_quotes_on_its_own(nlp, text, inner, outer_cue):
    quotes = nlp(text)._.quotes
    cues = sorted(q.cue.text for q in quotes if q.cue is not None)
    assert cues == sorted([inner, outer_cue])
    own = next(q for q in quotes if q.cue.text == inner)
    assert own.speaker is not None and own.speaker.mention.text.lower() in ("she", "he")
    assert len(own.text.split()) <= 5  # the quotation, not the outer report's whole clause


def test_quotes_bounds_clause_coordinated_after_quoted_report_is_content(nlp):
    text = (
        "Governor Tom Hale said the program had been “a remarkable success,” and the state "
        "would need to “expand it” next year."
    )
    quote = quote_with(nlp(text)._.quotes, "remarkable success")
    assert quote.text.endswith("next year") and quote.cue.text == "said"


def test_quotes_bounds_coordinated_clause_with_own_report_is_not_content(nlp):
    text = (
        "Governor Tom Hale said the program had been “a remarkable success,” and reporters "
        "asked him about the budget."
    )
    quote = quote_with(nlp(text)._.quotes, "remarkable success")
    assert "reporters" not in quote.text
