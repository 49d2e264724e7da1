"""What a story's summary is computed from, and what it is.

Shared by the two sides of one rule: ``stories.summary`` computes a story's figures from its
members (pure), and the store reads the members and keeps the figures. Both import these
dataclasses from here, so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StoryMember:
    """One article of a story, as the summary rules read it."""

    article_id: str
    title: str | None
    published: str | None  # ISO text as stored
    outlet: str | None  # who published it (a named source, else its configured source)
    duplicate_of: str | None = None  # the original's article id when this is a copy


@dataclass(frozen=True, slots=True)
class StoryFigures:
    """The summary a page shows for a story (key names are the store's own queries)."""

    headline: str | None
    first_seen: str | None
    last_seen: str | None
    article_count: int
    source_count: int
    growth: float | None  # share of dated articles within a day of the newest one
    breaking: bool
