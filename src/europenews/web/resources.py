"""The data behind each page and its ``/api/`` twin: one function per resource.

Each function takes a ``Connection`` and the parsed parameters (a :class:`Paging`, a filter
dataclass, an id) and returns plain JSON-ready data. The JSON route returns (or exports) it,
the HTML route renders it: the two routers differ only in how they read the request and how
they answer, never in what they ask the store.

Lists come back as a :class:`Page`: one item more than a page is fetched, so ``has_more``
is known without counting.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from europenews.alerts.match import fact_line
from europenews.contract import analysis_from_dict
from europenews.speech import reported_speech
from europenews.store.alerts import Hit, StoredRule, list_hits, list_rules
from europenews.store.articles import get_analysis_payload
from europenews.store.search import SearchFilters
from europenews.store.views import FRONT_CANDIDATES as FRONT_CANDIDATES
from europenews.store.views import (
    article_detail,
    counts,
    front_stories,
    list_articles,
    source_status,
    story_detail,
)
from europenews.store.views_archive import (
    SORTS,
    ArchiveFilters,
    archive_countries,
    archive_stories,
    count_archive,
)
from europenews.store.views_brief import story_brief
from europenews.store.views_geo import list_events, map_events, map_places, place_detail
from europenews.store.views_people import (
    QuoteFilters,
    entity_detail,
    list_entities,
    search_quotes,
    without_repeats,
)
from europenews.store.views_search import search_page
from europenews.web.sources import error_class, ordered, public_source

ENTITY_TYPES = ("person", "organization", "place", "misc")


@dataclass(frozen=True, slots=True)
class Paging:
    """Which page of a list (from 1) and how many items per page."""

    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def fetch(self) -> int:
        """Items to ask for: one more than a page tells whether a next page exists."""
        return self.per_page + 1


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list."""

    items: list[dict[str, Any]]
    paging: Paging
    has_more: bool


def paged(items: list[dict[str, Any]], paging: Paging) -> Page:
    """The page out of ``paging.fetch`` items."""
    return Page(items[:paging.per_page], paging, len(items) > paging.per_page)


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Narrowing of the event list (exact place name, ISO country code, story id)."""

    place: str | None = None
    country: str | None = None
    story: str | None = None


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A full-text query with its filters, language and order (``relevance`` or ``date``)."""

    text: str
    filters: SearchFilters
    language: str | None = None
    sort: str = "relevance"


def _given(value: str | None) -> str | None:
    """An empty form field means "not given"."""
    return value or None


def quote_filters(text: str | None, speaker: str | None, organization: str | None,
                  since: str | None, until: str | None, story: str | None,
                  shown: str = "shown") -> QuoteFilters:
    """The quote filters from request parameters (empty ones left out; ``shown="all"`` adds
    the attributions not confident enough to show)."""
    return QuoteFilters(_given(text), _given(speaker), _given(organization), _given(since),
                        _given(until), _given(story), shown != "all")


def search_query(text: str, since: str | None, until: str | None, source: str | None,
                 person: str | None, place: str | None, language: str | None,
                 sort: str | None = None) -> SearchQuery:
    """The search from request parameters (empty filters left out; best first unless
    ``sort`` is "date")."""
    filters = SearchFilters(_given(since), _given(until), _given(source), _given(person),
                            _given(place))
    return SearchQuery(text, filters, _given(language),
                       "date" if sort == "date" else "relevance")


def archive_filters(since: str | None, until: str | None, country: str | None,
                    sort: str | None) -> ArchiveFilters:
    """The archive's filters from request parameters (empty or unknown ones left out)."""
    return ArchiveFilters(_given(since), _given(until), _given(country),
                          sort if sort in SORTS else "newest")


def entity_type(value: str | None) -> str | None:
    """The entity type asked for, or None (all types) for anything else."""
    return value if value in ENTITY_TYPES else None


# -- resources ---------------------------------------------------------------------------------

def top_stories(conn: Connection, paging: Paging) -> Page:
    """Top stories now, best first, with their casualty figures (the front page)."""
    return paged(front_stories(conn, limit=paging.fetch, offset=paging.offset), paging)


