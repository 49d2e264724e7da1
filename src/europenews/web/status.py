"""``/api/status`` with the live counters of a running ``europenews run``.

``build_app(settings, engine, state)`` is what ``run`` serves: the site from
``web.app.create_app(settings)`` with the job's :class:`~europenews.runner.state.RunState`
put on ``app.state.run_state`` and a status provider on ``app.state.status_snapshot``
(a no-argument callable returning the JSON of :func:`europenews.runner.state.status_snapshot`),
so the site's sources/status page can show the live figures. When the site has no
``/api/status`` of its own, the route below is added (the site may include
``status_router()`` itself: without a running job it answers from the store alone); while
the site module is missing, a minimal status page stands in for it, so ``run`` always
serves something useful.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from sqlalchemy.engine import Engine

from europenews.config import Settings
from europenews.runner.state import RunState, status_snapshot


def status_router() -> APIRouter:
    router = APIRouter()

    @router.get("/api/status", summary="Articles per stage, queues, every source with its "
                "last error; live counters while `run` serves the site")
    def api_status(request: Request) -> JSONResponse:
        provider: Callable[[], dict[str, Any]] | None = getattr(
            request.app.state, "status_snapshot", None)
        if provider is None:  # `serve`: what the store knows, without a running job
            return JSONResponse(status_snapshot(request.app.state.engine))
        return JSONResponse(provider())

    return router


def _has_route(app: FastAPI, path: str) -> bool:
    return any(getattr(route, "path", None) == path for route in app.router.routes)


def build_app(settings: Settings, engine: Engine, state: RunState) -> FastAPI:
    """The site for ``run``, wired to the job's live status."""
    try:
        from europenews.web.app import create_app
    except ModuleNotFoundError as exc:
        if exc.name != "europenews.web.app":
            raise
        app = _fallback_app()
    else:
        app = create_app(settings)
    app.state.run_state = state
    app.state.status_snapshot = lambda: status_snapshot(engine, state)
    if not _has_route(app, "/api/status"):
        app.include_router(status_router())
    return app


def _fallback_app() -> FastAPI:
    app = FastAPI(title="EuropeNews")

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        return HTMLResponse(render_status_html(request.app.state.status_snapshot()))

    return app


def render_status_html(status: dict[str, Any]) -> str:
    """A plain status page (used only while the real site is not installed)."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(str(s['name']))}</td><td>{e(s['state'])}</td>"
        f"<td>{e(str(s['last_error'] or ''))}</td></tr>"
        for s in status["sources"]
    )
    a = status["articles"]
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>EuropeNews status</title>"
        f"<h1>EuropeNews</h1><p>{a['total']} articles ({a['fetched']} waiting for analysis, "
        f"{a['clustered']} in {status['stories']} stories)</p>"
        f"<table><tr><th>source</th><th>state</th><th>error</th></tr>{rows}</table></html>"
    )
