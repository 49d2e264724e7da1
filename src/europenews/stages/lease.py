"""One process at a time analyses and clusters the stored articles: the ``analysis`` lease.

Several processes may share a store (``run`` polling, an ``ingest`` started beside it, a second
``run`` by mistake). Each stores what it reads, but only the holder of the ``analysis`` lease
analyses and clusters: story assignment is online and order-dependent, and two clusterers
would each assign an article, leave stories without members and miscount others. The holder
renews the lease from a heartbeat thread every :data:`HEARTBEAT` seconds; a lease not renewed
for :data:`TTL` seconds (its process was killed) may be taken by another, and one held by a
process on this machine that no longer exists is taken at once.

What a process that does not hold the lease does is up to it: ``run`` tries again on its next
pass; ``ingest`` waits until the holder has processed what it stored (or takes over when the
holder lets go), so its summary still counts them.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from types import TracebackType

from sqlalchemy.engine import Engine

from europenews.errors import StoreError
from europenews.stages.writer import Writer
from europenews.store.leases import (
    ANALYSIS,
    acquire_lease,
    get_lease,
    release_lease,
    take_over_lease,
)

log = logging.getLogger(__name__)

TTL = 30.0  # seconds a lease lasts without renewal
HEARTBEAT = 10.0  # seconds between two renewals


def process_name(role: str) -> str:
    """Who this process is, as a lease holder: ``role`` (run, ingest), host, process id and
    a random part (so a reused process id is never taken for its predecessor)."""
    return f"{role}@{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def holder_is_gone(holder: str) -> bool:
    """True when ``holder`` names a process on this machine that no longer runs."""
    try:
        role_host, pid, _token = holder.rsplit(":", 2)
        host = role_host.split("@", 1)[1]
        number = int(pid)
    except (ValueError, IndexError):
        return False
    if host != socket.gethostname() or number == os.getpid():
        return False
    try:
        os.kill(number, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # it runs, as another user
        return False
    return False


class QueueLease:
    """This process's claim on the ``analysis`` lease: :meth:`acquire` (non-blocking), held
    and renewed by a heartbeat thread until :meth:`release` (or the end of a ``with``)."""

    def __init__(self, engine: Engine, writer: Writer, role: str, name: str = ANALYSIS,
                 ttl: float = TTL, heartbeat: float = HEARTBEAT) -> None:
        self.engine = engine
        self.writer = writer
        self.name = name
        self.holder = process_name(role)
        self.ttl = ttl
        self.heartbeat = heartbeat
        self._held = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def held(self) -> bool:
        return self._held

    def current_holder(self) -> str | None:
        """Who holds the lease now (None: nobody, or it has lapsed)."""
        with self.engine.connect() as conn:
            lease = get_lease(conn, self.name)
        if lease is None or lease.expires_at < time.time():
            return None
        return lease.holder

    def acquire(self) -> bool:
        """Take the lease if it is free, lapsed, ours, or held by a process that is gone;
        True when this process holds it (the heartbeat then keeps it)."""
        if self._held:  # the heartbeat renews it
            return True
        now = time.time()
        got = self.writer.write(lambda conn: acquire_lease(conn, self.name, self.holder, now,
                                                           self.ttl))
        if not got:
            other = self.current_holder()
            if other is not None and holder_is_gone(other):
                got = self.writer.write(lambda conn: take_over_lease(
                    conn, self.name, self.holder, other, now, self.ttl))
                if got:
                    log.info("took the %s queue over from %s (gone)", self.name, other)
        if got and not self._held:
            self._held = True
            self._stop.clear()
            self._thread = threading.Thread(target=self._renew, name=f"lease {self.name}",
                                            daemon=True)
            self._thread.start()
        return got

    def release(self) -> None:
        """Let the lease go (others may take it at once)."""
        if not self._held:
            return
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        self._held = False
        try:
            self.writer.write(lambda conn: release_lease(conn, self.name, self.holder))
        except StoreError as exc:  # it lapses by itself
            log.warning("could not release the %s lease: %s", self.name, exc)

    def __enter__(self) -> QueueLease:
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    def _renew(self) -> None:
        while not self._stop.wait(self.heartbeat):
            try:
                kept = self.writer.write(lambda conn: acquire_lease(
                    conn, self.name, self.holder, time.time(), self.ttl))
            except StoreError as exc:  # try again at the next beat; the lease may lapse
                log.warning("could not renew the %s lease: %s", self.name, exc)
                continue
            if not kept:
                log.warning("lost the %s lease (not renewed in time)", self.name)
                self._held = False
                return


__all__ = ["HEARTBEAT", "TTL", "QueueLease", "holder_is_gone", "process_name"]
