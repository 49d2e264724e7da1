"""One exception handler: each error type has its status and one shape (JSON under /api/,
an HTML page elsewhere), whichever route raised it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import create_engine, text

from europenews.config import Settings
from europenews.errors import ConfigError, InputError, StoreError
from europenews.web.app import create_app
from europenews.web.errors import error_status

RAISED = {
    "input": InputError("since: not a date"),
    "store": StoreError("store: OperationalError: database is locked"),
    "config": ConfigError("europenews.toml: bad setting"),
    "bug": RuntimeError("a bug with a secret in its message"),
}
EXPECTED = [
    ("input", 400, "since: not a date"),
    ("store", 503, "database unavailable: store: OperationalError: database is locked"),
    ("config", 500, "internal error"),
    ("bug", 500, "internal error"),
]


def _app_raising(db: str) -> FastAPI:
    """The real app, plus one route per error type under /api/ and outside it."""
    app = create_app(Settings(db=db))

    def raiser(kind: str):
        def route() -> None:
            raise RAISED[kind]
        return route

    for kind in RAISED:
        app.add_api_route(f"/api/raise/{kind}", raiser(kind))
        app.add_api_route(f"/raise/{kind}", raiser(kind))
    return app


@pytest.fixture
def raising(tmp_path: Path, live_server) -> Iterator[str]:
    db = f"sqlite:///{tmp_path / 'errors.db'}"
    with live_server(Settings(db=db), app=_app_raising(db)) as server:
        yield server.url


@pytest.mark.parametrize(("kind", "status", "message"), EXPECTED,
                         ids=[kind for kind, _, _ in EXPECTED])
def test_errors_api_answers_status_and_message_as_json(raising: str, kind, status, message):
    r = httpx.get(f"{raising}/api/raise/{kind}")
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    assert r.json() == {"error": message, "status": status}


@pytest.mark.parametrize(("kind", "status", "message"), EXPECTED,
                         ids=[kind for kind, _, _ in EXPECTED])
def test_errors_pages_answer_status_and_message_as_html(raising: str, kind, status, message):
    r = httpx.get(f"{raising}/raise/{kind}")
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert f'<p class="error-message">{message}</p>' in r.text


def test_errors_unexpected_error_hides_its_message(raising: str):
    assert "secret" not in httpx.get(f"{raising}/api/raise/bug").text
    assert "secret" not in httpx.get(f"{raising}/raise/bug").text


@pytest.mark.parametrize(("path", "status"), [
    ("/api/stories?per_page=0", 400), ("/api/stories/nope", 404), ("/api/nowhere", 404),
], ids=["validation", "not-found", "no-route"])
def test_errors_framework_errors_have_the_same_shape(raising: str, path: str, status: int):
    r = httpx.get(f"{raising}{path}")
    assert r.status_code == status
    body = r.json()
    assert body.keys() == {"error", "status"} and body["status"] == status


def test_errors_broken_store_is_503_on_api_and_pages(tmp_path: Path, live_server):
    url = f"sqlite:///{tmp_path / 'broken.db'}"
    with live_server(Settings(db=url)) as server:
        engine = create_engine(url)
        with engine.begin() as conn:  # the database breaks while the site runs
            conn.execute(text("DROP TABLE story_members"))
            conn.execute(text("DROP TABLE stories"))
        engine.dispose()
        api = httpx.get(f"{server.url}/api/stories")
        page = httpx.get(f"{server.url}/")
    assert api.status_code == 503
    assert api.json() == {"error": "database unavailable: store: OperationalError: "
                                   "no such table: stories", "status": 503}
    assert page.status_code == 503 and "no such table: stories" in page.text


@pytest.mark.parametrize(("exc", "status"), [
    (InputError("x"), 400), (StoreError("x"), 503), (ConfigError("x"), 500),
    (ValueError("x"), 500),
], ids=["input", "store", "other-ours", "foreign"])
def test_errors_status_by_type(exc: Exception, status: int):
    assert error_status(exc)[0] == status
