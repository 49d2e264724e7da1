"""/api/status as `run` serves it: live counters of the running job, or the store alone."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.engine import Engine

from europenews.config import Settings
from europenews.runner.state import RunState
from europenews.store.engine import open_store
from europenews.web.status import build_app, status_router


def get_status(app: FastAPI) -> tuple[int, Any]:
    """GET /api/status through the ASGI app in-process."""

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/api/status")

    response = asyncio.run(fetch())
    return response.status_code, response.json()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'web-status.db'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def test_status_run_app_serves_live_counters(db_url: str, engine: Engine) -> None:
    state = RunState()
    state.add_source("https://a.example/rss", "Desk A", "feed")
    status, body = get_status(build_app(Settings(db=db_url), engine, state))
    assert status == 200
    assert body["schema"] == "europenews.status/1" and "run" in body
    assert [s["name"] for s in body["sources"]] == ["Desk A"]


def test_status_router_without_a_job_answers_from_the_store(engine: Engine) -> None:
    app = FastAPI()
    app.state.engine = engine
    app.include_router(status_router())
    _status, body = get_status(app)
    assert body["running"] is False and body["articles"]["total"] == 0
