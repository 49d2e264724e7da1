"""Server-rendered pages: each route reads its parameters, asks ``web/resources.py`` for the
data (the API's twin route asks the same function) and renders a template (autoescaped;
article text is highlighted by ``web/markup.py``)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from europenews.alerts.match import alert_level
from europenews.store.engine import reading
from europenews.web import resources
from europenews.web.errors import found
from europenews.web.geo import markers, view_box
from europenews.web.markup import article_spans, highlight, parse_mark, with_mark
from europenews.web.memo import memoised
from europenews.web.resources import Paging

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
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context)


def rendered(request: Request, template: str, **context: Any) -> str:
    """The page as HTML text, for pages kept in the memo (their templates read nothing of the
    request but what ``context`` holds)."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.get_template(template).render(request=request, **context)


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


@router.get("/")
def front(request: Request, page: int = page_no()) -> Response:
    paging = Paging(page, PER_PAGE)

    def page_html(conn: Any) -> str:
        top, totals = resources.top_stories(conn, paging), resources.totals(conn)
        return rendered(request, "index.html", stories=top.items, totals=totals,
                        ranked=min(totals["stories"], resources.FRONT_CANDIDATES),
                        pager=pager(request, page, top.has_more))

    # The most requested page: rendered once per change of the store.
    with reading(request.app.state.engine) as conn:
        body = memoised(request, conn, ("front", page), lambda: page_html(conn))
    return HTMLResponse(body)


@router.get("/archive")
def archive(request: Request, since: str | None = Query(None, max_length=40),
            until: str | None = Query(None, max_length=40),
            country: str | None = Query(None, max_length=8),
            sort: str | None = Query(None, max_length=16), page: int = page_no()) -> Response:
    filters = resources.archive_filters(since, until, country, sort)
    with reading(request.app.state.engine) as conn:
        found_ = resources.archive(conn, filters, Paging(page, 50))
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    return render(request, "archive.html", stories=found_.page.items, total=found_.total,
                  countries=found_.countries, filters=filters, params=params,
                  pager=pager(request, page, found_.page.has_more))


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str) -> Response:
    def page_html(conn: Any) -> str | None:
        shown = resources.story(conn, story_id)
        if shown is None:
            return None
        events = resources.story_map(conn, story_id)
        return rendered(request, "story.html", story=shown,
                        brief=resources.brief(conn, story_id), base="",
                        map=map_context(shown["places"], events, zoom=True))

    # Read far more often than it changes: rendered once per change of the store.
    with reading(request.app.state.engine) as conn:
        body = found(memoised(request, conn, ("story", story_id), lambda: page_html(conn)),
                     "story")
    return HTMLResponse(body)


@router.get("/entities")
def entities_index(request: Request, type: str | None = Query(None, max_length=16),
                   q: str | None = text(), page: int = page_no()) -> Response:
    kind = resources.entity_type(type)
    with reading(request.app.state.engine) as conn:
        items = resources.entities(conn, kind, q, Paging(page, 50))
    return render(request, "entities.html", entities=items.items, type=kind, q=q or "",
                  pager=pager(request, page, items.has_more))


@router.get("/entities/{entity_id}")
def entity(request: Request, entity_id: int, page: int = page_no()) -> Response:
    with reading(request.app.state.engine) as conn:
        shown = found(resources.entity(conn, entity_id, Paging(page, PER_PAGE)), "entity")
    peak = max((p["articles"] for p in shown.entity["timeline"]), default=0)
    return render(request, "entity.html", entity=shown.entity, peak=peak,
                  pager=pager(request, page, shown.more_quotes))


@router.get("/places")
def places_map(request: Request) -> Response:
    with reading(request.app.state.engine) as conn:
        world = memoised(request, conn, ("world-map", MAP_MARKERS),
                         lambda: resources.world_map(conn, MAP_MARKERS))
    return render(request, "map.html", places=world.places, events=world.events,
                  map=map_context(world.places, world.events))


@router.get("/places/{name}")
def place(request: Request, name: str) -> Response:
    with reading(request.app.state.engine) as conn:
        shown = found(resources.place(conn, name), "place")
    point = [{"name": shown["name"], "lat": shown["lat"], "lon": shown["lon"],
              "articles": shown["articles"]}]
    return render(request, "place.html", place=shown,
                  map=map_context(point, shown["events"], zoom=True))


@router.get("/quotes")
def quotes(request: Request, q: str | None = text(), speaker: str | None = text(),
           organization: str | None = text(), since: str | None = Query(None, max_length=40),
           until: str | None = Query(None, max_length=40),
           story: str | None = Query(None, max_length=64), page: int = page_no(),
           shown: Literal["shown", "all"] = "shown") -> Response:
    filters = resources.quote_filters(q, speaker, organization, since, until, story, shown)
    with reading(request.app.state.engine) as conn:
        items = resources.quotes(conn, filters, Paging(page, PER_PAGE))
    return render(request, "quotes.html", quotes=items.items, filters=filters,
                  pager=pager(request, page, items.has_more))


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=300),
           since: str | None = Query(None, max_length=40),
           until: str | None = Query(None, max_length=40),
           source: str | None = text(), person: str | None = text(), place: str | None = text(),
           language: str | None = Query(None, max_length=16),
           sort: str | None = Query(None, max_length=16), page: int = page_no()) -> Response:
    query = resources.search_query(q, since, until, source, person, place, language, sort)
    with reading(request.app.state.engine) as conn:
        result = resources.search(conn, query, Paging(page, 20))
    for hit in result["hits"]:
        hit["snippet_html"] = snippet_markup(hit["snippet"])
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    return render(request, "search.html", result=result, q=q, params=params,
                  filters=query.filters, language=language or "", sort=query.sort,
                  pager=pager(request, page, result["has_more"]))


@router.get("/articles")
def articles_index(request: Request, source: str | None = text(),
                   page: int = page_no()) -> Response:
    with reading(request.app.state.engine) as conn:
        items = resources.articles(conn, source, Paging(page, 50))
    return render(request, "articles.html", articles=items.items, source=source or "",
                  pager=pager(request, page, items.has_more))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str,
            mark: str | None = Query(None, max_length=40)) -> Response:
    with reading(request.app.state.engine) as conn:
        shown = found(resources.article(conn, article_id), "article")
    payload = shown["analysis"]
    outer, inner = article_spans(payload, shown["entity_ids"])
    body = highlight(shown["text"], with_mark(outer, parse_mark(mark)), inner)
    url = shown["url"] or ""
    # Only http(s) links are clickable: a stored "javascript:" URL stays plain text.
    safe_url = url if url.lower().startswith(("http://", "https://")) else None
    return render(request, "article.html", article=shown, body=body, analysis=payload or {},
                  safe_url=safe_url)


@router.get("/alerts")
def alerts_page(request: Request) -> Response:
    with reading(request.app.state.engine) as conn:
        rules = resources.alerts(conn)
    return render(request, "alerts.html", alerts=rules, level=alert_level())


@router.get("/sources")
def sources_page(request: Request) -> Response:
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    with reading(request.app.state.engine) as conn:
        status = memoised(request, conn, ("sources", today),
                          lambda: resources.sources(conn, today))
    return render(request, "sources.html", status=status, totals=status["counts"], today=today)
