"""When a source is polled again: the one back-off policy.

A healthy source waits its interval. A source that fails waits ``retry`` seconds (never
longer than its interval), then twice as long after each further failure in a row, up to
``max_backoff``; one success resets it. ``run``'s scheduler adds ± jitter to every wait so
sources drift apart; the ``next_due_at`` stored for a source is the wait without jitter.
"""

from __future__ import annotations

RETRY = 60.0  # seconds: the first wait after a failure
MAX_BACKOFF = 3600.0  # seconds: the longest wait after repeated failures


def backoff_wait(interval: float, failures: int, *, retry: float = RETRY,
                 max_backoff: float = MAX_BACKOFF) -> float:
    """Seconds until the next poll of a source polled every ``interval`` seconds, after
    ``failures`` failures in a row (0: it answered well)."""
    if failures <= 0:
        return interval
    first = min(retry, interval)
    # The exponent is capped so a source failing for months does not overflow the float.
    return max(first, min(max_backoff, first * 2.0 ** min(failures - 1, 30)))
