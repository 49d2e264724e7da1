"""Web fixtures: a store built by the real ingest code, the app served by uvicorn on
127.0.0.1 in a thread, and a headless Debian Chromium driven by Playwright."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from europenews.config import Settings
from europenews.web.app import create_app

DATA = Path(__file__).resolve().parent.parent / "data" / "web"
SEED = Path(__file__).resolve().parents[2] / "examples" / "ukraine-nato-security-guarantees.txt"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def _shared_sample(shared: Path, out: Path) -> Path | None:
    """A few real articles from ../shared/data (one multi-article incident, read in place)."""
    source = shared / "clustering" / "gva-incidents" / "articles.jsonl"
    if not source.exists():
        return None
    by_story: dict[str, list[dict[str, object]]] = {}
    with source.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            by_story.setdefault(str(row.get("story")), []).append(row)
            if len(by_story) > 200:
                break
    group = max(by_story.values(), key=len)[:3]
    with out.open("w", encoding="utf-8") as f:
        for row in group:
            keep = {k: row[k] for k in ("id", "title", "text", "url", "published", "source",
                                        "language") if k in row}
            f.write(json.dumps(keep, ensure_ascii=False) + "\n")
    return out


@pytest.fixture(scope="session")
def web_db(nlp, tmp_path_factory) -> str:
    """An SQLite store loaded through ``ingest_sources``: the seed article, our own short
    articles (one story told three ways), a stored XSS payload and a few real articles."""
    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings
    from europenews.store.engine import open_store

    folder = tmp_path_factory.mktemp("webdb")
    url = f"sqlite:///{folder / 'web.db'}"
    inputs = [str(SEED), str(DATA / "articles.jsonl"), str(DATA / "xss.jsonl")]
    shared = Path(__file__).resolve().parents[3] / "shared" / "data"
    if sample := _shared_sample(shared, folder / "shared-sample.jsonl"):
        inputs.append(str(sample))
    engine = open_store(url)
    try:
        summary = ingest_sources(inputs, engine, nlp, IngestSettings())
    finally:
        engine.dispose()
    # Our own articles must all make it; a real article that another stage rejects must not
    # take every web test down with it.
    assert summary.analysed >= 6, summary.failures
    return url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """The app on a real uvicorn server in a thread (stopped at teardown)."""

    def __init__(self, settings: Settings, admin_token: str | None = None,
                 app: FastAPI | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app = app or create_app(settings, admin_token=admin_token)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("web server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server() -> type[LiveServer]:
    """The server class, for tests that need an app configured differently."""
    return LiveServer


@pytest.fixture(scope="session")
def live_url(web_db: str) -> Iterator[str]:
    with LiveServer(Settings(db=web_db)) as server:
        yield server.url


@pytest.fixture
def client(live_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_url, timeout=30, follow_redirects=False) as c:
        yield c


@pytest.fixture
def empty_url(tmp_path: Path) -> Iterator[str]:
    """The app over a brand-new, empty database."""
    with LiveServer(Settings(db=f"sqlite:///{tmp_path / 'empty.db'}")) as server:
        yield server.url


# Module scope: Playwright's sync API keeps an event loop running in this thread while it is
# open, which would break later tests that call asyncio.run().
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); CI installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, live_url: str) -> Iterator[object]:
    """A fresh browser page that records JavaScript errors and outside requests."""
    context = browser.new_context(base_url=live_url, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.outside = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("request", lambda req: None if req.url.startswith((live_url, "data:"))
          else pg.outside.append(req.url))
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture
def shoot():
    """Save a full-page screenshot under tests/screenshots/ (git-ignored)."""
    def save(pg: object, name: str) -> None:
        SCREENSHOTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]

    return save
