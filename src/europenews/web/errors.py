"""The one exception handler: every error the site or the API meets, by type, in one shape.

================================  ======  ====================================
exception                         status  message
================================  ======  ====================================
``HTTPException`` (routes)        its own its detail ("story x not found")
``RequestValidationError``        400     "invalid request: page: ..."
``InputError``                    400     its message
``QueryTimeout``                  503     its message ("search: stopped after 3 s; ...")
``StoreError``                    503     "database unavailable: <message>"
anything else                     500     "internal error" (logged with traceback)
================================  ======  ====================================

Under ``/api/`` the body is ``{"error": <message>, "status": <status>}``; elsewhere it is the
``error.html`` page. Database errors reach here as ``StoreError`` because the routes read the
store through ``store.engine.reading`` (``map_db_errors``).
"""

from __future__ import annotations

import logging
from typing import TypeVar

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from europenews.errors import EuropeNewsError, InputError, QueryTimeout, StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")


def found(value: T | None, what: str) -> T:
    """``value``, or a 404 saying ``what`` is not found when the store has no such thing."""
    if value is None:
        raise HTTPException(404, f"{what} not found")
    return value


def error_response(request: Request, status: int, message: str) -> Response:
    """The one error shape: JSON under /api/, an HTML page elsewhere."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message},
                                      status_code=status)


def _invalid_request(exc: RequestValidationError) -> str:
    problems = "; ".join(
        f"{'.'.join(str(p) for p in err.get('loc', ())[1:]) or 'request'}: {err.get('msg')}"
        for err in exc.errors())
    return f"invalid request: {problems}"


def error_status(exc: Exception) -> tuple[int, str]:
    """The status and the message the user sees for ``exc``."""
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, str(exc.detail)
    if isinstance(exc, RequestValidationError):
        return 400, _invalid_request(exc)
    if isinstance(exc, InputError):
        return 400, str(exc)
    if isinstance(exc, QueryTimeout):  # the store is fine: this query asked too much
        return 503, str(exc)
    if isinstance(exc, StoreError):
        return 503, f"database unavailable: {exc}"
    return 500, "internal error"


async def handle_error(request: Request, exc: Exception) -> Response:
    """Render ``exc`` as its status and message (see the table above)."""
    status, message = error_status(exc)
    if status == 500:
        log.error("internal error on %s", request.url.path, exc_info=exc)
    elif status == 503:
        log.error("store error on %s: %s", request.url.path, exc)
    response = error_response(request, status, message)
    if isinstance(exc, StarletteHTTPException):
        for key, value in (exc.headers or {}).items():  # e.g. WWW-Authenticate on a 401
            response.headers[key] = value
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through :func:`handle_error`.

    One function, registered per family: Starlette sends the ``Exception`` catch-all through
    its outermost middleware, which re-raises after answering (a traceback in the server log),
    so the expected families are registered by name and only real surprises take that path."""
    for family in (StarletteHTTPException, RequestValidationError, EuropeNewsError, Exception):
        app.add_exception_handler(family, handle_error)
