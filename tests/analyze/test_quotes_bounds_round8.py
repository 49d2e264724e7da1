"""Quotes: content bounds around quotation marks, round 8 (issue 3; texts written for these
tests). The speaker going on after a quotation is a report of its own, a cue set off by commas
reports the sentence around it, and an inverted cue reports the whole clause before it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from europenews.analyze.quotes.cuebounds import inside_marks
from tests.analyze.quote_helpers import quote_with, speaker_text


@pytest.mark.parametrize(
    ("text", "first", "second", "cue"),
    [
        (
            "Mayor Jan Peters said he found the new plan “very clever” and called the old "
            "budget “a total disgrace.”",
            "very clever",
            "total disgrace",
            "called",
        ),
        (
            "Senator Ann Blake called the report “shameful” and called on leaders “not to feed "
            "that dark impulse.”",
            "shameful",
            "dark impulse",
            "called",
        ),
        (
            "Governor Ann Hale says he’d sit the minister down and tell him “no more games” and "
            "tells the crowd he was the first to warn about it.",
            "no more games",
            "first to warn",
            "tells",
        ),
    ],
    ids=["found-and-called", "called-and-called-on", "says-and-tells"],
)
def test_quotes_bounds_coordinated_report_after_quotation_is_its_own(
    nlp, text, first, second, cue
):
    quotes = nlp(text)._.quotes
    before = quote_with(quotes, first)
    after = quote_with(quotes, second)
    assert before is not after
    assert after.cue is not None and after.cue.text == cue
    assert speaker_text(after) == speaker_text(before)


@pytest.mark.parametrize(
    ("text", "first", "second", "cue", "speaker"),
    [
        (
            "The two senators argue that “there is a clear precedent,” citing a case in which a "
            "captain was fined for “gross neglect.”",
            "clear precedent",
            "gross neglect",
            "citing",
            "The two senators",
        ),
        (
            "In an interview last year, Gore insisted it was “too early” to back the plan while "
            "adding on trade, “I have no doubt that she means well.”",
            "too early",
            "means well",
            "adding",
            "Gore",
        ),
    ],
    ids=["comma-citing", "while-adding"],
)
def test_quotes_bounds_participle_report_after_quotation_speaks_for_the_reporter(
    nlp, text, first, second, cue, speaker
):
    quotes = nlp(text)._.quotes
    before = quote_with(quotes, first)
    after = quote_with(quotes, second)
    assert cue not in before.text
    assert after.cue is not None and after.cue.text == cue
    assert speaker_text(after) == speaker


@pytest.mark.parametrize(
    ("text", "opening", "closing", "cue", "speaker"),
    [
        (
            "Deputy Mayor Ann Lee, Rubio said, had been on the council for “a thousand years” "
            "and passed “hundreds of bills.”",
            "Deputy Mayor Ann Lee",
            "hundreds of bills",
            "said",
            "Rubio",
        ),
        (
            "Instead, Trump told CNN, his policy would merely be “to go after them” if he wins "
            "the election.",
            "Instead",
            "if he wins the election",
            "told",
            "Trump",
        ),
        (
            "The argument would be helped, Devine said, by the coming primary calendar.",
            "The argument would be helped",
            "primary calendar",
            "said",
            "Devine",
        ),
    ],
    ids=["subject-before-aside", "adverb-before-aside", "unmarked"],
)
def test_quotes_bounds_aside_cue_reports_the_sentence_around_it(
    nlp, text, opening, closing, cue, speaker
):
    quote = quote_with(nlp(text)._.quotes, closing)
    assert quote.text.startswith(opening) and quote.text.rstrip(".”").endswith(closing)
    assert quote.cue is not None and quote.cue.text == cue
    assert speaker_text(quote) == speaker
    assert cue not in quote.text.split()


def test_quotes_bounds_cue_before_new_quoted_sentence_is_not_an_aside(nlp):
    quote = quote_with(nlp("On Monday, Trump said, “We will win this state by a lot.”")._.quotes,
                       "We will win")
    assert quote.kind == "direct" and "Monday" not in quote.text


def test_quotes_bounds_cue_after_comma_outside_marks_is_not_an_aside(nlp):
    text = "“We will win this state”, Johnson said, before leaving for Brussels."
    quote = quote_with(nlp(text)._.quotes, "We will win")
    assert quote.text == "We will win this state" and quote.kind == "direct"


def test_quotes_bounds_final_cue_reports_the_sentence_before_it(nlp):
    text = "He would be a better leader than Clinton “no matter what,” one user commented."
    quote = quote_with(nlp(text)._.quotes, "no matter what")
    assert quote.kind == "mixed" and quote.text.startswith("He would be a better leader")
    assert speaker_text(quote) == "one user"


@pytest.mark.parametrize(
    ("text", "quoted", "tail"),
    [
        (
            "Fundraising was “stagnant for about a month” as donors waited to see how the race "
            "played out, he said.",
            "stagnant",
            "how the race played out",
        ),
        (
            "The lack of polling places was “especially harmful” to the poorer districts, "
            "which had fewer machines than the rest, the lawsuit alleges.",
            "especially harmful",
            "fewer machines than the rest",
        ),
        (
            "“There is a sense of calm now,” and donations began to rise again last week, "
            "Gilbert said.",
            "sense of calm",
            "rise again last week",
        ),
    ],
    ids=["as-clause", "relative-clause", "and-clause-after-closing-comma"],
)
def test_quotes_bounds_inverted_cue_reports_the_whole_clause_before_it(nlp, text, quoted, tail):
    quote = quote_with(nlp(text)._.quotes, quoted)
    assert quote.text.endswith(tail)


@pytest.mark.parametrize(
    ("text", "quoted", "tail"),
    [
        (
            "Senator Rand Paul told Fox News that the polls could be “way off,” and have been "
            "wrong in past races.",
            "way off",
            "wrong in past races",
        ),
        (
            "Perry said his old friend is ready to “take on the cartel,” secure the border and "
            "improve care for veterans.",
            "take on the cartel",
            "care for veterans",
        ),
    ],
    ids=["and-perfect", "bare-verb-list"],
)
def test_quotes_bounds_reported_verb_phrase_goes_on_after_closing_comma(nlp, text, quoted, tail):
    quote = quote_with(nlp(text)._.quotes, quoted)
    assert quote.kind == "mixed" and quote.text.endswith(tail)


@pytest.mark.parametrize(
    ("text", "said", "frame"),
    [
        (
            "Governor Jeb Hale says he’s “excited where we stand” as he faces a hard test in "
            "South Carolina.",
            "he’s “excited where we stand”",
            "as he faces",
        ),
        (
            "Clinton accuses Sanders of subjecting her to an “artful smear” about her speeches "
            "while Sanders suggests she is a captive of the banks.",
            "an “artful smear” about her speeches",
            "while Sanders",
        ),
    ],
    ids=["as-clause", "while-clause"],
)
def test_quotes_bounds_framing_clause_after_quotation_is_not_content(nlp, text, said, frame):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.text.endswith(said) and frame not in quote.text


@pytest.mark.parametrize(
    ("words", "index", "inside"),
    [
        (["He", "said", "“", "we", "won", "”", "and", "left"], 4, True),
        (["He", "said", "“", "we", "won", "”", "and", "left"], 7, False),
        (["“", "a", "“", "list", "”", "or", "more", "”", "and"], 6, True),
        (["He", "said", '"', "we", "won", '"', "and", "left"], 7, False),
    ],
    ids=["curly-inside", "curly-after", "nested-curly", "straight-after"],
)
def test_quotes_bounds_inside_marks_counts_marks_of_the_paragraph(words, index, inside):
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * (len(words) - 1))
    assert inside_marks(doc[index]) is inside
