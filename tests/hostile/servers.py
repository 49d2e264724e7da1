"""Hostile servers on 127.0.0.1, started by the tests: one that trickles its answer a byte at a
time, and an HTTPS server whose certificate (from a test CA made with ``openssl``) names a
host other than the address it listens on."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Trickle:
    """A raw TCP server answering every connection with ``answer``, one byte per ``interval``
    seconds; ``connections`` counts the clients, ``open`` those still being served."""

    answer: bytes
    interval: float = 0.2
    port: int = 0
    connections: int = 0
    open: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/feed.xml"

    def serve(self, sock: socket.socket) -> None:
        sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        self.open += 1
        try:
            conn.recv(65536)  # the request
            for byte in self.answer:
                if self._stop.is_set():
                    return
                conn.sendall(bytes([byte]))
                time.sleep(self.interval)
        except OSError:
            pass  # the client gave up: that is what is being tested
        finally:
            self.open -= 1
            conn.close()


@contextmanager
def trickling(answer: bytes, interval: float = 0.2) -> Iterator[Trickle]:
    server = Trickle(answer, interval)
    sock = socket.create_server(("127.0.0.1", 0))
    server.port = sock.getsockname()[1]
    thread = threading.Thread(target=server.serve, args=(sock,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server._stop.set()
        thread.join(5)
        sock.close()


SLOW_HEADERS = (b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                + b"X-Padding: " + b"a" * 2000 + b"\r\n\r\n<rss/>")


# --- TLS --------------------------------------------------------------------------------------

def make_certificates(folder: Path, host: str) -> tuple[Path, Path, Path]:
    """A test CA and a server certificate for ``host`` signed by it: (ca, cert, key)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise FileNotFoundError("openssl")

    def run(*args: str) -> None:
        subprocess.run([openssl, *args], check=True, capture_output=True, cwd=folder)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
        "/CN=EuropeNews test CA", "-keyout", "ca.key", "-out", "ca.pem",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=keyCertSign")
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={host}", "-keyout",
        "server.key", "-out", "server.csr")
    (folder / "ext.cnf").write_text(f"subjectAltName=DNS:{host}\n", encoding="ascii")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-out", "server.pem", "-extfile", "ext.cnf")
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


@dataclass
class TlsSite:
    port: int
    seen_hosts: list[str] = field(default_factory=list)  # Host headers received
    seen_sni: list[str | None] = field(default_factory=list)  # TLS server names received


@contextmanager
def tls_site(cert: Path, key: Path, body: bytes) -> Iterator[TlsSite]:
    """An HTTPS server on 127.0.0.1 answering every GET with ``body`` (an HTML page)."""
    site = TlsSite(0)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            site.seen_hosts.append(self.headers.get("Host", ""))
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    def remember_sni(_sock: object, name: str | None, _ctx: object) -> None:
        site.seen_sni.append(name)

    context.sni_callback = remember_sni
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
