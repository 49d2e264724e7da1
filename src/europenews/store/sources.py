"""Sources (feeds, pages, OPML lists, files): conditional-GET state and failure bookkeeping.

A source that fails keeps its error, counts the failure and gets a later ``next_due_at``
(exponential back-off chosen by the caller), so a poller retries it without stopping others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.sql.elements import Label

from europenews.store.articles import utc_now
from europenews.store.schema import sources


def source_label_column() -> Label[str]:
    """What a source row calls itself, for a query that outer-joins ``sources``: the
    configured name (a file source is named after its file), else the feed's own title."""
    return func.coalesce(sources.c.name, sources.c.title).label("source_label")


def outlet_of(row: Any) -> str | None:
    """Who published an article, for a row selected with ``articles.source``,
    ``articles.source_id`` and ``source_label_column()``: the article's named source, else
    its source row's name or title, else the row's number (a source that names nothing)."""
    if row.source:
        return str(row.source)
    if getattr(row, "source_label", None):
        return str(row.source_label)
    return None if row.source_id is None else f"source #{row.source_id}"


@dataclass(frozen=True, slots=True)
class SourceState:
    id: int
    url: str
    kind: str
    title: str | None
    etag: str | None
    last_modified: str | None
    last_fetched_at: str | None
    last_status: int | None
    last_error: str | None
    failure_count: int
    next_due_at: str | None
    name: str | None = None  # the configured name
    failing_since: str | None = None  # when the current run of failures began


def _state(row: Any) -> SourceState:
    return SourceState(row.id, row.url, row.kind, row.title, row.etag, row.last_modified,
                       row.last_fetched_at, row.last_status, row.last_error,
                       int(row.failure_count or 0), row.next_due_at, row.name,
                       row.failing_since)


def get_source(conn: Connection, url: str) -> SourceState | None:
    row = conn.execute(select(sources).where(sources.c.url == url)).first()
    return None if row is None else _state(row)


def ensure_source(conn: Connection, url: str, kind: str,
                  name: str | None = None) -> SourceState:
    """The source row for ``url``, created if new (its ``kind`` is updated if it changed, its
    configured ``name`` when one is given)."""
    state = get_source(conn, url)
    if state is None:
        conn.execute(insert(sources).values(url=url, kind=kind, name=name, failure_count=0,
                                            created_at=utc_now()))
    else:
        changes: dict[str, Any] = {}
        if state.kind != kind:
            changes["kind"] = kind
        if name and state.name != name:
            changes["name"] = name
        if not changes:
            return state
        conn.execute(update(sources).where(sources.c.id == state.id).values(**changes))
    state = get_source(conn, url)
    assert state is not None
    return state


def record_success(
    conn: Connection,
    source_id: int,
    *,
    status: int | None,
    etag: str | None = None,
    last_modified: str | None = None,
    title: str | None = None,
    next_due_at: str | None = None,
) -> None:
    """A fetch that worked (200, or 304 not modified): keep the validators, clear the error."""
    values: dict[str, Any] = {"last_fetched_at": utc_now(), "last_status": status,
                              "last_error": None, "failure_count": 0, "failing_since": None,
                              "next_due_at": next_due_at}
    if status != 304:  # a 304 carries no new validators worth replacing the stored ones
        values.update(etag=etag, last_modified=last_modified)
    if title:
        values["title"] = title
    conn.execute(update(sources).where(sources.c.id == source_id).values(**values))


def record_failure(
    conn: Connection, source_id: int, error: str, *, status: int | None = None,
    next_due_at: str | None = None,
) -> int:
    """A fetch that failed: keep the reason, count it, note when the failures began (the
    first of a run); returns the new failure count."""
    row = conn.execute(select(sources.c.failure_count, sources.c.failing_since)
                       .where(sources.c.id == source_id)).first()
    count = (int(row.failure_count or 0) if row else 0) + 1
    now = utc_now()
    since = (row.failing_since if row is not None and count > 1 else None) or now
    conn.execute(
        update(sources).where(sources.c.id == source_id).values(
            last_fetched_at=now, last_status=status, last_error=error,
            failure_count=count, failing_since=since, next_due_at=next_due_at,
        )
    )
    return count


def set_next_due(conn: Connection, url: str, next_due_at: str | None) -> None:
    """When the source at ``url`` is polled next, as the poller's own timetable says."""
    conn.execute(update(sources).where(sources.c.url == url).values(next_due_at=next_due_at))


def list_sources(conn: Connection, kind: str | None = None) -> list[SourceState]:
    stmt = select(sources).order_by(sources.c.id)
    if kind is not None:
        stmt = stmt.where(sources.c.kind == kind)
    return [_state(r) for r in conn.execute(stmt)]


def due_sources(
    conn: Connection, now: str, kinds: tuple[str, ...] = ("feed",)
) -> list[SourceState]:
    """Sources a poller should fetch now (never fetched, or due)."""
    stmt = (
        select(sources)
        .where(sources.c.kind.in_(kinds))
        .where((sources.c.next_due_at.is_(None)) | (sources.c.next_due_at <= now))
        .order_by(sources.c.next_due_at.is_not(None), sources.c.next_due_at, sources.c.id)
    )
    return [_state(r) for r in conn.execute(stmt)]
