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
    head: str = ""  # the first lines of its text (where an undated article states its date)
    fetched_at: str | None = None  # when it was stored (ISO, UTC)


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
    # The latest date known for the story and where it comes from: "published" (publication
    # dates), "text" (dates the undated articles state in their first lines) or "fetched".
    seen: str | None = None
    seen_from: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleFigure:
    """One casualty figure of one article's main event, as the store keeps it."""

    article_id: str
    outlet: str | None  # who published the article
    published: str | None
    kind: str  # killed | injured
    value: int | None
    confidence: float
    start: int  # the sentence the figure is read from
    end: int
    phrase: str | None
    given_by: str | None  # who gave the figure ("police", "Oleksandr Prokudin")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a story figure was read: an article and the sentence's offsets in its text, or
    the article's title (an empty span at 0: a page whose text reports no casualty event,
    analyze/events/titleonly.py)."""

    article_id: str
    outlet: str | None
    start: int
    end: int

    @property
    def in_title(self) -> bool:
        return self.start == 0 and self.end == 0


@dataclass(frozen=True, slots=True)
class StoryCasualty:
    """One casualty figure of a story: a value reported by one or more of its articles."""

    kind: str
    value: int
    outlets: int  # distinct outlets that reported it
    articles: int
    given_by: tuple[str, ...]  # who gave it, most cited first
    confidence: float
    shown: bool  # confident enough to be shown (and counted) as the story's figure
    primary: bool  # the story's figure of this kind (the reconciled one)
    latest: str | None  # publication date of the latest article reporting it
    evidence: tuple[Evidence, ...] = ()
    # A shown 0 killed that no article states: the articles report the event, with injured
    # figures and no death figure at all ("none_reported") or none confident enough.
    inferred_zero: bool = False
    none_reported: bool = False

    def to_dict(self) -> dict[str, object]:
        """The JSON form the story page, the API and ``export --what stories`` share."""
        return {
            "kind": self.kind, "value": self.value, "outlets": self.outlets,
            "articles": self.articles, "given_by": list(self.given_by),
            "confidence": self.confidence, "shown": self.shown, "primary": self.primary,
            "latest": self.latest, "inferred_zero": self.inferred_zero,
            "none_reported": self.none_reported,
            "evidence": [{"article": e.article_id, "outlet": e.outlet, "start": e.start,
                          "end": e.end, "in_title": e.in_title} for e in self.evidence],
        }
