"""The status JSON: the store's figures alone, or with a running job's live ones."""

from __future__ import annotations

import time

from sqlalchemy.engine import Engine

from europenews.stages.status import ConfiguredSource, LiveStatus, status_snapshot
from europenews.store.sources import ensure_source, record_failure

A, B = "https://a.example/rss", "https://b.example/rss"


def live(**values: object) -> LiveStatus:
    base: dict[str, object] = {"phase": "running", "started": time.time() - 5}
    base.update(values)
    return LiveStatus(**base)  # type: ignore[arg-type]


def test_status_of_an_empty_store(engine: Engine) -> None:
    status = status_snapshot(engine)
    assert status["schema"] == "europenews.status/1"
    assert status["articles"]["total"] == 0 and status["sources"] == []
    assert status["running"] is False and "run" not in status


def test_status_lists_configured_sources_first_with_their_errors(engine: Engine) -> None:
    with engine.begin() as conn:
        ensure_source(conn, "/data/inbox", "file")  # known to the store, not configured
        source = ensure_source(conn, A, "feed")
        record_failure(conn, source.id, f"{A}: cannot resolve host")
    configured = (ConfiguredSource(A, "Desk A", "feed"), ConfiguredSource(B, "Desk B", "feed"))
    status = status_snapshot(engine, live(sources=configured))
    a, b, other = status["sources"]
    assert (a["name"], a["state"], a["failure_count"]) == ("Desk A", "failing", 1)
    assert "cannot resolve host" in a["last_error"]
    assert (b["name"], b["state"], b["configured"]) == ("Desk B", "pending", True)
    assert (other["url"], other["configured"]) == ("/data/inbox", False)
    assert status["sources_failing"] == 1


def test_status_scheduler_time_wins_over_stored_due_time(engine: Engine) -> None:
    with engine.begin() as conn:
        source = ensure_source(conn, A, "feed")
        record_failure(conn, source.id, "boom", next_due_at="2099-01-01T00:00:00Z")
    status = status_snapshot(engine, live(sources=(ConfiguredSource(A, "Desk A", "feed"),),
                                          next_poll={A: "2030-01-01T00:00:00Z"}))
    [row] = status["sources"]
    assert row["next_due_at"] == "2030-01-01T00:00:00Z"
    [row] = status_snapshot(engine)["sources"]  # without the job: the stored time
    assert row["next_due_at"] == "2099-01-01T00:00:00Z"


def test_status_with_a_job_carries_its_live_figures(engine: Engine) -> None:
    failure = {"at": "2030-01-01T00:00:00Z", "source": A, "error": "HTTP 503"}
    status = status_snapshot(engine, live(fetching=2, waiting=1, counters={"new": 4},
                                          recent_failures=(failure,)))
    assert status["running"] is True and status["phase"] == "running"
    assert (status["queues"]["fetching"], status["queues"]["sources_due"]) == (2, 1)
    assert status["run"] == {"new": 4} and status["recent_failures"] == [failure]
    assert status["uptime_seconds"] >= 5
    assert status_snapshot(engine, live(phase="stopped"))["running"] is False
