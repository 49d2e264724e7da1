"""The job's live figures: counters of running and finished polls, recent failures, and the
frozen view the status snapshot reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from europenews.runner.state import RunState
from europenews.stages.status import ConfiguredSource, status_snapshot
from europenews.stages.summary import IngestSummary
from europenews.store.engine import open_store


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_store(f"sqlite:///{tmp_path / 'status.db'}")
    yield engine
    engine.dispose()


def test_state_counts_running_jobs_live_and_keeps_recent_failures(engine: Engine) -> None:
    state = RunState()
    job = IngestSummary()
    state.begin(job)
    job.fetched, job.new = 3, 2
    assert state.counters()["new"] == 2  # visible while the job still runs
    job.fail("https://a.example/rss", "HTTP 503")
    state.end(job, polled=True)
    counters = state.counters()
    assert (counters["new"], counters["failed"], counters["polls"]) == (2, 1, 1)
    [failure] = status_snapshot(engine, state.live())["recent_failures"]
    assert failure["error"] == "HTTP 503"


def test_state_tells_equal_running_summaries_apart() -> None:
    state = RunState()
    first, second = IngestSummary(), IngestSummary()  # equal values, different jobs
    state.begin(first)
    state.begin(second)
    state.end(first)
    second.new = 5  # still running: must still be counted live
    assert state.counters()["new"] == 5


def test_state_live_view_is_a_frozen_copy() -> None:
    state = RunState()
    state.add_source("https://a.example/rss", "Desk A", "feed")
    state.set(phase="running", fetching=2)
    state.set_next_poll("https://a.example/rss", 60)
    live = state.live()
    state.add_source("https://b.example/rss", "Desk B", "feed")
    state.set(phase="stopping")
    assert live.phase == "running" and live.fetching == 2
    assert live.sources == (ConfiguredSource("https://a.example/rss", "Desk A", "feed"),)
    assert live.next_poll["https://a.example/rss"].endswith("Z")


def test_state_counts_failed_polls_apart_from_refused_items() -> None:
    state = RunState()
    for ok in (True, False, False):
        job = IngestSummary()
        state.begin(job)
        job.refuse("https://a.example/rss", "feed item without a link")
        state.end(job, polled=True, ok=ok)
    counters = state.counters()
    assert (counters["polls"], counters["failed_polls"], counters["refused"],
            counters["failed"]) == (3, 2, 3, 0)
