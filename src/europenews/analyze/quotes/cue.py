"""The reporting cue: what ``cues.py`` finds in the parse and every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting expression found in the parse (token indices; end-exclusive ranges)."""

    cue: tuple[int, int]
    subject: int | None  # head token of the speaker's mention
    content: tuple[tuple[int, int], ...]  # token ranges of what was said; () when not found
    colon: bool = False  # the cue is followed by a colon: what was said comes after it
    speech: bool = True  # a speech cue (not a belief verb): it may introduce a direct quote
    tail: int | None = None  # a report verb the content stops before (the speaker going on)
    aside: bool = False  # "X, he said, Y": the cue sits inside what was said, on both sides
