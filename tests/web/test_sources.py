"""The Sources page and /api/sources: names not URLs, a filled status column (failing since /
waiting / ok), failing sources first, short error classes, and the same next-fetch time as
/api/status (issue #24)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import Engine

from europenews.config import Settings
from europenews.configfile import RunConfig
from europenews.runner.service import Service
from europenews.stages.status import status_snapshot
from europenews.stages.writer import WriteThread
from europenews.store.engine import open_store
from europenews.store.sources import ensure_source, record_failure, record_success
from europenews.web import resources
from europenews.web.sources import error_class, error_detail, ordered, public_source

SECRET_FEED = "https://reader:hunter2@feeds.example.org/world.xml?token=abc"
FOLDER = "/srv/newsroom/private/inbox"


@pytest.mark.parametrize(("error", "expected"), [
    (f"{SECRET_FEED}: HTTP 503", "HTTP 503"),
    ("https://a.example/f: timed out (ReadTimeout)", "timed out"),
    ("https://a.example/f: cannot resolve host 'a.example'", "host not found"),
    ("https://a.example/f: ConnectError: [Errno 111] Connection refused", "connection failed"),
    ("https://a.example/f: not a readable RSS/Atom feed (syntax error)", "not a feed"),
    (f"{FOLDER}/desk.txt: binary file, not text", "binary file"),
    (f"{FOLDER}: folder not found", "not found"),
    ("internal error: KeyError: 'x'", "internal error"),
    ("something nobody foresaw", "error"),
], ids=["http", "timeout", "dns", "refused", "not-feed", "binary", "missing", "internal",
        "other"])
def test_sources_error_class(error: str, expected: str):
    assert error_class(error) == expected


def test_sources_error_detail_hides_credentials_paths_and_internals():
    detail = error_detail(f"{SECRET_FEED}: HTTP 503", SECRET_FEED)
    assert detail == "HTTP 503"
    moved = error_detail(f"{SECRET_FEED}: redirected to {SECRET_FEED}&x=1 and failed",
                         "elsewhere")
    assert "hunter2" not in moved and "token" not in moved and "feeds.example.org" in moved
    assert error_detail(f"{FOLDER}/desk.txt: binary file, not text", FOLDER) == \
        "desk.txt: binary file, not text"
    assert error_detail("internal error: KeyError: 'secret'", "x") == \
        "internal error (the server log has the details)"
    assert error_detail(None, "x") is None


def _row(**values: object) -> dict[str, object]:
    row: dict[str, object] = {"id": 1, "url": SECRET_FEED, "kind": "feed", "name": None,
                              "title": None, "last_fetched_at": None, "last_status": None,
                              "last_error": None, "failure_count": 0, "failing_since": None,
                              "next_due_at": None}
    row.update(values)
    return row


def test_sources_public_view_names_the_source_not_its_url():
    view = public_source(_row(title="World desk"))
    assert (view["name"], view["host"], view["state"]) == ("World desk", "feeds.example.org",
                                                          "waiting")
    assert "url" not in view and "hunter2" not in str(view)
    assert public_source(_row(name="Wire (configured)", title="World"))["name"] == \
        "Wire (configured)"
    assert public_source(_row())["name"] == "feeds.example.org"
    local = public_source(_row(url=FOLDER, kind="file", last_fetched_at="2026-12-01T10:00:00Z"))
    assert (local["name"], local["host"], local["state"]) == ("inbox", None, "ok")
    assert "/srv" not in str(local)


def test_sources_failing_first_longest_failing_first():
    views = [public_source(_row(id=1, name="Calm", last_fetched_at="2026-12-01T10:00:00Z")),
             public_source(_row(id=2, name="New")),
             public_source(_row(id=3, name="Broken lately", last_error="x: HTTP 500",
                                failing_since="2026-12-02T09:00:00Z")),
             public_source(_row(id=4, name="Broken long", last_error="x: HTTP 404",
                                failing_since="2026-11-30T09:00:00Z"))]
    assert [v["name"] for v in ordered(views)] == ["Broken long", "Broken lately", "New", "Calm"]


def test_sources_failing_since_is_the_first_failure_of_a_run(db_url: str):
    engine = open_store(db_url)
    with engine.begin() as conn:
        source = ensure_source(conn, SECRET_FEED, "feed", "World desk")
        record_failure(conn, source.id, "x: HTTP 500")
    with engine.begin() as conn:
        first = ensure_source(conn, SECRET_FEED, "feed")
        record_failure(conn, source.id, "x: HTTP 502")
    with engine.begin() as conn:
        second = ensure_source(conn, SECRET_FEED, "feed")
        record_success(conn, source.id, status=200)
    with engine.begin() as conn:
        healed = ensure_source(conn, SECRET_FEED, "feed")
    engine.dispose()
    assert first.name == "World desk" and first.failing_since is not None
    assert second.failing_since == first.failing_since and second.failure_count == 2
    assert healed.failing_since is None and healed.last_error is None


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_store(f"sqlite:///{tmp_path / 'sources.db'}")
    yield engine
    engine.dispose()


def _today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


def test_issue_24_api_sources_and_status_agree_on_the_next_retry(engine: Engine):
    """Under ``run`` the scheduler's own (jittered) retry time is what both endpoints show."""
    service = Service(RunConfig(settings=Settings(db=str(engine.url))), serve=False)
    service.engine = engine
    service._writer = WriteThread(engine).start()
    try:
        with engine.begin() as conn:
            source = ensure_source(conn, SECRET_FEED, "feed", "World desk")
            record_failure(conn, source.id, f"{SECRET_FEED}: HTTP 503",
                           next_due_at="2000-01-01T00:00:00Z")  # the fetcher's own guess
        service.state.add_source(SECRET_FEED, "World desk", "feed")
        service._note_next_poll(SECRET_FEED, 937.0)
    finally:
        service.writer.close(5.0)
    [live] = status_snapshot(engine, service.state.live())["sources"]
    with engine.connect() as conn:
        [public] = resources.sources(conn, _today())["sources"]
    assert live["next_due_at"] == public["next_due_at"] != "2000-01-01T00:00:00Z"
    assert public["state"] == "failing" and public["error_class"] == "HTTP 503"


