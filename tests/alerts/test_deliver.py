"""Hits delivered once per channel: a webhook to a local receiver (HMAC-signed, retried with
back-off) and an e-mail to a local SMTP server (aiosmtpd), by frequency."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from sqlalchemy import insert

from europenews.alerts.deliver import SIGNATURE_HEADER, DeliverySettings, deliver_due, signature
from europenews.alerts.rules import parse_rule
from europenews.store.alerts import list_hits, record_hit, save_rule
from europenews.store.schema import stories

FAST = DeliverySettings(pause=0.01, retry=60.0, timeout=5.0, base_url="http://news.example")


class Receiver:
    """A local HTTP server that records POSTs and answers with the queued statuses."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = statuses
        self.received: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.received.append((dict(self.headers), body))
                self.send_response(outer.statuses.pop(0) if outer.statuses else 200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver([])
    yield r
    r.close()


def _store_hit(engine: Any, rule: dict[str, Any], story: str = "s1") -> None:
    parsed = parse_rule(rule, "test")
    with engine.begin() as conn:
        conn.execute(insert(stories).values(id=story, headline=f"Flood in {story}",
                                            article_count=2, source_count=2, breaking=False))
        save_rule(conn, parsed.name, parsed.to_json(), "api")
        record_hit(conn, parsed.name, story, {"killed": {"value": 4, "given_by": ["police"]},
                                              "country": "US"})


def _write(engine: Any) -> Any:
    def write(task: Any) -> Any:
        with engine.begin() as conn:
            return task(conn)
    return write


def test_deliver_webhook_signed_once(engine, receiver: Receiver) -> None:
    _store_hit(engine, {"name": "flood", "query": "flood", "webhook": receiver.url,
                        "secret": "k3y"})
    report = deliver_due(engine, _write(engine), FAST)
    assert report.sent == {"flood/webhook": 1}
    (headers, body), = receiver.received
    assert headers[SIGNATURE_HEADER] == signature("k3y", body)
    payload = json.loads(body)
    assert payload["alert"] == "flood"
    assert payload["hits"][0]["url"] == "http://news.example/stories/s1"
    assert payload["hits"][0]["fact"]["killed"]["value"] == 4
    # Delivered: another round sends nothing, a re-recorded hit does not fire again.
    with engine.begin() as conn:
        assert record_hit(conn, "flood", "s1", {"killed": {"value": 5}}) is False
    assert deliver_due(engine, _write(engine), FAST).sent == {}
    assert len(receiver.received) == 1


def test_deliver_webhook_retries_then_backs_off(engine) -> None:
    failing = Receiver([500, 503, 500, 200])
    try:
        _store_hit(engine, {"name": "flood", "query": "flood", "webhook": failing.url})
        now = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
        report = deliver_due(engine, _write(engine), FAST, now=now)
        assert "flood/webhook" in report.failed and len(failing.received) == 3
        with engine.connect() as conn:
            hit, = list_hits(conn, "flood")
        assert hit.attempts == 1 and hit.next_try_at is not None and hit.webhook_sent_at is None
        # Within the back-off nothing is tried; after it, the hit goes out.
        assert deliver_due(engine, _write(engine), FAST, now=now + timedelta(seconds=30)).sent == {}
        later = deliver_due(engine, _write(engine), FAST, now=now + timedelta(seconds=61))
        assert later.sent == {"flood/webhook": 1} and len(failing.received) == 4
        assert "X-EuropeNews-Signature" not in failing.received[-1][0]  # no secret, no header
    finally:
        failing.close()


def test_deliver_email_digest_to_local_smtp_server(engine) -> None:
    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self) -> None:
            self.messages: list[Any] = []

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            self.messages.append(envelope)
            return "250 OK"

    with socket.socket() as s:  # a free port (aiosmtpd checks it by connecting to it)
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings = DeliverySettings(smtp_host="127.0.0.1", smtp_port=port, pause=0.01,
                                    base_url="http://news.example")
        _store_hit(engine, {"name": "floods", "query": "flood", "frequency": "hourly",
                            "email": ["desk@example.org"]})
        now = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
        assert deliver_due(engine, _write(engine), settings, now=now).sent == {"floods/email": 1}
        envelope, = inbox.messages
        assert envelope.rcpt_tos == ["desk@example.org"]
        text = envelope.content.decode()
        assert "Flood in s1" in text and "http://news.example/stories/s1" in text
        assert "4 killed (police)" in text
        # Hourly: a new hit within the hour waits for the next digest.
        with engine.begin() as conn:
            conn.execute(insert(stories).values(id="s2", headline="Flood in s2",
                                                article_count=1, source_count=1,
                                                breaking=False))
            assert record_hit(conn, "floods", "s2", {"query": "flood"}) is True
        soon = deliver_due(engine, _write(engine), settings, now=now + timedelta(minutes=20))
        assert soon.sent == {} and len(inbox.messages) == 1
        hour = deliver_due(engine, _write(engine), settings, now=now + timedelta(minutes=61))
        assert hour.sent == {"floods/email": 1} and len(inbox.messages) == 2
    finally:
        controller.stop()
