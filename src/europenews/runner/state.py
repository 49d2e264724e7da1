"""What ``run`` is doing right now, for the terminal status line, the site and ``/api/status``.

:class:`RunState` holds the live counters of one ``run`` process (thread-safe; the workers
update it). :func:`status_snapshot` combines it with what the store knows (articles per stage,
stories, every source with its last error), so the same JSON is available with or without a
running job: ``status_snapshot(engine)`` alone describes the database.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Engine

from europenews.ingest.summary import IngestSummary
from europenews.store.articles import status_counts
from europenews.store.schema import STATUS_ANALYSED, STATUS_CLUSTERED, STATUS_FAILED, STATUS_FETCHED
from europenews.store.sources import list_sources

SCHEMA = "europenews.status/1"
_COUNTERS = ("fetched", "new", "duplicates", "failed", "analysed", "clustered", "not_modified")


@dataclass
class SourceInfo:
    """A configured source as the status shows it (its live state comes from the store)."""

    key: str  # URL, or the resolved folder path (the store's ``sources.url``)
    name: str | None
    kind: str


@dataclass
class RunState:
    """Live counters of one ``run`` process; every method is safe to call from any thread."""

    started: float = field(default_factory=time.time)
    phase: str = "starting"  # starting | loading model | running | stopping | stopped
    pipeline_error: str | None = None
    dask_dashboard: str | None = None  # Dask's own dashboard, when analysis runs there
    sources: dict[str, SourceInfo] = field(default_factory=dict)
    polls: int = 0
    fetching: int = 0  # sources being fetched right now
    waiting: int = 0  # sources due, waiting for a free slot
    next_poll: dict[str, str] = field(default_factory=dict)  # source key → UTC time
    _totals: IngestSummary = field(default_factory=IngestSummary)
    _live: list[IngestSummary] = field(default_factory=list)
    _recent: deque[tuple[str, str, str]] = field(default_factory=lambda: deque(maxlen=50))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add_source(self, key: str, name: str | None, kind: str) -> None:
        with self._lock:
            self.sources.setdefault(key, SourceInfo(key, name, kind))

    def set(self, **values: Any) -> None:
        with self._lock:
            for key, value in values.items():
                setattr(self, key, value)

    def set_next_poll(self, key: str, seconds: float) -> None:
        with self._lock:
            self.next_poll[key] = _utc(time.time() + seconds) if seconds < 1e12 else ""

    def begin(self, summary: IngestSummary) -> None:
        """Count a running job's summary live (it keeps being updated by the job)."""
        with self._lock:
            self._live.append(summary)

    def end(self, summary: IngestSummary, polled: bool = False) -> None:
        """A job finished: fold its summary into the totals."""
        stamp = _utc()
        with self._lock:
            # By identity: summaries are dataclasses, and two may compare equal.
            self._live = [s for s in self._live if s is not summary]
            self._totals.merge(summary)
            self._totals.failures.clear()  # a long run keeps only the recent ones (below)
            self.polls += int(polled)
            for where, reason in summary.failures:
                self._recent.append((stamp, where, reason))

    def counters(self) -> dict[str, int]:
        with self._lock:
            parts = [self._totals, *self._live]
            out = {name: sum(getattr(p, name) for p in parts) for name in _COUNTERS}
            out["polls"] = self.polls
            return out

    def recent_failures(self, limit: int = 20) -> list[dict[str, str]]:
        with self._lock:
            items = list(self._recent)[-limit:]
        return [{"at": at, "source": where, "error": reason} for at, where, reason in
                reversed(items)]


def _utc(ts: float | None = None) -> str:
    moment = datetime.fromtimestamp(ts, UTC) if ts is not None else datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _source_state(failure_count: int, last_fetched_at: str | None, last_status: int | None,
                  last_error: str | None) -> str:
    if last_error:
        return "failing"
    if last_fetched_at is None:
        return "pending"
    return "not modified" if last_status == 304 else "ok"


def status_snapshot(engine: Engine, state: RunState | None = None) -> dict[str, Any]:
    """The status as JSON-ready data: articles per stage, queues, sources with their errors,
    and (with a running job's ``state``) live counters and recent failures."""
    with engine.connect() as conn:
        counts = status_counts(conn)
        stored = {s.url: s for s in list_sources(conn)}
        from europenews.store.stories import list_stories  # bounded: for a count only

        stories = len(list_stories(conn, limit=100_000))
    configured = dict(state.sources) if state is not None else {}
    next_poll = dict(state.next_poll) if state is not None else {}
    # Configured sources first (in configuration order), then any other known source.
    keys = list(configured) + [k for k in stored if k not in configured]
    sources = []
    for key in keys:
        info, row = configured.get(key), stored.get(key)
        sources.append({
            "name": (info.name if info else None) or (row.title if row else None) or key,
            "url": key,
            "kind": row.kind if row else (info.kind if info else None),
            "configured": info is not None,
            "state": _source_state(row.failure_count, row.last_fetched_at, row.last_status,
                                   row.last_error) if row else "pending",
            "last_fetched_at": row.last_fetched_at if row else None,
            "last_status": row.last_status if row else None,
            "last_error": row.last_error if row else None,
            "failure_count": row.failure_count if row else 0,
            # The running scheduler's own timetable when there is one (it may retry sooner).
            "next_due_at": next_poll.get(key) or (row.next_due_at if row else None),
        })
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "running": state is not None and state.phase not in ("stopped",),
        "articles": {
            "total": sum(counts.values()),
            "fetched": counts.get(STATUS_FETCHED, 0),
            "analysed": counts.get(STATUS_ANALYSED, 0),
            "clustered": counts.get(STATUS_CLUSTERED, 0),
            "failed": counts.get(STATUS_FAILED, 0),
        },
        "stories": stories,
        "queues": {
            "analysis": counts.get(STATUS_FETCHED, 0),  # stored, waiting to be analysed
            "clustering": counts.get(STATUS_ANALYSED, 0),  # analysed, waiting for a story
            "fetching": state.fetching if state else 0,
            "sources_due": state.waiting if state else 0,
        },
        "sources": sources,
        "sources_failing": sum(1 for s in sources if s["state"] == "failing"),
    }
    if state is not None:
        out.update(
            phase=state.phase,
            started_at=_utc(state.started),
            uptime_seconds=round(time.time() - state.started, 1),
            pipeline_error=state.pipeline_error,
            dask_dashboard=state.dask_dashboard,
            run=state.counters(),
            recent_failures=state.recent_failures(),
        )
    return out
