"""Quotes: naming, praising and crediting verbs with a quoted phrase, round 9 (issue 3; texts
written for these tests). The quoted name ends what was said, the name is read even when the
parser hangs it elsewhere, and a clause run on into the next paragraph is not the verb's."""

from __future__ import annotations

import pytest

from tests.analyze.quote_helpers import quote_with, speaker_text


@pytest.mark.parametrize(
    ("text", "name", "kept", "left_out", "speaker"),
    [
        (
            "Last week, Senator Ann Blake called the plan “rigged” in a radio interview.",
            "rigged",
            "the plan",
            "radio interview",
            "Senator Ann Blake",
        ),
        (
            "Peters described the budget as “reckless” in a long speech on Monday.",
            "reckless",
            "the budget as",
            "long speech",
            "Peters",
        ),
    ],
    ids=["called-in-interview", "described-in-speech"],
)
def test_quotes_naming_quoted_name_ends_the_content(nlp, text, name, kept, left_out, speaker):
    quote = quote_with(nlp(text)._.quotes, name)
    assert kept in quote.text
    assert left_out not in quote.text
    assert speaker_text(quote) == speaker


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [("The newspaper calls it \"the pearl\" on the Silk Road Economic Belt.", "the pearl",
      "Silk Road")],
    ids=["pearl-on-place"],
)
def test_quotes_naming_place_after_the_name_stays(nlp, text, name, place):
    quote = quote_with(nlp(text)._.quotes, name)
    assert place in quote.text


@pytest.mark.parametrize(
    "text",
    [
        "For that she drew the mayor's ire - he called her \"spineless\" and said she had "
        "\"no friends\" on the council.",
        "That earned her Jones's anger - he called her \"timid\" and said she had \"zero "
        "backing\" in Maine.",
    ],
    ids=["for-that-dash", "that-earned-dash"],
)
def test_quotes_naming_name_beats_clause_before_the_dash(nlp, text):
    quotes = nlp(text)._.quotes
    called = next(q for q in quotes if q.cue is not None and q.cue.text == "called")
    assert called.text.startswith("her \"")
    assert speaker_text(called) == "he"


@pytest.mark.parametrize(
    "text",
    ["Smith has hailed Norway’s vote to leave the customs union as “fantastic,” telling "
     "reporters during a visit to Oslo on Friday that he thinks the decision is “a great "
     "thing.”\n\nJones, who was speaking to the National Conference of Farmers, did not mention "
     "Smith by name, but told the farmers that the country should be run by those “who put the "
     "interest of the people first.”"],
    ids=["hailed-then-new-paragraph"],
)
def test_quotes_naming_clause_in_next_paragraph_is_not_the_complement(nlp, text):
    quotes = nlp(text)._.quotes
    hailed = quote_with(quotes, "fantastic")
    assert hailed.text.startswith("Norway’s vote")
    assert speaker_text(hailed) == "Smith"
    assert "Jones" not in hailed.text


@pytest.mark.parametrize(
    ("text", "start", "name"),
    [
        (
            "The senator has built much of her campaign on cracking down on lobbying, portraying "
            "oil companies, in particular, as “bullies” and liars who buy votes.",
            "oil companies, in particular, as",
            "bullies",
        ),
    ],
    ids=["portraying-as-clause"],
)
def test_quotes_naming_as_phrase_past_an_aside(nlp, text, start, name):
    quote = quote_with(nlp(text)._.quotes, name)
    assert quote.text.startswith(start)
    assert "liars" in quote.text


@pytest.mark.parametrize(
    "text",
    ["Jacobs credited the mayor with keeping “the whole city together” through the long winter."],
    ids=["credited-with"],
)
def test_quotes_naming_credited_with_is_a_report(nlp, text):
    quote = quote_with(nlp(text)._.quotes, "whole city")
    assert quote.text.startswith("the mayor with keeping")
    assert quote.cue is not None and quote.cue.text == "credited"
    assert speaker_text(quote) == "Jacobs"
