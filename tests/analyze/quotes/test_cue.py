"""The reporting cue record the quote stages pass around."""

from __future__ import annotations

import dataclasses

import pytest

from europenews.analyze.quotes.cue import Cue


def test_cue_defaults_describe_a_plain_speech_cue():
    cue = Cue((3, 4), 1, ((5, 9),))
    assert (cue.colon, cue.speech, cue.tail, cue.aside) == (False, True, None, False)


def test_cue_is_a_value():
    # The stages remove a cue from a list of bare cues by equality: equal fields, equal cues.
    a, b = Cue((3, 4), 1, ()), Cue((3, 4), 1, ())
    assert a == b and hash(a) == hash(b) and a in [b]
    assert a != dataclasses.replace(a, subject=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.subject = 5  # type: ignore[misc]
