"""How quotes read on a page (speech.py): reported speech with its cue, never as a quotation."""

from __future__ import annotations

from europenews.model import Mention, Quote, Speaker
from europenews.speech import reported_speech

TEXT = "Foreign Minister Lena Holm recently accused the board of hiding losses.\nNext."


def _quote(kind: str) -> Quote:
    start = TEXT.index("the board")
    end = TEXT.index(".")
    mention = Mention(17, 26, "Lena Holm")
    cue_at = TEXT.index("accused")
    return Quote(TEXT[start:end], start, end, ((start, end),), kind,
                 Speaker("e1", "Lena Holm", mention), Mention(cue_at, cue_at + 7, "accused"))


def test_speech_reported_speech_has_its_speaker_and_cue():
    assert reported_speech(TEXT, _quote("indirect")) == (
        "Lena Holm recently accused the board of hiding losses")


def test_speech_reported_speech_never_crosses_a_paragraph():
    quote = _quote("indirect")
    far = Quote(quote.text, quote.start, quote.end, quote.spans, quote.kind,
                Speaker("e1", "Lena Holm", Mention(TEXT.index("Next"), TEXT.index("Next") + 4,
                                                   "Next")), quote.cue)
    assert "\n" not in reported_speech(TEXT, far)


def _mixed(text: str, content: str) -> Quote:
    start = text.index(content)
    end = start + len(content)
    return Quote(content, start, end, ((start, end),), "mixed", None, None)


def test_speech_an_opened_quotation_mark_is_closed_where_the_article_closes_it():
    text = "The mayor went on about “how the budget is broken,” and left.\nNext."
    wording = reported_speech(text, _mixed(text, "The mayor went on about “how the budget"))
    assert wording == "The mayor went on about “how the budget is broken”"


def test_speech_a_closing_mark_gets_its_opening_one():
    text = 'She called it "a plain mistake by the board" and left.'
    wording = reported_speech(text, _mixed(text, 'mistake by the board" and left'))
    assert wording == '"a plain mistake by the board" and left'


def test_speech_a_far_partner_leaves_the_wording_alone():
    text = "He spoke of “reform" + " and more" * 40 + ".” Then he left."
    wording = reported_speech(text, _mixed(text, "He spoke of “reform"))
    assert wording == "He spoke of “reform"


def _reported(text: str, content: str, speaker: str, cue: str) -> Quote:
    start = text.index(content)
    end = start + len(content)
    at = text.index(speaker)
    cue_at = text.index(cue)
    return Quote(content, start, end, ((start, end),), "indirect",
                 Speaker("e1", speaker, Mention(at, at + len(speaker), speaker)),
                 Mention(cue_at, cue_at + len(cue), cue))


def test_speech_a_participle_cue_after_another_verb_takes_the_whole_sentence():
    text = ("Rain fell. “We will not give up,” Holm insisted, adding that the talks would go on "
            "next week.\nNext.")
    quote = _reported(text, "the talks would go on next week", "Holm", "adding")
    assert reported_speech(text, quote) == (
        "“We will not give up,” Holm insisted, adding that the talks would go on next week")


def test_speech_a_relative_pronoun_takes_its_antecedent():
    text = "Talks turned to a new levy, which Holm believes could end the strike soon. Next."
    quote = _reported(text, "could end the strike soon", "Holm", "believes")
    assert reported_speech(text, quote).startswith("Talks turned to a new levy, which Holm")


def test_speech_a_plain_report_keeps_its_speaker_first():
    text = "Rain fell. Holm said the talks would go on next week. Next."
    quote = _reported(text, "the talks would go on next week", "Holm", "said")
    assert reported_speech(text, quote) == "Holm said the talks would go on next week"
