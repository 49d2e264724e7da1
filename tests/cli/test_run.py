"""``europenews run``: the installed script against feeds served on 127.0.0.1.

The feed site grows while the job runs; one test kills the job with SIGKILL in the middle of
an ingest and checks that a restart loses and duplicates nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from europenews.cli.main import cli

SCRIPT = Path(sys.executable).with_name("europenews")
TOPICS = [
    ("Baltic ferry strike", "Ferry crews in Tallinn walked out on Monday, halting crossings to "
     "Helsinki. The union said talks with the operator had failed over pay and rest periods."),
    ("Danube flood warning", "Authorities in Bratislava raised the flood warning on the Danube "
     "as heavy rain continued. Residents near the river were asked to move cars to higher ground."),
    ("Lisbon tram fares", "Lisbon city council voted to freeze tram fares for another year. The "
     "mayor said the decision would help commuters facing higher rents in the capital."),
    ("Alpine rail tunnel", "Engineers finished boring the last section of a rail tunnel under the "
     "Alps. The project director said trains would run through it within three years."),
    ("Irish dairy exports", "Irish dairy exports rose sharply in the first quarter, the farm "
     "ministry said. Butter and cheese sales to continental markets led the increase."),
    ("Polish wind auction", "Poland awarded contracts for three offshore wind farms in the Baltic. "
     "The climate minister said the farms would power two million homes."),
]


def article_text(n: int) -> tuple[str, str]:
    """A distinct short article: its title and its body."""
    topic, body = TOPICS[n % len(TOPICS)]
    title = f"{topic} (report {n})"
    extra = (f" Officials gave update number {n} on the matter at a briefing in the afternoon. "
             f"Reporter {n} filed this piece, which mentions figure {n * 7} for reference.")
    return title, body + extra


class FeedSite:
    """A local news site: an RSS feed of the published items and one text page per item."""

    def __init__(self) -> None:
        self.published: list[int] = []
        self.page_delay = 0.0
        self.hits: Counter[str] = Counter()
        self.not_modified = 0
        self.lock = threading.Lock()
        self.url = ""

    def publish(self, *numbers: int) -> None:
        with self.lock:
            self.published.extend(numbers)

    def feed(self) -> bytes:
        base = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
        with self.lock:
            numbers = list(self.published)
        items = "".join(
            f"<item><title>{article_text(n)[0]}</title><link>{self.url}/articles/{n}</link>"
            f"<guid>{self.url}/articles/{n}</guid>"
            f"<pubDate>{format_datetime(base + timedelta(minutes=n))}</pubDate></item>"
            for n in reversed(numbers)
        )
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local desk</title>'
                f"<link>{self.url}/</link>{items}</channel></rss>").encode()


def make_handler(site: FeedSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with site.lock:
                site.hits[self.path] += 1
            if self.path == "/feed.xml":
                body = site.feed()
                etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
                if self.headers.get("If-None-Match") == etag:
                    with site.lock:
                        site.not_modified += 1
                    self.send_response(304)
                    self.end_headers()
                    return
                self._send(200, "application/rss+xml", body, etag)
            elif m := re.fullmatch(r"/articles/(\d+)", self.path):
                time.sleep(site.page_delay)
                title, body = article_text(int(m.group(1)))
                self._send(200, "text/plain; charset=utf-8", f"{title}\n\n{body}\n".encode())
            else:
                self._send(404, "text/plain", b"not found")

        def _send(self, status: int, ctype: str, body: bytes, etag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[FeedSite]:
    feed_site = FeedSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(feed_site))
    feed_site.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield feed_site
    server.shutdown()
    server.server_close()


def write_config(tmp_path: Path, site: FeedSite, extra: str = "") -> Path:
    path = tmp_path / "europenews.toml"
    path.write_text(f"""