def story(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """One story: articles, entities by type, quotes by speaker, casualties, places."""
    return story_detail(conn, story_id)


def brief(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """The story's brief (``stories/brief.py``): headline, lead, who said what, figures with
    evidence, places and timeline, sources; None for an unknown story."""
    found = story_brief(conn, story_id)
    return None if found is None else found.to_dict()


def story_map(conn: Connection, story_id: str) -> list[dict[str, Any]]:
    """The story's geocoded events grouped by place (its map)."""
    return map_events(conn, story=story_id)


def entities(conn: Connection, type_: str | None, name: str | None, paging: Paging) -> Page:
    """Entities, most written-about first, of one type and/or matching a name."""
    return paged(list_entities(conn, type_, name, limit=paging.fetch, offset=paging.offset),
                 paging)


@dataclass(frozen=True, slots=True)
class EntityPage:
    """An entity with one page of its quotes (``more_quotes``: a next page exists)."""

    entity: dict[str, Any]
    more_quotes: bool


# Entity ids are 64-bit integers in the store; a larger number names no entity (and would
# overflow the database driver instead of finding nothing).
MAX_ENTITY_ID = 2**63 - 1


def entity(conn: Connection, entity_id: int, paging: Paging) -> EntityPage | None:
    """One entity: names, roles, a page of its quotes, quotes about it, stories, companions
    (None when there is no such entity, whatever the number)."""
    if not 0 < entity_id <= MAX_ENTITY_ID:
        return None
    found = entity_detail(conn, entity_id, paging.fetch, paging.offset)
    if found is None:
        return None
    more = len(found["quotes"]) > paging.per_page
    found["quotes"] = without_repeats(found["quotes"][:paging.per_page])
    return EntityPage(found, more)


def quotes(conn: Connection, filters: QuoteFilters, paging: Paging) -> Page:
    """Quotes matching the filters, newest first."""
    page = paged(search_quotes(conn, filters, limit=paging.fetch, offset=paging.offset), paging)
    # A report another of the same sentence holds is shown once; the next page is still told
    # by the rows the store gave.
    return Page(without_repeats(page.items), page.paging, page.has_more)


def all_quotes(conn: Connection, filters: QuoteFilters, batch: int = 500
               ) -> Iterator[dict[str, Any]]:
    """Every quote matching the filters, newest first (a download), read page by page."""
    offset = 0
    while True:
        found = search_quotes(conn, filters, limit=batch, offset=offset)
        yield from without_repeats(found)
        if len(found) < batch:
            return
        offset += batch


@dataclass(frozen=True, slots=True)
class Archive:
    """One page of the archive, how many stories it holds, and the countries to filter by."""

    page: Page
    total: int
    countries: list[dict[str, Any]]


def archive(conn: Connection, filters: ArchiveFilters, paging: Paging) -> Archive:
    """Every story, undated ones included (dated by what is known: ``stories.seen``)."""
    found = archive_stories(conn, filters, limit=paging.fetch, offset=paging.offset)
    return Archive(paged(found, paging), count_archive(conn, filters), archive_countries(conn))


def events(conn: Connection, filters: EventFilters, paging: Paging) -> Page:
    """Events, newest first, with their article's title and source."""
    return paged(list_events(conn, paging.fetch, paging.offset, filters.place, filters.country,
                             filters.story), paging)


@dataclass(frozen=True, slots=True)
class WorldMap:
    """Places by articles naming them, and events by place (casualties per story, summed)."""

    places: list[dict[str, Any]]
    events: list[dict[str, Any]]


def world_map(conn: Connection, limit: int | None) -> WorldMap:
    """The ``limit`` most mentioned places and the ``limit`` deadliest event places (all of
    them when ``limit`` is None)."""
    return WorldMap(map_places(conn, limit), map_events(conn, limit))


def place(conn: Connection, name: str) -> dict[str, Any] | None:
    """One place: where it is, events there, stories and articles naming it."""
    return place_detail(conn, name)


def search(conn: Connection, query: SearchQuery, paging: Paging) -> dict[str, Any]:
    """One page of hits with ``has_more``, how many match (``total``), the other spellings
    searched for names, facets over the first hits and their depth."""
    return search_page(conn, query.text, query.filters, query.language, paging.per_page,
                       paging.offset, query.sort)


def articles(conn: Connection, source: str | None, paging: Paging) -> Page:
    """Stored articles, newest first (optionally from one source)."""
    return paged(list_articles(conn, paging.fetch, paging.offset, _given(source)), paging)


def article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its story, entity ids and ``analysis`` (the contract JSON or None)."""
    found = article_detail(conn, article_id)
    if found is not None:
        payload = get_analysis_payload(conn, article_id)
        if payload is not None:
            analysis = analysis_from_dict(payload)
            for shown, quote in zip(payload.get("quotes", ()), analysis.quotes, strict=False):
                shown["report"] = (None if quote.kind == "direct"
                                   else reported_speech(analysis.article.text, quote))
        found["analysis"] = payload
        # Why analysis failed, by its class only: the raw message is an internal exception's.
        if found.get("error"):
            found["error"] = error_class(found["error"])
    return found


def admin_sources(conn: Connection, today: str) -> dict[str, Any]:
    """As :func:`sources`, with each source's stored row in full (URL, raw error): for
    ``/api/admin/sources`` only, behind the admin token."""
    status = source_status(conn, today)
    status["counts"] = counts(conn)
    return status


def sources(conn: Connection, today: str) -> dict[str, Any]:
    """Each source as the public sees it (``web/sources.py``: name, host, state, error class;
    failing ones first) with its last fetch and articles ``today``, the publishers, and the
    store's totals (``counts``)."""
    status = source_status(conn, today)
    status["sources"] = ordered([public_source(row) for row in status["sources"]])
    status["counts"] = counts(conn)
    return status


def _alert(stored: StoredRule, hits: list[Hit]) -> dict[str, Any]:
    rule = json.loads(stored.rule)
    rule.pop("secret", None)  # the webhook's key is never shown
    return {"name": stored.name, "origin": stored.origin, "rule": rule,
            "hits": [hit_dict(h) for h in hits]}


def alerts(conn: Connection, recent: int = 10) -> list[dict[str, Any]]:
    """Every alert rule (without its webhook secret) with its most recent hits."""
    return [_alert(stored, list_hits(conn, stored.name, limit=recent))
            for stored in list_rules(conn)]


def alert(conn: Connection, name: str, limit: int = 50) -> dict[str, Any] | None:
    """One rule and its hits, the most recently fired first; None for an unknown rule."""
    stored = next((r for r in list_rules(conn) if r.name == name), None)
    return None if stored is None else _alert(stored, list_hits(conn, name, limit=limit))


def hit_dict(hit: Hit) -> dict[str, Any]:
    return {"id": hit.id, "alert": hit.rule_name, "story": hit.story_id,
            "headline": hit.headline, "articles": hit.article_count, "fired_at": hit.fired_at,
            "updated_at": hit.updated_at, "fact": hit.fact, "fact_line": fact_line(hit.fact)}


def totals(conn: Connection) -> dict[str, int]:
    """How many articles, stories, entities, quotes, events and places the store holds."""
    return counts(conn)
