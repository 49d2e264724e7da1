"""Open the database: URL normalisation, SQLite pragmas (WAL, foreign keys), migrations; and
the one place where the database's own errors become ours (:func:`map_db_errors`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from europenews.errors import StoreError


def normalise_url(url: str) -> str:
    """``postgresql://`` → ``postgresql+psycopg://`` (the driver we ship); a bare path → SQLite."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


# How often (SQLite virtual-machine steps) a running statement looks at its time limit and
# stop request: about every 0.1 ms of work, at a cost too small to measure.
PROGRESS_STEPS = 10_000


def _sqlite_pragmas(dbapi_conn: Any, record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the web site read while ingestion writes; NORMAL is safe with WAL.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
    info: dict[str, Any] = record.info

    def interrupted() -> int:
        """1 (stop the statement) past the connection's deadline or once its stop is set."""
        deadline, stop = info.get(DEADLINE), info.get(STOP)
        return int((deadline is not None and time.monotonic() > deadline)
                   or (stop is not None and stop.is_set()))

    dbapi_conn.set_progress_handler(interrupted, PROGRESS_STEPS)


# Keys in a pooled connection's ``info``: when its statements must end (time.monotonic()), and
# a threading.Event that ends them (SQLite; see :func:`stop_reads_on`).
DEADLINE = "europenews.deadline"
STOP = "europenews.stop"


def stop_reads_on(engine: Engine, stop: threading.Event) -> None:
    """Make every statement on ``engine``'s SQLite connections end once ``stop`` is set (a
    server told to stop must not wait for a long read). PostgreSQL reads are bounded by their
    statement timeouts instead."""
    if not is_sqlite(engine):
        return

    def remember(_dbapi: Any, record: Any, _proxy: Any) -> None:
        record.info[STOP] = stop

    event.listen(engine, "checkout", remember)


def check_fts5() -> None:
    """Refuse to start on an SQLite built without FTS5 (search depends on it)."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError as exc:
        raise StoreError("sqlite: this Python's SQLite has no FTS5 module") from exc
    finally:
        con.close()


def create_store_engine(url: str) -> Engine:
    """An engine for ``url`` without touching the schema."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{url}: not a database URL") from exc
    if parsed.get_backend_name() == "sqlite":
        check_fts5()
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().resolve().parent
            if not folder.is_dir():
                raise StoreError(f"{parsed.database}: folder {folder} does not exist")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    backend = parsed.get_backend_name()
    raise StoreError(f"{backend}: unsupported database (use sqlite or postgresql)")


def open_store(url: str, migrate: bool = True) -> Engine:
    """An engine with the schema brought up to date (migrations run on open)."""
    from europenews.store.migrations import upgrade

    engine = create_store_engine(url)
    if migrate:
        try:
            with map_db_errors(f"{safe_url(url)}: cannot open database"):
                upgrade(engine)
        except StoreError:
            engine.dispose()
            raise
    return engine


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(normalise_url(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def describe_db_error(exc: SQLAlchemyError) -> str:
    """'OperationalError: database is locked': the driver's class and the first line of its
    message (SQLAlchemy appends the SQL and parameters, which a user needs not see)."""
    message = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0] if message else 'no message'}"


@contextmanager
def map_db_errors(what: str = "store") -> Iterator[None]:
    """Run the block with the database's errors raised as :class:`StoreError`.

    Wrap each call into the store with it (as :func:`reading` does), so callers catch one error
    family: a locked, missing or unreachable database reads ``store: OperationalError: ...``
    and the web answers 503, the CLI prints one line. Our own errors pass through unchanged.
    """
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(f"{what}: {describe_db_error(exc)}") from exc


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection for reads, its database errors raised as :class:`StoreError`."""
    with map_db_errors(), engine.connect() as conn:
        yield conn


def is_sqlite(engine_or_conn: Any) -> bool:
    return bool(engine_or_conn.dialect.name == "sqlite")


def default_db_url() -> str:
    return os.environ.get("EUROPENEWS_DB", "sqlite:///europenews.db")