[database]
url = "sqlite:///{tmp_path / 'news.db'}"
[server]
host = "127.0.0.1"
port = 0
[polling]
interval = "1s"
jitter = 0.0
[politeness]
delay = 0
timeout = "10s"
respect_robots = false
allow_hosts = ["127.0.0.1"]
[[feeds]]
name = "Local desk"
url = "{site.url}/feed.xml"
{extra}""", encoding="utf-8")
    return path


def start(config: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EUROPENEWS_")}
    return subprocess.Popen([str(SCRIPT), "run", "--config", str(config), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=config.parent)


def wait_for(check: Callable[[], Any], timeout: float, what: str,
             proc: subprocess.Popen[str] | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"run exited ({proc.returncode}) while waiting for {what}: "
                                 f"{proc.stderr.read() if proc.stderr else ''}")
        if result := check():
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def server_url(proc: subprocess.Popen[str]) -> str:
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if m := re.search(r"running on (http://\S+)", line):
            # Keep draining stderr so the job never blocks on a full pipe.
            threading.Thread(target=proc.stderr.read, daemon=True).start()
            return m.group(1)
        if not line and proc.poll() is not None:
            break
    raise AssertionError("run did not report its address")


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def stored(db: Path) -> list[tuple[str | None, str]]:
    """(url, status) of every stored article, read through the store's own functions."""
    from europenews.store.articles import articles_with_status
    from europenews.store.engine import open_store

    engine = open_store(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return [(a.url, status)
                    for status in ("fetched", "analysed", "clustered", "failed")
                    for a in articles_with_status(conn, [status])]
    finally:
        engine.dispose()


def test_run_print_config_shows_the_builtin_feed_list() -> None:
    result = CliRunner().invoke(cli, ["run", "--print-config"])
    assert result.exit_code == 0
    assert "[[feeds]]" in result.output and "name = " in result.output


def test_run_bad_config_is_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "europenews.toml"
    bad.write_text("[polling]\ninterval = 'often'\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", "--config", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "polling.interval" in result.output


@pytest.mark.slow
def test_run_serves_items_published_over_time(tmp_path: Path, site: FeedSite) -> None:
    site.publish(0, 1)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    title, body = article_text(99)
    (inbox / "local.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    # Port 9 on loopback refuses connections: a source that is down from the start.
    config = write_config(tmp_path, site, f"""
[[feeds]]
name = "Dead desk"
url = "http://127.0.0.1:9/feed.xml"
[[folders]]
name = "Inbox"
path = "{inbox}"
""")
    proc = start(config)
    try:
        base = server_url(proc)

        def clustered(n: int) -> Callable[[], bool]:
            return lambda: get_json(f"{base}/api/status")["articles"]["clustered"] >= n

        wait_for(clustered(3), 180, "the first two items and the folder's file", proc)
        site.publish(2, 3)
        wait_for(clustered(5), 60, "the items published later", proc)
        wait_for(lambda: site.not_modified > 0, 30, "a conditional GET answered 304", proc)
        status = get_json(f"{base}/api/status")
        by_name = {s["name"]: s for s in status["sources"]}
        assert by_name["Local desk"]["state"] in ("ok", "not modified")
        assert by_name["Local desk"]["error"] is None
        # Publicly: the error's class, and the host without the source's URL.
        assert by_name["Dead desk"]["state"] == "failing"
        assert by_name["Dead desk"]["error_class"] == "connection failed"
        assert by_name["Dead desk"]["host"] == "127.0.0.1" and "url" not in by_name["Dead desk"]
        assert by_name["Inbox"]["state"] == "ok"
        stories = json.dumps(get_json(f"{base}/api/stories"))
        assert any(article_text(n)[0] in stories for n in (0, 1, 2, 3, 99))
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    urls = [url for url, _ in stored(tmp_path / "news.db")]
    assert sorted(u for u in urls if u) == [f"{site.url}/articles/{n}" for n in range(4)]
    assert len(urls) == 5


@pytest.mark.slow
def test_run_sigkill_mid_ingest_loses_and_duplicates_nothing(tmp_path: Path,
                                                              site: FeedSite) -> None:
    total = 12
    site.publish(*range(total))
    site.page_delay = 0.3  # slow pages: the kill lands while items are being fetched
    config = write_config(tmp_path, site)
    proc = start(config, "--no-serve")
    try:
        def pages_served() -> int:
            with site.lock:
                return sum(v for k, v in site.hits.items() if k.startswith("/articles/"))

        wait_for(lambda: pages_served() >= 4, 180, "the ingest to be under way", proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert pages_served() < total, "the kill came too late to be mid-ingest"
    before = [url for url, _ in stored(tmp_path / "news.db")]
    assert len(before) == len(set(before)) and before

    site.page_delay = 0.0
    restart = start(config, "--once", "--log-format", "json")
    out, err = restart.communicate(timeout=240)
    assert restart.returncode == 0, err
    logs = [json.loads(line) for line in err.splitlines() if line.strip()]  # JSON lines only
    assert logs and all({"ts", "level", "msg"} <= set(entry) for entry in logs)
    counters = json.loads(out.strip().splitlines()[-1])  # --once prints its counts
    assert counters["new"] == total - len(before) and counters["failed"] == 0
    rows = stored(tmp_path / "news.db")
    urls = [url for url, _ in rows]
    assert sorted(urls, key=lambda u: int(str(u).rsplit("/", 1)[1])) == [
        f"{site.url}/articles/{n}" for n in range(total)]
    assert {status for _, status in rows} == {"clustered"}
    # What was stored before the kill was not fetched again.
    assert all(site.hits[url.removeprefix(site.url)] <= 2 for url in before if url)
