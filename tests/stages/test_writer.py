"""The single writer: one queue, one thread, one transaction per task."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event
from sqlalchemy.engine import Engine

from europenews.errors import StoreError
from europenews.stages.writer import DirectWriter, WriteThread
from europenews.store.engine import open_store
from europenews.store.sources import ensure_source, list_sources


@pytest.fixture
def impatient(tmp_path: Path) -> Iterator[Engine]:
    """An SQLite store whose connections give up at once on a lock (busy timeout 0), so a
    test passes only if no two writers ever meet."""
    engine = open_store(f"sqlite:///{tmp_path / 'writer.db'}")

    def no_waiting(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout=0")

    event.listen(engine, "connect", no_waiting)  # after the store's own pragmas
    engine.dispose()  # connections made from now on get it
    yield engine
    engine.dispose()


def urls(conn: Connection) -> list[str]:
    return [s.url for s in list_sources(conn)]


def test_writer_thread_runs_each_task_on_its_own_thread_and_returns_its_result(
        impatient: Engine) -> None:
    with WriteThread(impatient, name="the-writer") as writer:
        where = writer.write(lambda conn: threading.current_thread().name)
        state = writer.write(lambda conn: ensure_source(conn, "https://a.example/rss", "feed"))
    assert where == "the-writer"
    assert state.url == "https://a.example/rss" and state.kind == "feed"


def test_writer_thread_serialises_many_writers_without_a_busy_timeout(impatient: Engine) -> None:
    inside = 0
    overlaps = 0
    lock = threading.Lock()

    def task(url: str) -> Any:
        def write(conn: Connection) -> None:
            nonlocal inside, overlaps
            with lock:
                inside += 1
                overlaps += inside > 1
            ensure_source(conn, url, "feed")
            with lock:
                inside -= 1
        return write

    errors: list[BaseException] = []
    with WriteThread(impatient) as writer:
        def worker(n: int) -> None:
            try:
                for i in range(15):
                    writer.write(task(f"https://h{n}.example/{i}"))
                    with impatient.connect() as conn:  # readers run beside the writer
                        urls(conn)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == [] and overlaps == 0
    with impatient.connect() as conn:
        assert len(urls(conn)) == 90


def test_writer_failed_task_rolls_back_and_the_caller_gets_the_error(impatient: Engine) -> None:
    def half_then_fail(conn: Connection) -> None:
        ensure_source(conn, "https://half.example/rss", "feed")
        raise ValueError("bug in a task")

    with WriteThread(impatient) as writer:
        with pytest.raises(ValueError, match="bug in a task"):
            writer.write(half_then_fail)
        writer.write(lambda conn: ensure_source(conn, "https://next.example/rss", "feed"))
    with impatient.connect() as conn:
        assert urls(conn) == ["https://next.example/rss"]


def test_direct_writer_makes_a_second_thread_wait_for_the_task_in_progress(
        impatient: Engine) -> None:
    # The lease heartbeat writes from its own thread while the command's thread stores a
    # batch: with a busy timeout of 0 it fails at once unless it waits its turn.
    writer = DirectWriter(impatient)
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def long_batch(conn: Connection) -> None:
        ensure_source(conn, "https://batch.example/rss", "feed")
        started.set()
        release.wait(5)

    def beat() -> None:
        try:
            writer.write(lambda conn: ensure_source(conn, "https://beat.example/rss", "feed"))
        except BaseException as exc:  # checked below
            errors.append(exc)

    batch = threading.Thread(target=writer.write, args=(long_batch,))
    batch.start()
    started.wait(5)
    heartbeat = threading.Thread(target=beat)
    heartbeat.start()
    heartbeat.join(0.3)
    assert heartbeat.is_alive()  # waiting for the batch, not failing on the lock
    release.set()
    batch.join(5)
    heartbeat.join(5)
    assert errors == []
    with impatient.connect() as conn:
        assert sorted(urls(conn)) == ["https://batch.example/rss", "https://beat.example/rss"]


@pytest.mark.parametrize("kind", ["direct", "thread"])
def test_writer_database_error_is_a_store_error(impatient: Engine, kind: str) -> None:
    def bad_sql(conn: Connection) -> None:
        conn.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")

    thread = WriteThread(impatient).start()
    writer = DirectWriter(impatient) if kind == "direct" else thread
    try:
        with pytest.raises(StoreError, match="store: cannot write"):
            writer.write(bad_sql)
    finally:
        thread.close()


def test_writer_closed_thread_writes_what_was_queued_and_refuses_the_rest(
        impatient: Engine) -> None:
    writer = WriteThread(impatient).start()
    release = threading.Event()
    started = threading.Event()

    def slow(conn: Connection) -> None:
        started.set()
        release.wait(5)
        ensure_source(conn, "https://slow.example/rss", "feed")

    waiter = threading.Thread(target=writer.write, args=(slow,))
    waiter.start()
    started.wait(5)
    queued = threading.Thread(target=writer.write, args=(
        lambda conn: ensure_source(conn, "https://queued.example/rss", "feed"),))
    queued.start()
    closer = threading.Thread(target=writer.close)
    while queued.is_alive() and writer._tasks.empty():  # wait until it is in the queue
        threading.Event().wait(0.01)
    closer.start()
    release.set()
    for t in (waiter, queued, closer):
        t.join(5)
    with pytest.raises(StoreError, match="writer has stopped"):
        writer.write(lambda conn: None)
    with impatient.connect() as conn:
        assert sorted(urls(conn)) == ["https://queued.example/rss", "https://slow.example/rss"]
