"""A real HTTP server on 127.0.0.1 in a thread, serving feeds and pages (good and bad).

Fixtures are re-exported by ``conftest.py``; helpers are imported by the tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from europenews.ingest.fetch import FetchSettings


@dataclass
class Route:
    status: int = 200
    body: bytes | Callable[[], Iterator[bytes]] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)


class Site:
    """Routes by path; ``hits`` counts requests, ``seen_headers`` keeps the last request's."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.seen_headers: dict[str, dict[str, str]] = {}
        self.base = ""

    def add(self, path: str, body: bytes | str | Callable[[], Iterator[bytes]] = b"",
            status: int = 200, content_type: str = "text/html; charset=utf-8",
            **headers: str) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        extra = {k.replace("_", "-"): v for k, v in headers.items()}
        hdrs = {"Content-Type": content_type, **extra}
        self.routes[path] = Route(status, data, hdrs)
        return self.base + path

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            path = self.path
            site.hits[path] = site.hits.get(path, 0) + 1
            site.seen_headers[path] = {k.lower(): v for k, v in self.headers.items()}
            route = site.routes.get(path)
            if route is None:
                route = Route(404, b"not found", {"Content-Type": "text/plain"})
            if route.delay:
                time.sleep(route.delay)
            etag = route.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            try:
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                if callable(route.body):
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for chunk in route.body():
                        self.wfile.write(chunk)
                        self.wfile.flush()
                else:
                    self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (size cap, timeout): expected

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up on a slow or huge answer is part of the tests


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    server = _Server(("127.0.0.1", 0), _handler(s))
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def fetch_settings() -> FetchSettings:
    """Loopback allowed (the tests' server), no politeness delay, short timeouts."""
    return FetchSettings(allow_hosts=("127.0.0.1",), delay=0.0, timeout=2.0,
                         max_bytes=2 * 1024 * 1024)


def page(title: str, body: str, charset: str = "utf-8") -> str:
    """A small news page (enough text for main-text extraction)."""
    paras = "".join(f"<p>{body} Paragraph {i} adds more detail to the report.</p>"
                    for i in range(4))
    return (f'<!doctype html><html lang="en"><head><meta charset="{charset}">'
            f"<title>{title}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>© Example</footer></body></html>")


def rss(items: list[tuple[str, str]], title: str = "Example News") -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link>"
        f"<pubDate>Mon, 0{i + 1} Apr 2024 10:00:00 GMT</pubDate></item>"
        for i, (t, link) in enumerate(items)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://example.org/</link>{entries}</channel></rss>")
