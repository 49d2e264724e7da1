"""What the pages show as reported speech is speech (issue 17): titles in typewriter marks,
the rest of a relative clause of a belief, perceptions, a bare object of "identify" and a
score are no shown reports; their speech counterparts still are."""

from __future__ import annotations

import pytest

from tests.analyze.quotes.helpers import quote_with, speaker_text


def _shown(nlp, text):
    return [q for q in nlp(text)._.quotes if q.shown]


@pytest.mark.parametrize("text", [
    # Titles of works written with typewriter marks, as research corpora do.
    "Lee became known for her role in `` Blue Harbor '' and had her own talk show "
    "`` Lee Live '' in 2004 .",
    "Lee has had a recurring part on `` Night Desk '' and starred in `` Road Trip Two '' .",
    "She also presented the brief , late-night show `` Dockside '' on Channel 4 .",
    # The rest of a relative clause of a belief: a fragment of a thought.
    "It is a move that we all expected would come sooner or later .",
    "The Lions won a title that few of us expected would ever come .",
    # Perceptions without a finite clause.
    "Witnesses saw the car swerve into the crowd.",
    "I heard people screaming in the hallway.",
    "Fans watched the striker score twice before the break.",
    # A bare object of finding someone or of a score.
    "Police identified the suspect on Friday.",
    "Okafor posted a career-high 31 points and nine rebounds.",
])
def test_narration_is_no_shown_report(nlp, text):
    assert _shown(nlp, text) == []


def test_typewriter_marks_read_as_quotation_marks(nlp):
    text = "`` We will rebuild the pier by spring , '' Mayor Ana Ortiz said on Monday ."
    quote = quote_with(_shown(nlp, text), "rebuild the pier")
    assert quote.kind == "direct"
    assert "Ortiz" in speaker_text(quote)
    assert text[quote.start : quote.end] == quote.text  # the offsets keep the text's marks


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("He heard there had been a crash on the bridge.", "crash on the bridge", "He"),
    ("The jury found that the company had misled investors.", "misled investors", "jury"),
    ("The county coroner identified the driver's neighbour as Mara K. Holt, 71.",
     "Mara K. Holt", "coroner"),
    ("Police identified the victim as Jo Lane, 34.", "Jo Lane", "Police"),
    ("Police identified the man killed in the crash as Ray Dunn, 40.", "Ray Dunn", "Police"),
    ("Officials say the bridge was closed for repairs.", "bridge was closed", "Officials"),
    # Views and findings PolNeAR counts as attributions stay.
    ("The regional poll found Ortiz leading by six points.", "Ortiz leading", "poll"),
    # A relative clause of a speech verb is still what someone said.
    ("They built the bridge that Mayor Ortiz said the county would fund.", "county would fund",
     "Ortiz"),
])
def test_speech_counterparts_stay_shown(nlp, text, words, speaker):
    assert speaker in speaker_text(quote_with(_shown(nlp, text), words))


def test_the_question_put_to_someone_is_not_what_they_said(nlp):
    # The tagger may read "asked" after "when" as an active past: the subject was asked.
    text = ("The coach said the team had turned the page .\n"
            "When asked about the pressure of the final he said the players had earned a rest .")
    shown = _shown(nlp, text)
    assert all("pressure of the final" not in q.text for q in shown)
    assert speaker_text(quote_with(shown, "earned a rest")) == "he"
