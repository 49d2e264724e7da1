"""What ``run`` is doing right now, for the terminal status line, the site and ``/api/status``.

:class:`RunState` holds the live counters of one ``run`` process (thread-safe; the workers
update it); :meth:`RunState.live` gives them as a frozen
:class:`~europenews.stages.status.LiveStatus`, which
:func:`~europenews.stages.status.status_snapshot` combines with what the store knows.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from europenews.stages.status import ConfiguredSource, LiveStatus, utc_text
from europenews.stages.summary import COUNTS, IngestSummary


@dataclass
class RunState:
    """Live counters of one ``run`` process; every method is safe to call from any thread."""

    started: float = field(default_factory=time.time)
    phase: str = "starting"  # starting | loading model | running | stopping | stopped
    pipeline_error: str | None = None
    dask_dashboard: str | None = None  # Dask's own dashboard, when analysis runs there
    sources: dict[str, ConfiguredSource] = field(default_factory=dict)
    polls: int = 0
    failed_polls: int = 0  # polls that ended with the source failing (it is retried later)
    fetching: int = 0  # sources being fetched right now
    waiting: int = 0  # sources due, waiting for a free slot
    next_poll: dict[str, str] = field(default_factory=dict)  # source key → UTC time
    _totals: IngestSummary = field(default_factory=IngestSummary)
    _running: list[IngestSummary] = field(default_factory=list)
    _recent: deque[tuple[str, str, str]] = field(default_factory=lambda: deque(maxlen=50))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add_source(self, key: str, name: str | None, kind: str) -> None:
        with self._lock:
            self.sources.setdefault(key, ConfiguredSource(key, name, kind))

    def set(self, **values: Any) -> None:
        with self._lock:
            for key, value in values.items():
                setattr(self, key, value)

    def set_next_poll(self, key: str, seconds: float) -> str:
        """Note when ``key`` is polled next (in ``seconds``); returns that UTC time ("" for
        never: ``run --once`` polls each source once)."""
        when = utc_text(time.time() + seconds) if seconds < 1e12 else ""
        with self._lock:
            self.next_poll[key] = when
        return when

    def begin(self, summary: IngestSummary) -> None:
        """Count a running job's summary live (it keeps being updated by the job)."""
        with self._lock:
            self._running.append(summary)

    def end(self, summary: IngestSummary, polled: bool = False, ok: bool = True) -> None:
        """A job finished (``polled``: a source poll, ``ok``: the source answered well): fold
        its summary into the totals."""
        stamp = utc_text()
        with self._lock:
            # By identity: summaries are dataclasses, and two may compare equal.
            self._running = [s for s in self._running if s is not summary]
            self._totals.merge(summary)
            self._totals.failures.clear()  # a long run keeps only the recent ones (below)
            self.polls += int(polled)
            self.failed_polls += int(polled and not ok)
            for where, reason in summary.failures:
                self._recent.append((stamp, where, reason))

    def counters(self) -> dict[str, int]:
        with self._lock:
            return self._counters()

    def _counters(self) -> dict[str, int]:
        parts = [self._totals, *self._running]
        out = {name: sum(getattr(p, name) for p in parts) for name in COUNTS}
        out["polls"] = self.polls
        out["failed_polls"] = self.failed_polls
        return out

    def recent_failures(self, limit: int = 20) -> list[dict[str, str]]:
        with self._lock:
            items = list(self._recent)[-limit:]
        return [{"at": at, "source": where, "error": reason} for at, where, reason in
                reversed(items)]

    def live(self) -> LiveStatus:
        """The figures at this moment, taken under one lock (consistent with each other)."""
        failures = self.recent_failures()
        with self._lock:
            return LiveStatus(
                phase=self.phase, started=self.started, pipeline_error=self.pipeline_error,
                dask_dashboard=self.dask_dashboard, sources=tuple(self.sources.values()),
                next_poll=dict(self.next_poll), fetching=self.fetching, waiting=self.waiting,
                counters=self._counters(), recent_failures=tuple(failures))
