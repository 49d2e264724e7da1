"""Adjustments across quotes: interrupted quotations, asides, nested and contrasted
reports, which cue claims a quotation."""

from __future__ import annotations

import pytest

from tests.analyze.quotes.helpers import quote_with, speaker_text


def test_drafts_parenthetical_cue_around_quotation_is_mixed(nlp):
    text = (
        "These and many older rulings, the judges said, “all point to the same answer” that the "
        "port must pay."
    )
    quote = quote_with(nlp(text)._.quotes, "same answer")
    assert quote.kind == "mixed"
    assert quote.text.startswith("These and many older rulings")
    assert quote.speaker.mention.text == "the judges"


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
            "Ola Berg said the volunteers were sent along with the cyclists, whom he described "
            "as “cheerful,” for the whole stage.",
            "described",
            "said",
        ),
    ],
    ids=["which-called", "whom-described"],
)
def test_drafts_relative_report_inside_report_quotes_on_its_own(nlp, text, inner, outer_cue):
    quotes = nlp(text)._.quotes
    cues = sorted(q.cue.text for q in quotes if q.cue is not None)
    assert cues == sorted([inner, outer_cue])
    own = next(q for q in quotes if q.cue.text == inner)
    assert own.speaker is not None and own.speaker.mention.text.lower() in ("she", "he")
    assert len(own.text.split()) <= 5  # the quotation, not the outer report's whole clause


def test_drafts_colon_cue_after_its_own_clause_keeps_the_quote(nlp):
    # Guard: "When asked ..., he said:" is the cue's own clause, not an outer report.
    doc = nlp("When asked whether the city should get a new stadium, he said: "
              '"I think that would be fine for everyone."')
    quote = quote_with(doc._.quotes, "fine for everyone")
    assert quote.kind == "direct"
    assert speaker_text(quote) == "he"


def test_drafts_relative_reply_keeps_its_own_quote(nlp):
    # Guard: "..., to which Moore replied:" hangs from a relative clause: Moore's own quote.
    doc = nlp('The mayor said the plan was sound, to which Moore replied: '
              '"It is just not true at all."')
    quote = quote_with(doc._.quotes, "not true at all")
    assert quote.kind == "direct"
    assert speaker_text(quote) == "Moore"


def test_drafts_contrasted_report_takes_its_own_quotation(nlp):
    # ", while Okafor said that ..." hangs inside Ndiaye's content in the parse, but it is a
    # report of its own: Ndiaye's content stops before it.
    doc = nlp("Ndiaye suggested that a mayor who skips the hearings can't run the port, while "
              'Okafor said that the "price of this tunnel is far too steep" for the region to '
              "carry.")
    quote = quote_with(doc._.quotes, "price of this tunnel")
    assert speaker_text(quote) == "Okafor"
    first = quote_with(doc._.quotes, "skips the hearings")
    assert first.kind == "indirect"
    assert "Okafor" not in first.text


def test_drafts_fronted_while_clause_stays_in_the_content(nlp):
    # Guard: "finds that, while 41 percent say ..., 35 percent ..." is one finding.
    doc = nlp('The survey finds that, while 41 percent of tenants say the landlord is "fully to '
              'blame" for the repairs, 35 percent blame the city.')
    quote = quote_with(doc._.quotes, "fully to blame")
    assert speaker_text(quote) == "The survey"


def test_drafts_aside_cue_takes_short_quoted_phrase(nlp):
    text = ('The two cities, Mayor Ruiz said, now have a "historic chance" to share their '
            "water supply.")
    quote = quote_with(nlp(text)._.quotes, "historic chance")
    assert quote.text.startswith("The two cities")
    assert "Ruiz" in speaker_text(quote)


def test_drafts_quotation_interrupted_by_object_cue_is_one_quote(nlp):
    text = (
        "Admiral Vance made it plain that he had doubts about the navy's budget.\n\n"
        "“Now that I am free to speak my mind,” he told the presenter, “it was "
        "exhausting to work for that ministry.”"
    )
    quote = quote_with(nlp(text)._.quotes, "free to speak")
    assert "exhausting" in quote.text and len(quote.spans) == 2
    assert quote.speaker.mention.text == "he" and quote.cue.text == "told"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The senator, he said, went to the fair to see \"how many farmers still trust "
            "this government.\"",
            "how many farmers",
        ),
    ],
    ids=["watched-to-see"],
)
def test_drafts_aside_cue_reports_its_sentence(nlp, text, said):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.cue is not None and quote.cue.text == "said"
    assert speaker_text(quote) == "he"


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            "The mayor plans to rebuild the harbor by creating \"a fund for every fishing "
            "family in the bay,\" Maria Lopez said Monday.",
            "fishing family",
            "Maria Lopez",
        ),
        (
            "They want to \"build a town that works for families who rent and not just for "
            "landlords,\" Lopez said.",
            "families who rent",
            "Lopez",
        ),
    ],
    ids=["plans", "want"],
)
def test_drafts_speech_verb_reports_inner_belief(nlp, text, said, speaker):
    quote = quote_with(nlp(text)._.quotes, said)
    assert speaker in speaker_text(quote) and quote.cue is not None and quote.cue.text == "said"


def test_drafts_nested_speech_report_keeps_person_quoted(nlp):
    # The convention for nested reports: the person quoted, not the outlet reporting it.
    text = ("Baker admitted that the deal could be called \"a gift to the developers,\" the "
            "Tribune reported in 2010.")
    assert "Baker" in speaker_text(quote_with(nlp(text)._.quotes, "gift to the developers"))
