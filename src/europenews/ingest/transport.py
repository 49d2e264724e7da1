"""The fetcher's connections: to exactly the approved address, within a deadline, stoppable.

httpx (over httpcore) would resolve a host name again when it connects; here it connects
through :class:`PinnedBackend`, which dials only the address the fetcher approved for the
request in hand (:class:`Plan`, set per thread with :meth:`PinnedBackend.planned`) and
refuses any other. The URL is left as it is, so the ``Host`` header, TLS SNI and certificate
verification all use the host name.

Every socket operation runs in short slices (:data:`SLICE` seconds) and between two slices the
request's :class:`Plan` is checked: past its deadline (connect + headers + body, however
slowly a server trickles its bytes) or once its stop event is set (SIGTERM), the operation
ends with :class:`Cancelled` (an httpcore timeout, so the connection is dropped cleanly).
"""

from __future__ import annotations

import errno
import os
import select
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any

import httpcore
import httpx

SLICE = 0.25  # seconds: how often a waiting socket operation looks at the deadline and stop


@dataclass(frozen=True, slots=True)
class Plan:
    """The request in hand: where it may connect and until when it may run."""

    host: str  # as in the URL (IDNA-encoded), lower case
    port: int
    address: str  # the approved address
    deadline: float  # time.monotonic() by which the whole request must be done
    stop: threading.Event


class Cancelled(httpcore.ReadTimeout):
    """The request ran past its deadline, or a stop was requested."""


class NotApproved(httpcore.ConnectError):
    """A connection to a host or port that the request in hand did not approve."""


def _remaining(plan: Plan, limit: float | None) -> float:
    """Seconds this operation may still wait (its own limit, capped by the deadline)."""
    if plan.stop.is_set():
        raise Cancelled("stopped")
    left = plan.deadline - time.monotonic()
    if left <= 0:
        raise Cancelled("deadline passed")
    return left if limit is None else min(left, limit)


class GuardedStream(httpcore.NetworkStream):
    """A socket whose every wait is sliced, checking the plan of the request in hand."""

    def __init__(self, sock: socket.socket, backend: PinnedBackend) -> None:
        self._sock = sock
        self._backend = backend

    def _wait(self, limit: float | None, op: Any, error: type[Exception],
              sock: socket.socket | None = None) -> Any:
        """Run ``op()`` (a socket call) again each slice until it completes; ``limit`` is the
        operation's own timeout (a read timeout), the plan's deadline caps it."""
        started = time.monotonic()
        while True:
            plan = self._backend.current()
            left = _remaining(plan, None if limit is None else limit - (time.monotonic() -
                                                                        started))
            if left <= 0:
                raise error("timed out")
            (sock or self._sock).settimeout(min(SLICE, left))
            try:
                return op()
            except (TimeoutError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
                continue
            except ssl.SSLError:  # start_tls says which (a certificate for another name, ...)
                raise
            except OSError as exc:
                raise httpcore.ReadError(str(exc)) from exc

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._wait(timeout, lambda: self._sock.recv(max_bytes),
                                 httpcore.ReadTimeout)
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        view = memoryview(buffer)
        while view:
            sent: int = self._wait(timeout, partial(self._sock.send, view),
                                   httpcore.WriteTimeout)
            view = view[sent:]

    def close(self) -> None:
        self._sock.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        try:
            tls = ssl_context.wrap_socket(self._sock, server_hostname=server_hostname,
                                          do_handshake_on_connect=False)
            self._wait(timeout, tls.do_handshake, httpcore.ConnectTimeout, tls)
        except ssl.SSLError as exc:  # a certificate that does not name the host, ...
            self._sock.close()
            raise httpcore.ConnectError(f"TLS: {exc.reason or exc}") from exc
        except BaseException:
            self._sock.close()
            raise
        return GuardedStream(tls, self._backend)

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object" and isinstance(self._sock, ssl.SSLSocket):
            return self._sock  # httpcore asks it for the negotiated protocol (ALPN)
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "socket":
            return self._sock
        if info == "is_readable":  # an idle kept-alive connection the server has closed
            readable, _, _ = select.select([self._sock], [], [], 0)
            return bool(readable)
        return None


class PinnedBackend(httpcore.NetworkBackend):
    """Connects only to the address approved for the request in hand (in this thread)."""

    def __init__(self) -> None:
        self._local = threading.local()

    @contextmanager
    def planned(self, plan: Plan) -> Iterator[None]:
        """Make ``plan`` the request in hand of this thread while the block runs."""
        previous = getattr(self._local, "plan", None)
        self._local.plan = plan
        try:
            yield
        finally:
            self._local.plan = previous

    def current(self) -> Plan:
        plan: Plan | None = getattr(self._local, "plan", None)
        if plan is None:
            raise NotApproved("no request in hand: nothing may be connected to")
        return plan

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        plan = self.current()
        if host.lower() != plan.host or port != plan.port:
            raise NotApproved(f"{host}:{port} was not approved for this request")
        family = socket.AF_INET6 if ":" in plan.address else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.setblocking(False)
            code = sock.connect_ex((plan.address, port))
            started = time.monotonic()
            while code in (errno.EINPROGRESS, errno.EALREADY, errno.EWOULDBLOCK):
                own = None if timeout is None else timeout - (time.monotonic() - started)
                left = _remaining(plan, own)
                if left <= 0:
                    raise httpcore.ConnectTimeout(f"{plan.address}:{port}: connect timed out")
                _, writable, _ = select.select([], [sock], [], min(SLICE, left))
                if writable:
                    code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code not in (0, errno.EISCONN):
                raise httpcore.ConnectError(
                    f"{plan.address}:{port}: {os.strerror(code)}")
            sock.setblocking(True)
        except BaseException:
            sock.close()
            raise
        return GuardedStream(sock, self)


class PinnedTransport(httpx.BaseTransport):
    """An httpx transport over httpcore's connection pool with a :class:`PinnedBackend`."""

    def __init__(self, backend: PinnedBackend, ssl_context: ssl.SSLContext,
                 max_connections: int = 10) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context, network_backend=backend,
            max_connections=max_connections, max_keepalive_connections=max_connections,
            keepalive_expiry=5.0, http1=True, http2=False)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host,
                             port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw, content=request.stream,
            extensions=request.extensions)
        with _as_httpx_errors(request):
            response = self._pool.handle_request(core)
        return httpx.Response(status_code=response.status, headers=response.headers,
                              stream=_Body(response, request), extensions=response.extensions)

    def close(self) -> None:
        self._pool.close()


class _Body(httpx.SyncByteStream):
    def __init__(self, response: httpcore.Response, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors(self._request):
            yield from self._response.iter_stream()

    def close(self) -> None:
        self._response.close()


@contextmanager
def _as_httpx_errors(request: httpx.Request) -> Iterator[None]:
    """httpcore's errors as httpx's, which the fetcher turns into FetchErrors."""
    try:
        yield
    except httpcore.TimeoutException as exc:
        raise httpx.TimeoutException(str(exc) or type(exc).__name__, request=request) from exc
    except (httpcore.NetworkError, httpcore.ProtocolError) as exc:
        raise httpx.TransportError(str(exc) or type(exc).__name__, request=request) from exc


__all__ = ["Cancelled", "NotApproved", "PinnedBackend", "PinnedTransport", "Plan"]
