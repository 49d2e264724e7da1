"""Where a cue's content ends around quotation marks: the speaker going on, asides,
final cues, named content."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from europenews.analyze.quotes.cuebounds import inside_marks
from tests.analyze.quotes.helpers import quote_with, speaker_text


def test_cuebounds_content_stops_before_gerund_of_what_came_next(nlp):
    text = (
        "The mayor told supporters in Leeds that the paper “never reports my work fairly” "
        "before raising the idea that it should be sold."
    )
    quote = quote_with(nlp(text)._.quotes, "reports my work")
    assert "raising" not in quote.text


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
            "Councillor Ivo Marsh called the plan “reckless” and called on voters “not to reward "
            "such careless planning.”",
            "reckless",
            "careless planning",
            "called",
        ),
        (
            "Governor Ann Hale says she’d sit the director down and tell her “no more excuses” "
            "and tells the hall she was the first to raise it.",
            "no more excuses",
            "first to raise",
            "tells",
        ),
    ],
    ids=["found-and-called", "called-and-called-on", "says-and-tells"],
)
def test_cuebounds_coordinated_report_after_quotation_is_its_own(
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
def test_cuebounds_participle_report_after_quotation_speaks_for_the_reporter(
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
            "Harbour Chief Tomas Berg, Keller said, had run the port for “half a century” "
            "and signed “thousands of permits.”",
            "Harbour Chief Tomas Berg",
            "thousands of permits",
            "said",
            "Keller",
        ),
        (
            "Instead, Lopez told ABC, her plan would only be “to audit the banks” if she wins "
            "the primary.",
            "Instead",
            "if she wins the primary",
            "told",
            "Lopez",
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
def test_cuebounds_aside_cue_reports_the_sentence_around_it(
    nlp, text, opening, closing, cue, speaker
):
    quote = quote_with(nlp(text)._.quotes, closing)
    assert quote.text.startswith(opening) and quote.text.rstrip(".”").endswith(closing)
    assert quote.cue is not None and quote.cue.text == cue
    assert speaker_text(quote) == speaker
    assert cue not in quote.text.split()


def test_cuebounds_cue_before_new_quoted_sentence_is_not_an_aside(nlp):
    quote = quote_with(nlp("On Monday, Trump said, “We will win this state by a lot.”")._.quotes,
                       "We will win")
    assert quote.kind == "direct" and "Monday" not in quote.text


def test_cuebounds_cue_after_comma_outside_marks_is_not_an_aside(nlp):
    text = "“We will win this state”, Johnson said, before leaving for Brussels."
    quote = quote_with(nlp(text)._.quotes, "We will win")
    assert quote.text == "We will win this state" and quote.kind == "direct"


def test_cuebounds_final_cue_reports_the_sentence_before_it(nlp):
    text = "She would make a better coach than Lind “come rain or shine,” one reader commented."
    quote = quote_with(nlp(text)._.quotes, "come rain or shine")
    assert quote.kind == "mixed" and quote.text.startswith("She would make a better coach")
    assert speaker_text(quote) == "one reader"


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
def test_cuebounds_inside_marks_counts_marks_of_the_paragraph(words, index, inside):
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * (len(words) - 1))
    assert inside_marks(doc[index]) is inside


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
def test_cuebounds_quoted_name_ends_the_content(nlp, text, name, kept, left_out, speaker):
    quote = quote_with(nlp(text)._.quotes, name)
    assert kept in quote.text
    assert left_out not in quote.text
    assert speaker_text(quote) == speaker


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [("The magazine calls it \"the jewel\" on the Danube Cycle Route.", "the jewel", "Danube")],
    ids=["jewel-on-place"],
)
def test_cuebounds_place_after_the_quoted_name_stays(nlp, text, name, place):
    quote = quote_with(nlp(text)._.quotes, name)
    assert place in quote.text
