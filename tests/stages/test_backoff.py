"""The one back-off policy: a healthy source waits its interval, a failing one backs off."""

from __future__ import annotations

import pytest

from europenews.stages.backoff import backoff_wait


@pytest.mark.parametrize(("interval", "failures", "wait"), [
    (900, 0, 900),  # healthy: its interval
    (900, 1, 60), (900, 2, 120), (900, 3, 240),  # doubling from the first retry
    (900, 7, 3600), (900, 10_000, 3600),  # capped, even after months of failures
    (30, 1, 30), (30, 3, 120),  # never a first retry longer than the interval itself
], ids=["healthy", "first", "second", "third", "capped", "forever", "short-first",
        "short-third"])
def test_backoff_wait(interval: float, failures: int, wait: float) -> None:
    assert backoff_wait(interval, failures, retry=60, max_backoff=3600) == wait


def test_backoff_first_wait_is_never_under_the_retry_even_with_a_small_cap() -> None:
    assert backoff_wait(900, 5, retry=60, max_backoff=10) == 60
