"""``/api/status``: articles per stage, queues, every source with its error class.

Under ``run`` the app is created with ``create_app(settings, status=...)``: the job's own
snapshot (with its live counters) answers. Without a job (``serve``) the route answers from
the store alone (``stages.status.status_snapshot``). The site never reaches into the job.
The public answer names sources by name and host with a short error class
(``web.public.public_status``); ``/api/admin/status`` (``serve --admin``, with the token)
gives the snapshot in full.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse

from europenews.stages.status import status_snapshot
from europenews.web.api import require_admin
from europenews.web.public import public_status

StatusProvider = Callable[[], dict[str, Any]]


def full_status(request: Request) -> dict[str, Any]:
    """The status snapshot in full: the job's, or (``serve``) what the store knows."""
    provider: StatusProvider | None = getattr(request.app.state, "status", None)
    if provider is None:  # `serve`: what the store knows, without a running job
        return status_snapshot(request.app.state.engine)
    return provider()


def status_router(admin: bool = False) -> APIRouter:
    """``/api/status`` (public); with ``admin``, also ``/api/admin/status`` (in full)."""
    router = APIRouter()

    @router.get("/api/status", summary="Articles per stage, queues, every source with its "
                "error class; live counters while `run` serves the site")
    def api_status(request: Request) -> JSONResponse:
        return JSONResponse(public_status(full_status(request)))

    if admin:
        @router.get("/api/admin/status", summary="The status in full: source URLs, raw "
                    "errors, the analysis pipeline's error (admin token)")
        def admin_status(request: Request,
                         authorization: str | None = Header(None)) -> JSONResponse:
            require_admin(request, authorization)
            return JSONResponse(full_status(request))

    return router
