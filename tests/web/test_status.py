"""/api/status: the job's status callable under `run`, the store alone under `serve`."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from europenews.config import Settings
from europenews.web.app import create_app


def get_status(app: FastAPI) -> tuple[int, Any]:
    """GET /api/status through the ASGI app in-process."""

    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/api/status")

    response = asyncio.run(fetch())
    return response.status_code, response.json()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=f"sqlite:///{tmp_path / 'web-status.db'}")


def test_status_answers_with_the_status_callable_given_to_the_app(settings: Settings) -> None:
    calls: list[int] = []

    def live() -> dict[str, Any]:
        calls.append(1)
        return {"schema": "europenews.status/1", "running": True, "run": {"new": 3}}

    status, body = get_status(create_app(settings, status=live))
    assert status == 200 and calls == [1]
    assert body["running"] is True and body["run"] == {"new": 3}


def test_status_without_a_job_answers_from_the_store(settings: Settings) -> None:
    status, body = get_status(create_app(settings))
    assert status == 200
    assert body["schema"] == "europenews.status/1"
    assert body["running"] is False and body["articles"]["total"] == 0 and "run" not in body
