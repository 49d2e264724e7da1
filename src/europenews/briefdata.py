"""What a story's brief is built from (the store reads it) and what a brief is.

``stories.brief.build_brief`` turns a :class:`BriefInput` into a :class:`Brief` (pure);
``store/views_brief.py`` reads the input. Both import these dataclasses from here, so neither
imports the other. Every part of a brief points to the article it was read from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from europenews.storydata import ArticleFigure, StoryCasualty


@dataclass(frozen=True, slots=True)
class BriefArticle:
    id: str
    title: str | None
    url: str | None
    published: str | None
    outlet: str | None
    language: str | None
    duplicate_of: str | None
    text: str  # the beginning of its text (where the lead is)


@dataclass(frozen=True, slots=True)
class BriefPerson:
    """A person the story's articles name: canonical entity, roles as these articles give them
    (most often given first), in how many articles and how often."""

    entity_id: int
    name: str
    roles: tuple[str, ...]
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class BriefQuote:
    article_id: str
    speaker_id: int | None
    speaker: str | None
    text: str
    kind: str  # direct | indirect | mixed
    # Reported speech as the article words it, cue and speaker included (``speech.py``).
    report: str | None = None


@dataclass(frozen=True, slots=True)
class BriefPlace:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BriefInput:
    """Everything the brief may say, as the store has it (articles in publication order)."""

    story_id: str
    articles: tuple[BriefArticle, ...]
    people: tuple[BriefPerson, ...] = ()
    quotes: tuple[BriefQuote, ...] = ()
    places: tuple[BriefPlace, ...] = ()
    casualties: tuple[StoryCasualty, ...] = ()  # as stories.casualties reconciles them
    figures: tuple[ArticleFigure, ...] = ()  # each article's main-event figures
    sentences: dict[tuple[str, int, int], str] = field(default_factory=dict)  # evidence text
    event_places: dict[str, str] = field(default_factory=dict)  # article → main event's place


# -- the brief ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Source:
    """Where a part of the brief was read: an article, its outlet and URL."""

    article: str
    outlet: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class LeadSentence:
    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Said:
    text: str
    kind: str
    source: Source


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person: roles, the strongest direct quote, other claims as reported speech."""

    entity_id: int
    name: str
    roles: tuple[str, ...]
    quote: Said | None
    reported: tuple[Said, ...]


@dataclass(frozen=True, slots=True)
class FigureEvidence:
    sentence: str
    source: Source


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty value as the trust rules decide (``shown``/``primary``), with who gave it,
    where, and the sentences it was read from."""

    kind: str
    value: int
    shown: bool
    primary: bool
    confidence: float
    outlets: int
    given_by: tuple[str, ...]
    place: str | None
    evidence: tuple[FigureEvidence, ...]
    inferred_zero: bool = False


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One article and what it added: figures, speakers, places not reported before."""

    article: str
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None
    figures: tuple[str, ...]
    speakers: tuple[str, ...]
    places: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MapPlace:
    name: str
    country: str | None
    lat: float
    lon: float
    articles: int


@dataclass(frozen=True, slots=True)
class Sources:
    outlets: tuple[tuple[str, int], ...]  # outlet, articles
    languages: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class Brief:
    story: str
    headline: str | None
    headline_source: Source | None
    lead: tuple[LeadSentence, ...]
    speakers: tuple[Speaker, ...]
    figures: tuple[Figure, ...]
    places: tuple[MapPlace, ...]
    timeline: tuple[TimelineEntry, ...]
    sources: Sources

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``GET /api/stories/{id}/brief`` and ``brief --format json``."""
        out = asdict(self)
        out["sources"]["outlets"] = [{"outlet": o, "articles": n}
                                     for o, n in self.sources.outlets]
        return out
