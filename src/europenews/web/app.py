"""The web application: ``create_app(settings) -> FastAPI`` (no app is built at import).

Pages (``web/pages.py``) and the JSON API (``web/api.py``) get their data from the same
functions (``web/resources.py``, one per resource, over ``store/views*.py``). The site is
read-only: no route changes data unless the app is created with an ``admin_token``
(``europenews serve --admin``), and then only with that token. One exception handler
(``web/errors.py``) renders every error by type: ``{"error": ..., "status": ...}`` under
``/api/``, an HTML page elsewhere.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from importlib import resources
from types import FrameType
from typing import Any
from urllib.parse import urlencode

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader

from europenews import __version__
from europenews.config import Settings
from europenews.ingest.headlines import clean_headline
from europenews.store.engine import stop_reads_on
from europenews.web.errors import error_response, install_error_handlers
from europenews.web.head import HeadAsGet
from europenews.web.memo import StoreMemo
from europenews.wording import date_span, language_name, plural, short_date

# Everything is served from this origin: no CDN, no inline script, no outside request.
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def headline(title: str | None, source: str | None = None, url: str | None = None) -> str:
    """A stored title as shown: without the outlet's name and slogans (titles stored before
    that cleanup read clean too), or "(untitled)"."""
    return clean_headline(title, source, url) or "(untitled)"


def query_with(params: dict[str, str], **changes: str) -> str:
    """A query string: ``params`` with ``changes`` applied (and paging reset)."""
    merged = {k: v for k, v in params.items() if k != "page"}
    merged.update(changes)
    return urlencode(merged)


def schema_type(schema: dict[str, Any] | None) -> str:
    """'integer', 'string | null', or the allowed values, for the /docs page."""
    if not schema:
        return ""
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(schema_type(s) for s in schema["anyOf"])
    return str(schema.get("type", ""))


def make_templates() -> Jinja2Templates:
    env = Environment(loader=PackageLoader("europenews.web", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["short_date"] = short_date
    env.filters["plural"] = plural
    env.filters["date_span"] = date_span
    env.filters["headline"] = headline
    env.filters["query_with"] = query_with
    env.filters["schema_type"] = schema_type
    env.filters["language_name"] = language_name
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def create_app(settings: Settings, admin_token: str | None = None,
               status: Callable[[], dict[str, Any]] | None = None) -> FastAPI:
    """The site and API over ``settings.db``; ``admin_token`` enables the admin endpoints;
    ``status`` (``run``'s live status JSON) answers ``/api/status`` instead of the store."""
    from europenews.store.engine import open_store
    from europenews.web import api, feeds, pages
    from europenews.web.geo import world_svg
    from europenews.web.status import status_router

    engine = open_store(settings.db)
    # Set when the server is told to stop (and the grace period is over): reads still running
    # end at once instead of holding the process (``store.engine.stop_reads_on``).
    stopping = threading.Event()
    stop_reads_on(engine, stopping)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        stopping.set()
        engine.dispose()

    app = FastAPI(title="EuropeNews", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # /docs is our own page: Swagger needs a CDN
                  description="Stories, people, quotes, events and places from the news. "
                              "Read-only JSON; every list is paged with `page`/`per_page`.")
    app.state.settings = settings
    app.state.engine = engine
    app.state.templates = make_templates()
    app.state.world_svg = world_svg()
    app.state.admin_token = admin_token
    app.state.status = status
    app.state.memo = StoreMemo()
    app.state.stopping = stopping
    app.state.started = datetime.now()

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    install_error_handlers(app)
    static = resources.files("europenews.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(feeds.router)
    app.include_router(status_router(admin=admin_token is not None))
    if admin_token:
        app.include_router(api.admin_router)
    app.include_router(pages.router)

    favicon = static.joinpath("favicon.ico").read_bytes()

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon_ico() -> Response:
        # Browsers and feed readers ask for /favicon.ico whatever the page links to.
        return Response(favicon, media_type="image/x-icon",
                        headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/world.svg", include_in_schema=False)
    def world() -> Response:
        return Response(app.state.world_svg, media_type="image/svg+xml",
                        headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        templates: Jinja2Templates = request.app.state.templates
        return templates.TemplateResponse(request, "docs.html", {"spec": app.openapi()})

    # Outermost, so a HEAD passes through every other layer as the GET it stands for.
    app.add_middleware(HeadAsGet)
    return app


# Seconds a stopping server gives the requests in hand before their reads are ended.
GRACE_SECONDS = 2.0


class AppServer(uvicorn.Server):
    """uvicorn's server for an app of :func:`create_app`: told to exit (SIGINT, SIGTERM or
    :meth:`begin_exit`), it stops accepting requests, lets those in hand finish for
    :data:`GRACE_SECONDS`, then ends the reads still running, so it stops promptly whatever a
    request is doing."""

    def __init__(self, config: uvicorn.Config, stopping: threading.Event) -> None:
        super().__init__(config)
        self._stopping = stopping

    def begin_exit(self) -> None:
        """Stop serving: no new requests, and the reads in hand end after the grace period."""
        self.should_exit = True
        self._end_reads_later()

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)  # first: uvicorn tells a second Ctrl-C from the first
        self._end_reads_later()

    def _end_reads_later(self) -> None:
        timer = threading.Timer(GRACE_SECONDS, self._stopping.set)
        timer.daemon = True
        timer.start()


def app_server(app: FastAPI, **options: Any) -> AppServer:
    """An :class:`AppServer` for ``app`` (``options`` as for ``uvicorn.Config``)."""
    config = uvicorn.Config(app, access_log=False,
                            timeout_graceful_shutdown=int(GRACE_SECONDS) + 1, **options)
    return AppServer(config, app.state.stopping)


def serve_app(settings: Settings, host: str = "127.0.0.1", port: int = 8000,
              admin_token: str | None = None, log_level: str = "info",
              announce: Callable[[str], None] | None = None) -> None:
    """Serve the site with uvicorn until stopped (what ``serve`` calls).

    ``announce`` gets one line once the app is built (the database opened), before serving.
    """
    app = create_app(settings, admin_token=admin_token)
    if announce is not None:
        from europenews.store.engine import safe_url

        announce(f"serving http://{host}:{port}/ (database {safe_url(settings.db)})")
    app_server(app, host=host, port=port, log_level=log_level).run()


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory europenews.web.app:app_from_env``."""
    from europenews.config import settings_from_env

    return create_app(settings_from_env())


__all__ = ["app_from_env", "create_app", "error_response", "serve_app"]