@pytest.mark.slow
def test_issue_24_sources_page_shows_status_names_and_failing_first(tmp_path: Path,
                                                                     live_server) -> None:
    url = f"sqlite:///{tmp_path / 'page.db'}"
    engine = open_store(url)
    with engine.begin() as conn:
        ok = ensure_source(conn, "https://calm.example/rss", "feed", "Calm desk")
        record_success(conn, ok.id, status=200, title="Calm Desk Feed")
        ensure_source(conn, "https://new.example/rss", "feed", "Newcomer")
        bad = ensure_source(conn, SECRET_FEED, "feed", "World desk")
        record_failure(conn, bad.id, f"{SECRET_FEED}: HTTP 503")
        record_failure(conn, bad.id, f"{SECRET_FEED}: HTTP 503")
        folder = ensure_source(conn, FOLDER, "file", "inbox")
        record_success(conn, folder.id, status=None)
    engine.dispose()
    with live_server(Settings(db=url)) as server:
        html = httpx.get(f"{server.url}/sources").text
        api = httpx.get(f"{server.url}/api/sources").json()
    rows = re.findall(r'<span class="name">([^<]+)</span>', html)
    assert rows[0] == "World desk" and set(rows) == {"World desk", "Newcomer", "Calm desk",
                                                      "inbox"}
    assert "failing since" in html and "(2 in a row)" in html
    assert "<summary>HTTP 503</summary>" in html and "waiting" in html and ">ok<" in html
    for secret in ("hunter2", "token=abc", "/srv/newsroom", "https://"):
        assert secret not in _source_rows(html)
        assert secret not in str(api["sources"])
    [inbox] = [s for s in api["sources"] if s["name"] == "inbox"]
    assert inbox["last_fetched_at"] and inbox["host"] is None and inbox["state"] == "ok"


def _source_rows(html: str) -> str:
    return html.split('<table class="list sources">', 1)[1].split("</table>", 1)[0]
