"""Issue 23, items 6 and 8: public pages and the API reveal no credentials, server paths or raw
internal errors; CSV exports neutralise formulas; odd ids, Host headers and huge admin
requests get a clean answer."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from europenews.cli.main import cli
from europenews.config import Settings
from europenews.ingest.fingerprint import article_keys
from europenews.model import Article
from europenews.store.articles import add_article, mark_failed
from europenews.store.engine import open_store
from europenews.store.sources import ensure_source, record_failure
from europenews.web.app import create_app

SECRET = "s3cret-feed-password"
FEED = f"https://reader:{SECRET}@feeds.example.org/private/rss"
FOLDER = "/srv/newsroom-secret/inbox"
INTERNAL = "10.20.30.40"
FORMULAS = ["=HYPERLINK(\"http://x.test\",\"click\")", "+SUM(1,2)", "-2+3", "@cmd", "\t=1+1",
            "\r=1+1"]


@pytest.fixture
def store(tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'exposed.db'}"
    engine = open_store(db)
    with engine.begin() as conn:
        feed = ensure_source(conn, FEED, "feed")
        record_failure(conn, feed.id, f"{FEED}: ConnectError: [Errno 111] Connection refused "
                                      f"by {INTERNAL}:8080 (see /etc/europenews/secrets.toml)")
        folder = ensure_source(conn, FOLDER, "file")
        record_failure(conn, folder.id, f"{FOLDER}/a.json: malformed JSON (nested too deeply)")
        for n, title in enumerate(FORMULAS):
            article = Article(text=f"Report {n} on the council vote held in the town hall.",
                              title=title, source=title)
            keys = article_keys(article)
            add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                        content_hash=keys.content_hash, source_id=folder.id)
        mark_failed(conn, keys.id, f"analysis failed: KeyError: '{FOLDER}/model/meta.json'")
    engine.dispose()
    return db


def _get(app: Any, path: str, **kwargs: Any) -> httpx.Response:
    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://site.test") as c:
            return await c.request(kwargs.pop("method", "GET"), path, **kwargs)

    return asyncio.run(fetch())


@pytest.fixture
def app(store: str) -> Iterator[Any]:
    yield create_app(Settings(db=store), admin_token="admin-token")


def _live_status() -> dict[str, Any]:
    """A running job's status in full, as ``run`` makes it."""
    return {"schema": "europenews.status/1", "running": True, "phase": "running",
            "pipeline_error": f"OSError: [Errno 2] No such file: '{FOLDER}/model'",
            "dask_dashboard": f"http://{INTERNAL}:8787/status",
            "sources": [{"name": FEED, "url": FEED, "kind": "feed", "configured": True,
                         "state": "failing", "last_error": f"{FEED}: timed out by {INTERNAL}",
                         "failure_count": 2, "last_fetched_at": None, "last_status": None,
                         "next_due_at": None}],
            "recent_failures": [{"at": "2026-12-08T10:00:00Z", "source": FEED,
                                 "error": f"{FEED}: HTTP 500 from {INTERNAL}"}]}


@pytest.mark.parametrize("path", ["/sources", "/api/sources", "/api/status"])
def test_issue_23_public_views_hide_credentials_paths_and_raw_errors(app: Any,
                                                                      path: str) -> None:
    response = _get(app, path)
    assert response.status_code == 200
    for leak in (SECRET, "reader:", FOLDER, "/srv/", "/etc/", INTERNAL):
        assert leak not in response.text, leak
    assert "feeds.example.org" in response.text  # the host is shown


def test_issue_23_public_sources_name_host_and_error_class(app: Any) -> None:
    rows = {s["host"]: s for s in _get(app, "/api/sources").json()["sources"]}
    feed = rows["feeds.example.org"]
    assert feed["error_class"] == "connection failed"
    assert feed["error"] == ("ConnectError: [Errno 111] Connection refused by an address "
                             "(see secrets.toml)")
    assert rows[None]["name"] == "inbox" and rows[None]["error_class"] == "malformed JSON"
    assert all("url" not in s and "last_error" not in s for s in rows.values())


def test_issue_23_live_status_is_sanitised_too(store: str) -> None:
    app = create_app(Settings(db=store), status=_live_status)
    body = _get(app, "/api/status").text
    for leak in (SECRET, FOLDER, INTERNAL, "8787", "Errno"):
        assert leak not in body, leak
    status = _get(app, "/api/status").json()
    assert status["sources"][0]["error_class"] == "timed out"
    assert status["sources"][0]["error"] == "timed out by an address"
    assert status["recent_failures"][0] == {"at": "2026-12-08T10:00:00Z",
                                            "source": "feeds.example.org",
                                            "error_class": "HTTP 500"}
    assert status["pipeline_error"] == "OSError" and "dask_dashboard" not in status


def test_issue_23_admin_views_show_everything_with_the_token(store: str) -> None:
    app = create_app(Settings(db=store), admin_token="admin-token", status=_live_status)
    auth = {"Authorization": "Bearer admin-token"}
    assert _get(app, "/api/admin/sources").status_code == 401
    assert SECRET in _get(app, "/api/admin/sources", headers=auth).text
    assert INTERNAL in _get(app, "/api/admin/status", headers=auth).text
    assert _get(app, "/api/admin/status").status_code == 401


def test_issue_23_failed_article_shows_the_error_class_only(app: Any) -> None:
    articles = _get(app, "/api/articles").json()["items"]
    failed = [a for a in articles if a.get("status") == "failed"] or articles
    detail = _get(app, f"/api/articles/{failed[0]['id']}").json()
    assert detail["error"] == "analysis failed" and FOLDER not in str(detail)
    page = _get(app, f"/articles/{failed[0]['id']}").text
    assert FOLDER not in page and "KeyError" not in page


@pytest.mark.parametrize("path", ["/api/entities/99999999999999999999",
                                  "/entities/99999999999999999999", "/api/entities/-1",
                                  "/api/entities/9223372036854775808"])
def test_issue_23_entity_id_beyond_64_bits_is_not_found(app: Any, path: str) -> None:
    assert _get(app, path).status_code == 404


def test_issue_23_host_header_never_reaches_next_links(app: Any) -> None:
    response = _get(app, "/api/articles?per_page=2", headers={"Host": "evil.test"})
    nxt = response.json()["next"]
    assert nxt == "/api/articles?per_page=2&page=2"
    follow = _get(app, nxt).json()
    assert follow["page"] == 2 and follow["items"]


@pytest.mark.parametrize("url", ["https://x.test/" + "a" * 1_000_000, "ftp://x.test/feed",
                                 "https://x.test/a b", "https:///nohost", "http://[::1"],
                         ids=["one-megabyte", "scheme", "space", "no-host", "broken"])
def test_issue_23_admin_refuses_what_cannot_be_a_feed_url(app: Any, url: str) -> None:
    response = _get(app, "/api/admin/sources", method="POST", json={"url": url},
                    headers={"Authorization": "Bearer admin-token"})
    assert response.status_code == 400
    assert len(response.text) < 2000  # the answer does not echo the megabyte back


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_issue_23_api_csv_neutralises_every_formula(app: Any) -> None:
    cells = _cells(_get(app, "/api/articles?format=csv&per_page=50").text)
    for formula in FORMULAS:
        assert formula not in cells and "'" + formula in cells


def test_issue_23_export_csv_neutralises_every_formula(store: str) -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "--db", store])
    assert result.exit_code == 0, result.output
    cells = _cells(result.stdout)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert all("'" + formula in cells for formula in FORMULAS)
