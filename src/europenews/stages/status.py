"""The status JSON (``europenews.status/1``): what the stages have done and what waits.

:func:`status_snapshot` reads the store (articles per stage, the queues between the stages,
stories, every source with its last error), so ``serve`` answers ``/api/status`` from the
store alone. A running ``run`` job adds its own figures as a :class:`LiveStatus` (phase,
counters of this run, the configured sources and its timetable, recent failures); the
terminal status line, the site and ``/api/status`` then show the same JSON.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Engine

from europenews.store.articles import status_counts
from europenews.store.schema import STATUS_ANALYSED, STATUS_CLUSTERED, STATUS_FAILED, STATUS_FETCHED
from europenews.store.sources import list_sources
from europenews.store.stories import list_stories

SCHEMA = "europenews.status/1"


@dataclass(frozen=True, slots=True)
class ConfiguredSource:
    """A source a job was configured with (its live state comes from the store)."""

    key: str  # URL, or the resolved folder path (the store's ``sources.url``)
    name: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class LiveStatus:
    """A running job's own figures at one moment."""

    phase: str  # starting | loading model | running | stopping | stopped
    started: float  # time.time() when the job started
    pipeline_error: str | None = None
    dask_dashboard: str | None = None
    sources: tuple[ConfiguredSource, ...] = ()  # in configuration order
    next_poll: Mapping[str, str] = field(default_factory=dict)  # source key → UTC time
    fetching: int = 0  # sources being fetched right now
    waiting: int = 0  # sources due, waiting for a free slot
    counters: Mapping[str, int] = field(default_factory=dict)
    recent_failures: tuple[Mapping[str, str], ...] = ()


def utc_text(ts: float | None = None) -> str:
    """``time.time()`` (default: now) as ``YYYY-MM-DDTHH:MM:SSZ``."""
    moment = datetime.fromtimestamp(ts, UTC) if ts is not None else datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _source_state(last_fetched_at: str | None, last_status: int | None,
                  last_error: str | None) -> str:
    if last_error:
        return "failing"
    if last_fetched_at is None:
        return "pending"
    return "not modified" if last_status == 304 else "ok"


def status_snapshot(engine: Engine, live: LiveStatus | None = None) -> dict[str, Any]:
    """The status as JSON-ready data: articles per stage, queues, sources with their errors,
    and (with a running job's ``live`` figures) its counters and recent failures."""
    with engine.connect() as conn:
        counts = status_counts(conn)
        stored = {s.url: s for s in list_sources(conn)}
        stories = len(list_stories(conn, limit=100_000))  # bounded: for a count only
    configured = {s.key: s for s in live.sources} if live is not None else {}
    next_poll = live.next_poll if live is not None else {}
    # Configured sources first (in configuration order), then any other known source.
    keys = list(configured) + [k for k in stored if k not in configured]
    sources = []
    for key in keys:
        info, row = configured.get(key), stored.get(key)
        sources.append({
            "name": (info.name if info else None) or (row.name or row.title if row else None)
            or key,
            "url": key,
            "kind": row.kind if row else (info.kind if info else None),
            "configured": info is not None,
            "state": _source_state(row.last_fetched_at, row.last_status, row.last_error)
            if row else "pending",
            "last_fetched_at": row.last_fetched_at if row else None,
            "last_status": row.last_status if row else None,
            "last_error": row.last_error if row else None,
            "failure_count": row.failure_count if row else 0,
            "failing_since": row.failing_since if row else None,
            # The running scheduler's own timetable when there is one (it may retry sooner).
            "next_due_at": next_poll.get(key) or (row.next_due_at if row else None),
        })
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "running": live is not None and live.phase != "stopped",
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
            "fetching": live.fetching if live else 0,
            "sources_due": live.waiting if live else 0,
        },
        "sources": sources,
        "sources_failing": sum(1 for s in sources if s["state"] == "failing"),
    }
    if live is not None:
        out.update(
            phase=live.phase,
            started_at=utc_text(live.started),
            uptime_seconds=round(time.time() - live.started, 1),
            pipeline_error=live.pipeline_error,
            dask_dashboard=live.dask_dashboard,
            run=dict(live.counters),
            recent_failures=[dict(f) for f in live.recent_failures],
        )
    return out
