"""When ``run`` polls each source: per-source intervals, back-off, jitter, concurrency limits.

A pure in-memory timetable with an injectable clock, so it is tested without waiting: the
runner asks :meth:`Scheduler.take_due` for the jobs it may start now, runs them, and reports
each back with :meth:`Scheduler.done`. A source that fails waits as ``stages.backoff`` says
(the one back-off policy); it is marked as failing, never retried in a hot loop. Every wait
carries ± ``jitter`` so sources drift apart instead of polling in lockstep. At most
``concurrency`` jobs run at once, of which ``per_host`` per host (politeness: one host never
sees two of our requests at the same time by default).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from europenews.stages.backoff import MAX_BACKOFF, RETRY, backoff_wait


@dataclass
class Job:
    """One source's timetable entry (``due`` is on the scheduler's clock)."""

    key: str  # what identifies the source (its URL or folder path)
    kind: str  # feed | folder | opml
    host: str  # concurrency is limited per host ("" for local sources: no host limit)
    interval: float
    due: float
    failures: int = 0
    running: bool = False
    polls: int = 0

    @property
    def failing(self) -> bool:
        return self.failures > 0


def host_of(location: str) -> str:
    """The host a URL is fetched from ("" for a local path)."""
    return (urlsplit(location).hostname or "").lower() if "://" in location else ""


@dataclass
class Scheduler:
    """Due times for a set of sources, with back-off, jitter and concurrency limits."""

    max_backoff: float = MAX_BACKOFF
    retry: float = RETRY  # the first wait after a failure (never longer than the interval)
    jitter: float = 0.1
    concurrency: int = 4
    per_host: int = 1
    clock: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)
    jobs: dict[str, Job] = field(default_factory=dict)

    def add(self, key: str, kind: str, interval: float, *, host: str | None = None,
            delay: float = 0.0, failures: int = 0) -> Job:
        """Schedule a source (first poll after ``delay``); re-adding a known key keeps it."""
        if key in self.jobs:
            return self.jobs[key]
        job = Job(key, kind, host_of(key) if host is None else host, interval,
                  self.clock() + delay, failures)
        self.jobs[key] = job
        return job

    def wait_after(self, job: Job) -> float:
        """Seconds until the next poll of ``job`` given its failure count (jitter included)."""
        base = backoff_wait(job.interval, job.failures, retry=self.retry,
                            max_backoff=self.max_backoff)
        return base * (1.0 + self.rng.uniform(-self.jitter, self.jitter))

    def take_due(self) -> list[Job]:
        """Jobs to start now, earliest due first, within the limits; they are marked running."""
        now = self.clock()
        running = [j for j in self.jobs.values() if j.running]
        per_host: dict[str, int] = {}
        for job in running:
            per_host[job.host] = per_host.get(job.host, 0) + 1
        slots = self.concurrency - len(running)
        started: list[Job] = []
        for job in sorted(self.jobs.values(), key=lambda j: (j.due, j.key)):
            if slots <= 0 or job.due > now:
                break
            if job.running:
                continue
            if job.host and per_host.get(job.host, 0) >= self.per_host:
                continue
            job.running = True
            per_host[job.host] = per_host.get(job.host, 0) + 1
            slots -= 1
            started.append(job)
        return started

    def done(self, key: str, ok: bool) -> Job:
        """A job finished: reset or count its failures and set its next due time."""
        job = self.jobs[key]
        job.running = False
        job.polls += 1
        job.failures = 0 if ok else job.failures + 1
        job.due = self.clock() + self.wait_after(job)
        return job

    def seconds_until_due(self) -> float | None:
        """How long until the next job that is not running is due (0 if overdue; None: none)."""
        waiting = [j.due for j in self.jobs.values() if not j.running]
        if not waiting:
            return None
        return max(0.0, min(waiting) - self.clock())

    def running_count(self) -> int:
        return sum(1 for j in self.jobs.values() if j.running)

    def due_count(self) -> int:
        """Jobs due now but not started (waiting for a free slot)."""
        now = self.clock()
        return sum(1 for j in self.jobs.values() if not j.running and j.due <= now)
