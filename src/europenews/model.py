"""The data model: plain frozen dataclasses that flow source → article → analysis → store.

Offsets are 0-based, end-exclusive character offsets into ``Article.text``.
"Unknown" is ``None``; "none found" is an empty tuple.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA = "europenews.analysis/1"

ENTITY_TYPES = ("person", "organization", "place", "misc")
QUOTE_KINDS = ("direct", "indirect", "mixed")
# What an entity mention that is not a name is (``Mention.kind``).
MENTION_KINDS = ("description", "pronoun")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file, a feed or a page."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601, e.g. "2024-12-01T10:00:00Z"
    source: str | None = None
    language: str | None = "en"
    author: str | None = None
    # The fields shortened to their limit before storing ("text", "title"; see
    # ``ingest.bounds``): the source sent more than is kept.
    truncated: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the article text."""

    start: int
    end: int
    text: str
    # Of an entity's mention: None for a name, else what refers to the entity without naming
    # it (MENTION_KINDS: "description" for "the president", "pronoun" for "she"). Such a
    # mention is never a spelling, a key to link by or a name to show.
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world person, organisation, place or other named thing in an article."""

    id: str
    name: str
    type: str  # one of ENTITY_TYPES
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    label: str | None = None  # the spaCy label it came from (PERSON, ORG, GPE, ...)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who made a statement: the in-text mention, and the entity it resolves to."""

    entity: str | None = None
    name: str | None = None
    mention: Mention | None = None
    via: str | None = None  # the outlet of a nested report ("..., X said, according to CNN")


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement attributed to a speaker."""

    text: str
    start: int
    end: int
    spans: tuple[tuple[int, int], ...]
    kind: str  # one of QUOTE_KINDS
    speaker: Speaker | None = None
    cue: Mention | None = None
    # Shown on pages, feeds and alerts only when confident (as casualty figures); the rest
    # stays in the contract and one click away. The rules' quotes are shown with 1.0; the
    # trained reports of unlisted verbs carry their model's probability and are not shown.
    shown: bool = True
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A geocoded place as attached to an event."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """One distinct place mentioned in an article, geocoded."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    mentions: tuple[Mention, ...] = ()
    feature: str | None = None  # "country", "region", "city", ...


@dataclass(frozen=True, slots=True)
class EventSource:
    """Who gave an event's figures."""

    entity: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty figure of an event, with its evidence and how far to trust it.

    ``start``/``end`` are the sentence the figure is read from; ``text`` the phrase it counts
    ("three people"), None when it is inferred ("a fatal shooting": one killed).
    ``confidence`` is the probability that the figure counts the event the article reports
    (not an earlier incident, a threat or a total of others)."""

    kind: str  # "killed" or "injured"
    value: int | None
    start: int
    end: int
    text: str | None = None
    source: EventSource | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Event:
    """A violent or disaster event reported in an article.

    ``date`` is an ISO date (``YYYY-MM-DD``) or None; ``date_text`` the expression it was read
    from ("Tuesday", "Dec. 3, 2015"), kept even when it could not be resolved."""

    type: str
    start: int
    end: int
    text: str
    killed: int | None = None
    injured: int | None = None
    missing: int | None = None
    kidnapped: int | None = None
    arrested: int | None = None
    killed_text: str | None = None  # the phrase behind the figure ("dozens")
    injured_text: str | None = None
    weapon: str | None = None
    place: PlaceRef | None = None
    actor: str | None = None
    date: str | None = None
    source: EventSource | None = None
    date_text: str | None = None
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything `analyze` found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    schema: str = field(default=SCHEMA)


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles about the same real event."""

    id: str
    headline: str
    article_ids: tuple[str, ...] = ()
    first_seen: str | None = None
    last_seen: str | None = None
