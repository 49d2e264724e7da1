"""The JSON API under ``/api/``: the same data as the pages, paged, with CSV/JSONL/GeoJSON
exports where a table or a map makes sense. Read-only; ``admin_router`` is only mounted by
``serve --admin`` and every call needs the admin token.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, Literal

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from europenews.store.articles import get_analysis_payload
from europenews.store.search import SearchFilters
from europenews.store.views import (
    article_detail,
    counts,
    front_stories,
    list_articles,
    source_status,
    store_version,
    story_detail,
)
from europenews.store.views_geo import list_events, map_events, map_places, place_detail
from europenews.store.views_people import QuoteFilters, entity_detail, list_entities, search_quotes
from europenews.store.views_search import search_page

router = APIRouter(prefix="/api", tags=["api"])
admin_router = APIRouter(prefix="/api/admin", tags=["admin"])



# A fresh Query per parameter: FastAPI binds a shared Query object to the first name it sees.
def page_q() -> Any:
    return Query(1, ge=1, le=10_000, description="Page number, from 1.")


def per_page_q() -> Any:
    return Query(50, ge=1, le=500, description="Items per page.")



def paged(request: Request, items: list[Any], page: int, per_page: int,
          has_more: bool | None = None) -> dict[str, Any]:
    """The common list envelope; ``next`` is the URL of the next page, or null."""
    more = len(items) > per_page if has_more is None else has_more
    nxt = str(request.url.include_query_params(page=page + 1)) if more else None
    return {"items": items[:per_page], "page": page, "per_page": per_page, "next": nxt}


def conn_of(request: Request) -> Any:
    return request.app.state.engine.connect()


def _csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        # A cell starting with = + - @ is a formula to spreadsheets: neutralise it.
        writer.writerow({k: (f"'{v}" if isinstance(v, str) and v[:1] in "=+-@" else v)
                         for k, v in row.items()})
    return out.getvalue()


def export(rows: list[dict[str, Any]], fmt: str, name: str) -> Response:
    if fmt == "csv":
        columns = list(rows[0].keys()) if rows else ["id"]
        return Response(_csv(rows, columns), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return Response(body, media_type="application/x-ndjson",
                    headers={"Content-Disposition": f'attachment; filename="{name}.jsonl"'})


def geojson(rows: list[dict[str, Any]], props: list[str]) -> JSONResponse:
    features = [
        {"type": "Feature",
         "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
         "properties": {k: r.get(k) for k in props}}
        for r in rows if r.get("lat") is not None and r.get("lon") is not None
    ]
    return JSONResponse({"type": "FeatureCollection", "features": features},
                        media_type="application/geo+json")


@router.get("/stories", summary="Top stories now (ranked by growth, sources and size)")
def api_stories(request: Request, page: int = page_q(),
                per_page: int = per_page_q()) -> dict[str, Any]:
    with conn_of(request) as conn:
        items = request.app.state.memo.get(
            ("api-stories", page, per_page), store_version(conn),
            lambda: front_stories(conn, limit=per_page + 1, offset=(page - 1) * per_page))
    return paged(request, items, page, per_page)


@router.get("/stories/{story_id}", summary="One story: articles, entities, quotes, casualties")
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    with conn_of(request) as conn:
        story = story_detail(conn, story_id)
    if story is None:
        raise HTTPException(404, f"story {story_id} not found")
    return story


@router.get("/entities", summary="People, organisations, places, most written-about first")
def api_entities(request: Request, type: Literal["person", "organization", "place", "misc"]
                 | None = None, q: str | None = Query(None, max_length=200),
                 page: int = page_q(), per_page: int = per_page_q()) -> dict[str, Any]:
    with conn_of(request) as conn:
        items = list_entities(conn, type, q, limit=per_page + 1, offset=(page - 1) * per_page)
    return paged(request, items, page, per_page)


@router.get("/entities/{entity_id}", summary="One entity: roles, quotes by/about, stories")
def api_entity(request: Request, entity_id: int, page: int = page_q(),
               per_page: int = Query(30, ge=1, le=200)) -> dict[str, Any]:
    with conn_of(request) as conn:
        entity = entity_detail(conn, entity_id, per_page, (page - 1) * per_page)
    if entity is None:
        raise HTTPException(404, f"entity {entity_id} not found")
    return entity


@router.get("/quotes", summary="Search quotes by text, speaker, organisation, date, story")
def api_quotes(request: Request, q: str | None = Query(None, max_length=300),
               speaker: str | None = Query(None, max_length=200),
               organization: str | None = Query(None, max_length=200),
               since: str | None = Query(None, max_length=40),
               until: str | None = Query(None, max_length=40),
               story: str | None = Query(None, max_length=64), page: int = page_q(),
               per_page: int = per_page_q(),
               format: Literal["json", "csv", "jsonl"] = "json") -> Any:
    filters = QuoteFilters(q, speaker, organization, since, until, story)
    with conn_of(request) as conn:
        items = search_quotes(conn, filters, limit=per_page + 1, offset=(page - 1) * per_page)
    if format != "json":
        return export(items[:per_page], format, "quotes")
    return paged(request, items, page, per_page)


@router.get("/events", summary="Violent and disaster events with casualties and coordinates")
def api_events(request: Request, place: str | None = Query(None, max_length=200),
               country: str | None = Query(None, max_length=8),
               story: str | None = Query(None, max_length=64), page: int = page_q(),
               per_page: int = per_page_q(),
               format: Literal["json", "csv", "jsonl", "geojson"] = "json") -> Any:
    with conn_of(request) as conn:
        items = list_events(conn, per_page + 1, (page - 1) * per_page, place, country, story)
    if format == "geojson":
        return geojson(items[:per_page], [k for k in items[0] if k not in ("lat", "lon")]
                       if items else [])
    if format != "json":
        return export(items[:per_page], format, "events")
    return paged(request, items, page, per_page)


@router.get("/places", summary="Places on the map: mentions and events (sized by casualties)")
def api_places(request: Request, limit: int = Query(400, ge=1, le=2000),
               format: Literal["json", "geojson"] = "json") -> Any:
    with conn_of(request) as conn:
        places, events = request.app.state.memo.get(
            ("api-places", limit), store_version(conn),
            lambda: (map_places(conn, limit), map_events(conn, limit)))
        # Copies: the geojson branch below adds keys, and the memo must stay as computed.
        places, events = [dict(p) for p in places], [dict(e) for e in events]
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
    with conn_of(request) as conn:
        place = place_detail(conn, name)
    if place is None:
        raise HTTPException(404, f"place {name} not found")
    return place


@router.get("/search", summary="Full-text search with facets and highlighted snippets")
def api_search(request: Request, q: str = Query("", max_length=300),
               since: str | None = Query(None, max_length=40),
               until: str | None = Query(None, max_length=40),
               source: str | None = Query(None, max_length=200),
               person: str | None = Query(None, max_length=200),
               place: str | None = Query(None, max_length=200),
               language: str | None = Query(None, max_length=16),
               page: int = page_q(), per_page: int = Query(20, ge=1, le=100)) -> dict[str, Any]:
    filters = SearchFilters(since or None, until or None, source or None, person or None,
                            place or None)
    with conn_of(request) as conn:
        result = search_page(conn, q, filters, language or None, per_page,
                             (page - 1) * per_page)
    body = paged(request, result["hits"], page, per_page, result["has_more"])
    body.update(query=q, facets=result["facets"], facet_depth=result["facet_depth"])
    return body


@router.get("/articles", summary="Stored articles, newest first")
def api_articles(request: Request, source: str | None = Query(None, max_length=200),
                 page: int = page_q(), per_page: int = per_page_q(),
                 format: Literal["json", "csv", "jsonl"] = "json") -> Any:
    with conn_of(request) as conn:
        items = list_articles(conn, per_page + 1, (page - 1) * per_page, source)
    if format != "json":
        return export(items[:per_page], format, "articles")
    return paged(request, items, page, per_page)


@router.get("/articles/{article_id}",
            summary="One article with its analysis (europenews.analysis/1 JSON)")
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    with conn_of(request) as conn:
        article = article_detail(conn, article_id)
        if article is None:
            raise HTTPException(404, f"article {article_id} not found")
        article["analysis"] = get_analysis_payload(conn, article_id)
    if article["analysis"] is not None:
        article["analysis"].pop("text", None)  # already in the article
    return article


@router.get("/sources", summary="Each source's last fetch, articles today and last error")
def api_sources(request: Request) -> dict[str, Any]:
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    with conn_of(request) as conn:
        status = source_status(conn, today)
        status["counts"] = counts(conn)
    status["today"] = today
    return status


class NewSource(BaseModel):
    url: str
    kind: Literal["feed", "page", "opml"] = "feed"


def require_admin(request: Request, authorization: str | None) -> None:
    token: str | None = request.app.state.admin_token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not token or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "admin token required", {"WWW-Authenticate": "Bearer"})


@admin_router.post("/sources", status_code=201, summary="Add a source for `run` to poll")
def admin_add_source(request: Request, body: NewSource,
                     authorization: str | None = Header(None)) -> dict[str, Any]:
    require_admin(request, authorization)
    if not body.url.startswith(("http://", "https://")):
        raise HTTPException(400, "url: only http(s) URLs can be added")
    from europenews.store.sources import ensure_source

    with request.app.state.engine.begin() as conn:
        state = ensure_source(conn, body.url, body.kind)
    return {"id": state.id, "url": state.url, "kind": state.kind}
