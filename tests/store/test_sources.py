from __future__ import annotations

from sqlalchemy.engine import Engine

from europenews.store.sources import (
    due_sources,
    ensure_source,
    get_source,
    record_failure,
    record_success,
)


def test_sources_conditional_get_state_round_trips(engine: Engine) -> None:
    with engine.begin() as conn:
        src = ensure_source(conn, "https://example.org/feed.xml", "feed")
        record_success(conn, src.id, status=200, etag='"v1"', last_modified="Mon, 01 Jan 2024",
                       title="Example", next_due_at="2024-01-01T00:15:00Z")
        record_success(conn, src.id, status=304)  # a 304 keeps the stored validators
        state = get_source(conn, src.url)
    assert state is not None
    assert (state.etag, state.last_modified, state.title) == ('"v1"', "Mon, 01 Jan 2024", "Example")


def test_sources_failures_are_counted_and_due_later(engine: Engine) -> None:
    with engine.begin() as conn:
        src = ensure_source(conn, "https://example.org/gone.xml", "feed")
        record_failure(conn, src.id, "HTTP 410", status=410, next_due_at="2030-01-01T00:00:00Z")
        count = record_failure(conn, src.id, "HTTP 410", status=410,
                               next_due_at="2030-01-01T00:00:00Z")
        due_now = due_sources(conn, "2024-06-01T00:00:00Z")
        due_later = due_sources(conn, "2031-01-01T00:00:00Z")
        state = get_source(conn, src.url)
    assert count == 2 and state is not None and state.last_error == "HTTP 410"
    assert due_now == [] and [s.url for s in due_later] == [src.url]
