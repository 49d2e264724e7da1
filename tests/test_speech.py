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
