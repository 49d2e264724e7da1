"""Page furniture and non-speech uses of cue words are no quotes (issue 18): caption and credit
lines, a verb of reaching someone with a bare object, a participle naming the speaker."""

from __future__ import annotations

import pytest

from tests.analyze.quotes.helpers import quote_with, speaker_text


def _cues(nlp, text):
    return [(q.cue.text if q.cue else None, q.text) for q in nlp(text)._.quotes]


@pytest.mark.parametrize("text", [
    "The old ferry left the harbour at dawn.\n\nCourtesy: Northfield Camera Club",
    "Crowds lined the pier on Sunday (Photo: Lena Marsh Studio)",
    "Get the Valley Weather app: iPhone | Android | Tablet",
    "Twitter: @lmarsh_writes, @pier_watch, @valley_weather",
])
def test_credit_and_label_lines_are_no_quotes(nlp, text):
    assert nlp(text)._.quotes == []


def test_label_before_colon_drops_the_cue_even_with_a_verb(nlp):
    text = "Contact Ruth Ames: write to the newsroom or call the desk any day."
    assert all(cue != ":" for cue, _ in _cues(nlp, text))


def test_name_colon_statement_is_still_a_quote(nlp):
    text = "Ruiz: The budget will pass before the winter recess, and the schools will get more."
    quote = quote_with(nlp(text)._.quotes, "budget will pass")
    assert "Ruiz" in speaker_text(quote)


@pytest.mark.parametrize("text", [
    "Anyone with information is asked to call the Riverton Police Department.",
    "Dana Holt called the police after she heard two loud bangs.",
    "Witnesses should call 911 or the county tip line.",
    "Whenever Mara Quinn posts new content, you will get an email with a link.",
])
def test_reaching_someone_is_no_report(nlp, text):
    assert all(cue not in ("call", "called", "posts") for cue, _ in _cues(nlp, text))


def test_calling_something_a_name_is_still_a_report(nlp):
    quote = quote_with(nlp("Senator Holt called the ruling a disgrace.")._.quotes, "disgrace")
    assert speaker_text(quote) == "Senator Holt" or speaker_text(quote) == "Holt"


def test_calling_for_something_is_still_a_report(nlp):
    quote = quote_with(nlp("Governor Ivy Lane called for calm across the state.")._.quotes,
                       "calm")
    assert "Lane" in speaker_text(quote)


def test_participle_before_court_papers_is_no_cue(nlp):
    text = "He hid the rifle in a shed behind the house, charging documents say."
    assert all(cue != "charging" for cue, _ in _cues(nlp, text))


def test_a_page_time_stamp_ends_a_headline_attribution(nlp):
    # A headline "Police: ..." run into the page's "Posted: ... Updated: ..." line: the stamp
    # is no part of what the police said.
    text = ("Police: 2 men shot near downtown bar; suspect sought Posted: Friday, May 6, 2016 "
            "6:55 PM EST Updated: Friday, May 6, 2016 11:43 PM EST\n\nTwo men were shot late "
            "Thursday, officers said.")
    said = [q for cue, q in _cues(nlp, text) if cue == ":"]
    assert said == ["2 men shot near downtown bar; suspect sought"]
