"""Server-rendered pages: each route reads its parameters, calls one ``store/views*`` function
and renders a template (autoescaped; article text is highlighted by ``web/markup.py``)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape

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
from europenews.store.views_geo import map_events, map_places, place_detail
from europenews.store.views_people import QuoteFilters, entity_detail, list_entities, search_quotes
from europenews.store.views_search import search_page
from europenews.web.geo import markers, view_box
from europenews.web.markup import article_spans, highlight

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

PER_PAGE = 25
# Markers per kind on the world map (the rest are in /api/places): keeps the page light.
MAP_MARKERS = 200


# A fresh Query per parameter: FastAPI binds a shared Query object to the first name it sees.
def page_no() -> Any:
    return Query(1, ge=1, le=10_000)


def text() -> Any:
    return Query(None, max_length=300)


_MARK = re.compile(r"\[([^\[\]]*)\]")


def render(request: Request, template: str, **context: Any) -> Response:
    return request.app.state.templates.TemplateResponse(request, template, context)


def pager(request: Request, page: int, has_more: bool) -> dict[str, Any]:
    """Links to the previous and next page, keeping the other parameters."""
    def link(n: int) -> str:
        return "?" + urlencode({**request.query_params, "page": n})

    return {"page": page, "prev": link(page - 1) if page > 1 else None,
            "next": link(page + 1) if has_more else None}


def snippet_markup(snippet: str) -> Markup:
    """A search snippet with the engine's ``[match]`` markers as ``<mark>``, all else escaped."""
    parts, last = [], 0
    for m in _MARK.finditer(snippet):
        parts.append(str(escape(snippet[last:m.start()])))
        parts.append(f"<mark>{escape(m.group(1))}</mark>")
        last = m.end()
    parts.append(str(escape(snippet[last:])))
    return Markup("".join(parts))


def map_context(places: list[dict[str, Any]], events: list[dict[str, Any]],
                zoom: bool = False) -> dict[str, Any]:
    place_marks = markers(places, "articles", "place")
    event_marks = markers(events, "killed", "event")
    points = [(m["x"], m["y"]) for m in place_marks + event_marks]
    box = view_box(points) if zoom else view_box([])
    # Keep markers about the same size on screen when zoomed (doubled: zoomed maps are small).
    scale = float(box.split()[2]) / 360.0
    scale = scale * 2 if zoom else scale
    for m in place_marks + event_marks:
        m["r"] = round(m["r"] * scale, 3)
    return {"view_box": box, "places": place_marks, "events": event_marks,
            "stroke": round(0.15 * scale, 3)}


def memoised(request: Request, conn: Any, key: Any, compute: Any) -> Any:
    """``compute()`` reused while the store is unchanged (``web/memo.py``)."""
    return request.app.state.memo.get(key, store_version(conn), compute)


@router.get("/")
def front(request: Request, page: int = page_no()) -> Response:
    with request.app.state.engine.connect() as conn:
        items, totals = memoised(request, conn, ("front", page), lambda: (
            front_stories(conn, limit=PER_PAGE + 1, offset=(page - 1) * PER_PAGE),
            counts(conn)))
    return render(request, "index.html", stories=items[:PER_PAGE], totals=totals,
                  pager=pager(request, page, len(items) > PER_PAGE))


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str) -> Response:
    with request.app.state.engine.connect() as conn:
        found = story_detail(conn, story_id)
        if found is None:
            raise HTTPException(404, "story not found")
        events = map_events(conn, story=story_id)
    return render(request, "story.html", story=found,
                  map=map_context(found["places"], events, zoom=True))


