"""The JSON API under ``/api/``: the same data as the pages, paged, with CSV/JSONL/GeoJSON
downloads where a table or a map makes sense. Read-only; ``admin_router`` is only mounted by
``serve --admin`` and every call needs the admin token.

Lists are paged: the JSON body has a ``next`` member (the URL of the next page, or null) and
the response a ``Link: <…>; rel="next"`` header. Downloads (``format=csv|jsonl|geojson``) are
not paged: they stream every row the filters select (``store/exports.py``, the rows of
``europenews export``), so a download never silently stops at one page.

Each route reads its parameters, asks ``web/resources.py`` (the pages ask the same function)
and answers JSON or an export (``europenews.formats``, as ``europenews export``). The store is
read through ``store.engine.reading``, so a database error is a 503 (``web/errors.py``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import Connection

from europenews.formats import MEDIA_TYPES, STREAMS, feature_collection, iter_csv
from europenews.store.engine import map_db_errors, reading
from europenews.web import resources
from europenews.web.errors import found
from europenews.web.memo import memoised
from europenews.web.resources import EventFilters, Page, Paging

router = APIRouter(prefix="/api", tags=["api"])
# Places and event places in the map's JSON unless ``limit`` says otherwise.
MAP_LIMIT = 400
admin_router = APIRouter(prefix="/api/admin", tags=["admin"])


# A fresh Query per parameter: FastAPI binds a shared Query object to the first name it sees.
def page_q() -> Any:
    return Query(1, ge=1, le=10_000, description="Page number, from 1.")


def per_page_q() -> Any:
    return Query(50, ge=1, le=500, description="Items per page.")


def next_link(request: Request, page: int) -> str:
    """The link to ``page`` of the same list: a path with its query, never a full URL, since
    the host in a full URL would come from the request's ``Host`` header, which the client
    chooses (a proxy or cache could hand a link to another host to every reader)."""
    query = request.url.include_query_params(page=page).query
    return f"{request.url.path}?{query}"


def envelope(request: Request, page: Page) -> dict[str, Any]:
    """The common list envelope; ``next`` is the link (path and query) of the next page, or
    null."""
    number = page.paging.page
    nxt = next_link(request, number + 1) if page.has_more else None
    return {"items": page.items, "page": number, "per_page": page.paging.per_page, "next": nxt}


def paged(request: Request, page: Page, extra: dict[str, Any] | None = None) -> JSONResponse:
    """The envelope as a response with a ``Link`` header to the next page when there is one."""
    body = {**envelope(request, page), **(extra or {})}
    headers = {"Link": f'<{body["next"]}>; rel="next"'} if body["next"] else None
    return JSONResponse(body, headers=headers)


Rows = Callable[[Connection], Iterable[dict[str, Any]]]


def download(request: Request, rows: Rows, fmt: str, name: str,
             columns: list[str] | None = None) -> StreamingResponse:
    """Every row ``rows`` gives, streamed as CSV, JSONL or GeoJSON (``europenews.formats``, as
    ``europenews export``). The store is read while the response is sent, on one connection
    held for the whole download. ``columns``: the CSV header of an empty table."""
    engine = request.app.state.engine

    def chunks() -> Iterator[str]:
        with reading(engine) as conn:
            found = rows(conn)
            if fmt == "csv":
                yield from iter_csv(found, columns)
            else:
                yield from STREAMS[fmt](found)

    return StreamingResponse(chunks(), media_type=MEDIA_TYPES[fmt], headers={
        "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def geojson(rows: list[dict[str, Any]], properties: list[str] | None = None) -> JSONResponse:
    return JSONResponse(feature_collection(rows, properties), media_type="application/geo+json")


def _export_rows(kind: str, **bounds: Any) -> Rows:
    from europenews.store.exports import EXPORTERS

    def rows(conn: Connection) -> Iterable[dict[str, Any]]:
        found: Iterable[dict[str, Any]] = EXPORTERS[kind](conn, **bounds)
        return found

    return rows


@router.get("/stories", summary="Top stories now (ranked by growth, sources and size)")
def api_stories(request: Request, page: int = page_q(),
                per_page: int = per_page_q()) -> dict[str, Any]:
    paging = Paging(page, per_page)
    with reading(request.app.state.engine) as conn:
        top = memoised(request, conn, ("api-stories", page, per_page),
                       lambda: resources.top_stories(conn, paging))
    return envelope(request, top)


@router.get("/archive", summary="Every story, undated ones too: date range, sort, country")
def api_archive(request: Request, since: str | None = Query(None, max_length=40),
                until: str | None = Query(None, max_length=40),
                country: str | None = Query(None, max_length=8),
                sort: Literal["newest", "largest", "sources"] = "newest",
                page: int = page_q(), per_page: int = per_page_q()) -> Any:
    filters = resources.archive_filters(since, until, country, sort)
    with reading(request.app.state.engine) as conn:
        found = resources.archive(conn, filters, Paging(page, per_page))
    return paged(request, found.page, {"total": found.total})


@router.get("/stories/{story_id}", summary="One story: articles, entities, quotes, casualties")
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    with reading(request.app.state.engine) as conn:
        story = resources.story(conn, story_id)
    return found(story, f"story {story_id}")


@router.get("/stories/{story_id}/brief",
            summary="A story's brief: headline, lead, who said what, figures, where and when")
def api_story_brief(request: Request, story_id: str) -> dict[str, Any]:
    with reading(request.app.state.engine) as conn:
        brief = resources.brief(conn, story_id)
    return found(brief, f"story {story_id}")


@router.get("/entities", summary="People, organisations, places, most written-about first")
def api_entities(request: Request, type: Literal["person", "organization", "place", "misc"]
                 | None = None, q: str | None = Query(None, max_length=200),
                 page: int = page_q(), per_page: int = per_page_q()) -> dict[str, Any]:
    with reading(request.app.state.engine) as conn:
        items = resources.entities(conn, type, q, Paging(page, per_page))
    return envelope(request, items)


@router.get("/entities/{entity_id}", summary="One entity: roles, quotes by/about, stories")
def api_entity(request: Request, entity_id: int, page: int = page_q(),
               per_page: int = Query(30, ge=1, le=200)) -> dict[str, Any]:
    with reading(request.app.state.engine) as conn:
        entity = resources.entity(conn, entity_id, Paging(page, per_page))
    return found(entity, f"entity {entity_id}").entity


@router.get("/quotes", summary="Search quotes by text, speaker, organisation, date, story")
def api_quotes(request: Request, q: str | None = Query(None, max_length=300),
               speaker: str | None = Query(None, max_length=200),
               organization: str | None = Query(None, max_length=200),
               since: str | None = Query(None, max_length=40),
               until: str | None = Query(None, max_length=40),
               story: str | None = Query(None, max_length=64), page: int = page_q(),
               per_page: int = per_page_q(),
               format: Literal["json", "csv", "jsonl"] = "json",
               shown: Literal["shown", "all"] = "shown") -> Any:
    filters = resources.quote_filters(q, speaker, organization, since, until, story, shown)
    if format != "json":
        return download(request, lambda conn: resources.all_quotes(conn, filters), format,
                        "quotes", ["id", "text", "speaker"])
    with reading(request.app.state.engine) as conn:
        items = resources.quotes(conn, filters, Paging(page, per_page))
    return paged(request, items)


@router.get("/events", summary="Violent and disaster events with casualties and coordinates")
def api_events(request: Request, place: str | None = Query(None, max_length=200),
               country: str | None = Query(None, max_length=8),
               story: str | None = Query(None, max_length=64), page: int = page_q(),
               per_page: int = per_page_q(),
               format: Literal["json", "csv", "jsonl", "geojson"] = "json") -> Any:
    filters = EventFilters(place or None, country or None, story or None)
    if format != "json":
        rows = _export_rows("events", place=filters.place, country=filters.country,
                            story=filters.story)
        return download(request, rows, format, "events", ["article", "type", "killed"])
    with reading(request.app.state.engine) as conn:
        items = resources.events(conn, filters, Paging(page, per_page))
    return paged(request, items)


@router.get("/places", summary="Places on the map: mentions and events (sized by casualties)")
def api_places(request: Request,
               limit: int | None = Query(None, ge=1, le=100_000, description=(
                   "Places and event places at most (default: 400 for JSON, all of them "
                   "for GeoJSON).")),
               format: Literal["json", "geojson"] = "json") -> Any:
    limit = limit or (MAP_LIMIT if format == "json" else None)
    with reading(request.app.state.engine) as conn:
        world = memoised(request, conn, ("world-map", limit),
                         lambda: resources.world_map(conn, limit))
    # Copies: the geojson branch below adds keys, and the memo must stay as computed.
    places, events = [dict(p) for p in world.places], [dict(e) for e in world.events]
    if format == "geojson":
        for p in places:
            p["kind"] = "place"
        for e in events:
            e["kind"] = "event"
        return geojson(places + events,
                       ["kind", "name", "country", "articles", "events", "killed", "injured"])
    return {"places": places, "events": events}


@router.get("/places/{name}", summary="One place: articles, stories and events there")
def api_place(request: Request, name: str) -> dict[str, Any]:
    with reading(request.app.state.engine) as conn:
        place = resources.place(conn, name)
    return found(place, f"place {name}")


@router.get("/search", summary="Full-text search (names in any known spelling), with a "
            "count, facets and highlighted snippets; best or newest first")
def api_search(request: Request, q: str = Query("", max_length=300),
               since: str | None = Query(None, max_length=40),
               until: str | None = Query(None, max_length=40),
               source: str | None = Query(None, max_length=200),
               person: str | None = Query(None, max_length=200),
               place: str | None = Query(None, max_length=200),
               language: str | None = Query(None, max_length=16),
               sort: Literal["relevance", "date"] = Query(
                   "relevance", description="relevance: best first; date: newest first."),
               page: int = page_q(), per_page: int = Query(20, ge=1, le=100)) -> dict[str, Any]:
    query = resources.search_query(q, since, until, source, person, place, language, sort)
    paging = Paging(page, per_page)
    with reading(request.app.state.engine) as conn:
        result = resources.search(conn, query, paging)
    body = envelope(request, Page(result["hits"], paging, result["has_more"]))
    body.update(query=q, sort=result["sort"], total=result["total"],
                total_exact=result["total_exact"], spellings=result["spellings"],
                facets=result["facets"], facet_depth=result["facet_depth"])
    return body


@router.get("/articles", summary="Stored articles, newest first")
def api_articles(request: Request, source: str | None = Query(None, max_length=200),
                 page: int = page_q(), per_page: int = per_page_q(),
                 format: Literal["json", "csv", "jsonl"] = "json") -> Any:
    if format != "json":
        rows = _export_rows("articles", source=source or None, with_analysis=False)
        return download(request, rows, format, "articles", ["id", "title", "url"])
    with reading(request.app.state.engine) as conn:
        items = resources.articles(conn, source, Paging(page, per_page))
    return paged(request, items)


@router.get("/articles/{article_id}",
            summary="One article with its analysis (europenews.analysis/1 JSON)")
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    with reading(request.app.state.engine) as conn:
        article = found(resources.article(conn, article_id), f"article {article_id}")
    if article["analysis"] is not None:
        article["analysis"].pop("text", None)  # already in the article
    return article


@router.get("/sources", summary="Each source's last fetch, articles today and error class")
def api_sources(request: Request) -> dict[str, Any]:
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    with reading(request.app.state.engine) as conn:
        status = resources.sources(conn, today)
    status["today"] = today
    return status


@router.get("/alerts", summary="Alert rules with their recent hits")
def api_alerts(request: Request) -> dict[str, Any]:
    with reading(request.app.state.engine) as conn:
        return {"items": resources.alerts(conn)}


@router.get("/alerts/{name}", summary="One alert rule with its hits, the latest first")
def api_alert(request: Request, name: str,
              limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
    with reading(request.app.state.engine) as conn:
        rule = resources.alert(conn, name, limit)
    return found(rule, f"alert {name}")


# A feed URL longer than this is not a feed URL (browsers and servers stop near 8 KB).
MAX_SOURCE_URL = 2048


class NewSource(BaseModel):
    url: str = Field(max_length=MAX_SOURCE_URL)
    kind: Literal["feed", "page", "opml"] = "feed"


def check_source_url(url: str) -> None:
    """Refuse (400) what cannot be a feed URL: another scheme, no host, spaces or control
    characters (the length is bounded by :class:`NewSource`)."""
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise HTTPException(400, "url: no spaces or control characters")
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if not url.lower().startswith(("http://", "https://")) or not host:
        raise HTTPException(400, "url: only http(s) URLs with a host can be added")


def require_admin(request: Request, authorization: str | None) -> None:
    token: str | None = request.app.state.admin_token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not token or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "admin token required", {"WWW-Authenticate": "Bearer"})


@admin_router.get("/sources", summary="Every source's stored row: full URL and last error")
def admin_sources(request: Request,
                  authorization: str | None = Header(None)) -> dict[str, Any]:
    require_admin(request, authorization)
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    with reading(request.app.state.engine) as conn:
        status = resources.admin_sources(conn, today)
    status["today"] = today
    return status


@admin_router.post("/sources", status_code=201, summary="Add a source for `run` to poll")
def admin_add_source(request: Request, body: NewSource,
                     authorization: str | None = Header(None)) -> dict[str, Any]:
    require_admin(request, authorization)
    check_source_url(body.url)
    from europenews.store.sources import ensure_source

    with map_db_errors(), request.app.state.engine.begin() as conn:
        state = ensure_source(conn, body.url, body.kind)
    return {"id": state.id, "url": state.url, "kind": state.kind}


@admin_router.post("/alerts", status_code=201, summary="Add or replace an alert rule")
def admin_add_alert(request: Request, body: dict[str, Any],
                    authorization: str | None = Header(None)) -> dict[str, Any]:
    """The body is a rule as in ``[[alerts]]`` (JSON): ``name`` and at least one of ``query``,
    ``entity``, ``quote``, ``event``, ``story``; a bad rule is a 400 saying what is wrong."""
    require_admin(request, authorization)
    from europenews.alerts.rules import parse_rule
    from europenews.errors import ConfigError
    from europenews.store.alerts import save_rule

    try:
        rule = parse_rule(body, "alert")
    except ConfigError as exc:
        raise HTTPException(400, str(exc)) from exc
    with map_db_errors(), request.app.state.engine.begin() as conn:
        save_rule(conn, rule.name, rule.to_json(), "api")
    return rule.to_dict()


@admin_router.delete("/alerts/{name}", summary="Delete an alert rule (its hits stay)")
def admin_delete_alert(request: Request, name: str,
                       authorization: str | None = Header(None)) -> dict[str, Any]:
    require_admin(request, authorization)
    from europenews.store.alerts import delete_rule

    with map_db_errors(), request.app.state.engine.begin() as conn:
        if not delete_rule(conn, name):
            raise HTTPException(404, f"alert {name}: not found")
    return {"deleted": name}
