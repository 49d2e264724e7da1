"""The status snapshot: store figures, configured sources with their errors, live counters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from europenews.ingest.summary import IngestSummary
from europenews.runner.state import RunState, status_snapshot
from europenews.store.engine import open_store
from europenews.store.sources import ensure_source, record_failure


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_store(f"sqlite:///{tmp_path / 'status.db'}")
    yield engine
    engine.dispose()


def test_state_snapshot_of_an_empty_store(engine: Engine) -> None:
    status = status_snapshot(engine)
    assert status["schema"] == "europenews.status/1"
    assert status["articles"]["total"] == 0 and status["sources"] == []
    assert status["running"] is False and "run" not in status


def test_state_snapshot_lists_configured_sources_with_errors(engine: Engine) -> None:
    state = RunState()
    state.add_source("https://a.example/rss", "Desk A", "feed")
    state.add_source("https://b.example/rss", "Desk B", "feed")
    with engine.begin() as conn:
        source = ensure_source(conn, "https://a.example/rss", "feed")
        record_failure(conn, source.id, "https://a.example/rss: cannot resolve host")
    status = status_snapshot(engine, state)
    a, b = status["sources"]
    assert (a["name"], a["state"], a["failure_count"]) == ("Desk A", "failing", 1)
    assert "cannot resolve host" in a["last_error"]
    assert (b["name"], b["state"]) == ("Desk B", "pending")
    assert status["sources_failing"] == 1


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
    [failure] = status_snapshot(engine, state)["recent_failures"]
    assert failure["error"] == "HTTP 503"


def test_state_scheduler_time_wins_over_stored_due_time(engine: Engine) -> None:
    state = RunState()
    state.add_source("https://a.example/rss", "Desk A", "feed")
    with engine.begin() as conn:
        source = ensure_source(conn, "https://a.example/rss", "feed")
        record_failure(conn, source.id, "boom", next_due_at="2099-01-01T00:00:00Z")
    state.set_next_poll("https://a.example/rss", 60)
    [row] = status_snapshot(engine, state)["sources"]
    assert row["next_due_at"] != "2099-01-01T00:00:00Z"


def test_state_tells_equal_running_summaries_apart() -> None:
    state = RunState()
    first, second = IngestSummary(), IngestSummary()  # equal values, different jobs
    state.begin(first)
    state.begin(second)
    state.end(first)
    second.new = 5  # still running: must still be counted live
    assert state.counters()["new"] == 5