@router.get("/entities")
def entities_index(request: Request, type: str | None = Query(None, max_length=16),
                   q: str | None = text(), page: int = page_no()) -> Response:
    kind = type if type in ("person", "organization", "place", "misc") else None
    with request.app.state.engine.connect() as conn:
        items = list_entities(conn, kind, q, limit=50 + 1, offset=(page - 1) * 50)
    return render(request, "entities.html", entities=items[:50], type=kind, q=q or "",
                  pager=pager(request, page, len(items) > 50))


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: int, page: int = page_no()) -> Response:
    with request.app.state.engine.connect() as conn:
        found = entity_detail(conn, entity_id, PER_PAGE + 1, (page - 1) * PER_PAGE)
    if found is None:
        raise HTTPException(404, "entity not found")
    more = len(found["quotes"]) > PER_PAGE
    found["quotes"] = found["quotes"][:PER_PAGE]
    peak = max((p["articles"] for p in found["timeline"]), default=0)
    return render(request, "entity.html", entity=found, peak=peak,
                  pager=pager(request, page, more))


@router.get("/places")
def places_map(request: Request) -> Response:
    with request.app.state.engine.connect() as conn:
        places, events = memoised(request, conn, "map", lambda: (
            map_places(conn, MAP_MARKERS), map_events(conn, MAP_MARKERS)))
    return render(request, "map.html", places=places, events=events,
                  map=map_context(places, events))


@router.get("/places/{name}")
def place(request: Request, name: str) -> Response:
    with request.app.state.engine.connect() as conn:
        found = place_detail(conn, name)
    if found is None:
        raise HTTPException(404, "place not found")
    point = [{"name": found["name"], "lat": found["lat"], "lon": found["lon"],
              "articles": found["articles"]}]
    return render(request, "place.html", place=found,
                  map=map_context(point, found["events"], zoom=True))


@router.get("/quotes")
def quotes(request: Request, q: str | None = text(), speaker: str | None = text(),
           organization: str | None = text(), since: str | None = Query(None, max_length=40),
           until: str | None = Query(None, max_length=40),
           story: str | None = Query(None, max_length=64), page: int = page_no()) -> Response:
    filters = QuoteFilters(q or None, speaker or None, organization or None, since or None,
                           until or None, story or None)
    with request.app.state.engine.connect() as conn:
        items = search_quotes(conn, filters, PER_PAGE + 1, (page - 1) * PER_PAGE)
    return render(request, "quotes.html", quotes=items[:PER_PAGE], filters=filters,
                  pager=pager(request, page, len(items) > PER_PAGE))


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=300),
           since: str | None = Query(None, max_length=40),
           until: str | None = Query(None, max_length=40),
           source: str | None = text(), person: str | None = text(), place: str | None = text(),
           language: str | None = Query(None, max_length=16), page: int = page_no()) -> Response:
    filters = SearchFilters(since or None, until or None, source or None, person or None,
                            place or None)
    with request.app.state.engine.connect() as conn:
        result = search_page(conn, q, filters, language or None, 20, (page - 1) * 20)
    for hit in result["hits"]:
        hit["snippet_html"] = snippet_markup(hit["snippet"])
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    return render(request, "search.html", result=result, q=q, params=params,
                  filters=filters, language=language or "",
                  pager=pager(request, page, result["has_more"]))


@router.get("/articles")
def articles_index(request: Request, source: str | None = text(),
                   page: int = page_no()) -> Response:
    with request.app.state.engine.connect() as conn:
        items = list_articles(conn, 50 + 1, (page - 1) * 50, source or None)
    return render(request, "articles.html", articles=items[:50], source=source or "",
                  pager=pager(request, page, len(items) > 50))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str) -> Response:
    with request.app.state.engine.connect() as conn:
        found = article_detail(conn, article_id)
        if found is None:
            raise HTTPException(404, "article not found")
        payload = get_analysis_payload(conn, article_id)
    outer, inner = article_spans(payload, found["entity_ids"])
    body = highlight(found["text"], outer, inner)
    url = found["url"] or ""
    # Only http(s) links are clickable: a stored "javascript:" URL stays plain text.
    safe_url = url if url.lower().startswith(("http://", "https://")) else None
    return render(request, "article.html", article=found, body=body, analysis=payload or {},
                  safe_url=safe_url)


@router.get("/sources")
def sources_page(request: Request) -> Response:
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    with request.app.state.engine.connect() as conn:
        status, totals = memoised(request, conn, ("sources", today), lambda: (
            source_status(conn, today), counts(conn)))
    return render(request, "sources.html", status=status, totals=totals, today=today)
