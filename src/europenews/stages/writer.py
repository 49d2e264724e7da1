"""How the stages write: every write is a task, a function of a connection, run in its own
transaction. Reads go straight to the engine.

Two writers keep the same promise:

- :class:`DirectWriter` runs the task in the calling thread (``ingest``, ``reanalyze``: one
  thread does everything, and the lease heartbeat waits its turn);
- :class:`WriteThread` is the store's single writer under ``run``, in the shape of Datasette's
  ``execute_write_fn``: one queue, one thread, one transaction per task. Fetch workers and the
  analysis thread hand it their writes and wait for the result, so no two threads ever write
  at the same time and nothing depends on SQLite's busy timeout.

A task that fails rolls its transaction back; a database error comes back as a
:class:`~europenews.errors.StoreError` to the thread that asked.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from europenews.errors import StoreError

T = TypeVar("T")


class Writer(Protocol):
    """Runs ``task(conn)`` in one transaction and returns what it returned."""

    def write(self, task: Callable[[Connection], T]) -> T: ...


def run_in_transaction(engine: Engine, task: Callable[[Connection], T]) -> T:
    """``task(conn)`` in one transaction (committed when it returns, rolled back if it raises)."""
    try:
        with engine.begin() as conn:
            return task(conn)
    except SQLAlchemyError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else ""
        raise StoreError(f"store: cannot write ({type(exc).__name__}: {reason})") from exc


class DirectWriter:
    """Writes in the calling thread (for commands that do everything in one thread).

    The lease heartbeat (``stages.lease``) writes from a thread of its own; its tasks wait
    here for the one in progress rather than in SQLite's busy timeout, which a batch of
    analyses on a loaded machine can outlast (the renewal then failed with "database is
    locked" and the lease could lapse)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.RLock()  # a task may write through the writer again

    def write(self, task: Callable[[Connection], T]) -> T:
        with self._lock:
            return run_in_transaction(self.engine, task)


class WriteThread:
    """The one thread that writes the store; :meth:`write` hands it a task and waits.

    Start it before anything writes and :meth:`close` it after every thread that writes has
    ended: the tasks already queued are written first, later ones are refused.
    """

    def __init__(self, engine: Engine, name: str = "writer") -> None:
        self.engine = engine
        self._tasks: queue.SimpleQueue[tuple[Callable[[Connection], Any], Future[Any]] | None]
        self._tasks = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._lock = threading.Lock()  # no task may be queued behind the closing sentinel
        self._closed = False

    def start(self) -> WriteThread:
        self._thread.start()
        return self

    def __enter__(self) -> WriteThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, task: Callable[[Connection], T]) -> T:
        """Run ``task`` on the writer thread in one transaction; blocks until it is done."""
        if threading.current_thread() is self._thread:
            # A task that wrote through the queue would wait for itself.
            raise RuntimeError("a write task must use its own connection, not the writer")
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise StoreError("store: the writer has stopped (the job is shutting down)")
            self._tasks.put((task, future))
        return future.result()

    def close(self, timeout: float | None = None) -> None:
        """Write what is queued, then end the thread (idempotent)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._tasks.put(None)
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _serve(self) -> None:
        while (item := self._tasks.get()) is not None:
            task, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = run_in_transaction(self.engine, task)
            except BaseException as exc:  # handed to the thread that asked, never lost here
                future.set_exception(exc)
            else:
                future.set_result(result)
