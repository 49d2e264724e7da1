"""Quotes: where a quotation's content starts and ends (short texts written for these tests)."""

from __future__ import annotations

import pytest

from europenews.analyze.quotes.marks import find_marked_quotes
from tests.analyze.quote_helpers import quote_with


def test_quotemarks_opening_mark_typed_as_closing_mark():
    text = "“The reality is that it could hurt her here,“ Jim Clyburn said."
    found = [text[s:e] for q in find_marked_quotes(text) for s, e in q.fragments]
    assert found == ["The reality is that it could hurt her here,"]


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
def test_quotes_content_ends_with_closed_quotation(nlp, text, said):
    quote = quote_with(nlp(text)._.quotes, said[:20])
    assert quote.text == said


def test_quotes_content_stops_before_trailing_apposition(nlp):
    text = (
        "The senator said the person would “not get beat up” at his rally, a swipe at the "
        "recent disturbances at other rallies."
    )
    quote = quote_with(nlp(text)._.quotes, "not get beat up")
    assert quote.text.endswith("at his rally")


def test_quotes_content_leaves_out_verb_coordinated_with_cue(nlp):
    text = (
        "Kasich says he would stop the deal “right away” and tells the crowd he was the first "
        "one to say it."
    )
    quote = quote_with(nlp(text)._.quotes, "right away")
    assert quote.text == "he would stop the deal “right away”"


def test_quotes_naming_verb_keeps_its_object(nlp):
    text = "Trump later called her “third-rate” and boycotted one of the debates."
    quote = quote_with(nlp(text)._.quotes, "third-rate")
    assert quote.kind == "mixed"
    assert quote.text.startswith("her")
    assert quote.speaker.mention.text == "Trump"


def test_quotes_full_stop_quotation_not_claimed_by_next_sentence(nlp):
    text = (
        "Rubino wrote to the company in October.\n\n"
        "“We want to use this as soon as possible.” Steve Adler, the owner of the firm, said "
        "the campaign has yet to follow up on the offer."
    )
    quote = quote_with(nlp(text)._.quotes, "We want to use this")
    assert quote.text == "We want to use this as soon as possible."
    assert quote.speaker is None or quote.speaker.name != "Steve Adler"


def test_quotes_quoted_object_of_named_subject_is_mixed_quote(nlp):
    text = (
        "Sanders has consistently pushed his promise of “free college” as a way to appeal to "
        "young voters."
    )
    quote = quote_with(nlp(text)._.quotes, "free college")
    assert quote.kind == "mixed"
    assert quote.text.startswith("his promise of")
    assert quote.speaker.mention.text == "Sanders"


def test_quotes_scare_quote_without_named_subject_is_not_a_quote(nlp):
    text = "The so-called “umbrella” deal was signed in Brussels on Monday."
    assert nlp(text)._.quotes == []


def test_quotes_parenthetical_cue_around_quotation_is_mixed(nlp):
    text = (
        "These and other sources of authority, the lawyers said, “all command the same "
        "conclusion” that Cruz complies."
    )
    quote = quote_with(nlp(text)._.quotes, "same conclusion")
    assert quote.kind == "mixed"
    assert quote.text.startswith("These and other sources of authority")
    assert quote.speaker.mention.text == "the lawyers"


def test_quotes_quotation_hung_as_dep_of_cue_is_content(nlp):
    text = (
        "She called for concrete “steps forward with the alliance” and a “good number” of "
        "air defence systems to protect the cities."
    )
    quote = quote_with(nlp(text)._.quotes, "steps forward")
    assert quote.kind == "mixed"
    assert "good number" in quote.text


def test_quotes_clause_before_prepositional_cue_is_not_content(nlp):
    text = (
        "The Road Ahead for Ukraine and NATO\n\n"
        "As the war in Ukraine approaches its third year, President Zelenskyy’s calls for NATO "
        "security guarantees and increased weapons support underscore the urgent need."
    )
    assert not any(q.text.startswith(("As the war", "The Road")) for q in nlp(text)._.quotes)


def test_quotes_content_stops_before_gerund_of_what_came_next(nlp):
    text = (
        "The mayor told supporters in Leeds that the paper “never reports my work fairly” "
        "before raising the idea that it should be sold."
    )
    quote = quote_with(nlp(text)._.quotes, "reports my work")
    assert "raising" not in quote.text
