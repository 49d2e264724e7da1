"""``/api/status``: articles per stage, queues, every source with its last error.

Under ``run`` the app is created with ``create_app(settings, status=...)``: the job's own
snapshot (with its live counters) answers. Without a job (``serve``) the route answers from
the store alone (``stages.status.status_snapshot``). The site never reaches into the job.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from europenews.stages.status import status_snapshot

StatusProvider = Callable[[], dict[str, Any]]


def status_router() -> APIRouter:
    router = APIRouter()

    @router.get("/api/status", summary="Articles per stage, queues, every source with its "
                "last error; live counters while `run` serves the site")
    def api_status(request: Request) -> JSONResponse:
        provider: StatusProvider | None = getattr(request.app.state, "status", None)
        if provider is None:  # `serve`: what the store knows, without a running job
            return JSONResponse(status_snapshot(request.app.state.engine))
        return JSONResponse(provider())

    return router
