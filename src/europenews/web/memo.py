"""A small per-app memo for the aggregate queries that read much of the store (the front page
ranking, the world map) and for the pages read far more often than they change (a story page
with its brief), reused while the store is unchanged.

Lives on ``app.state`` (never at module level), keyed by name and checked against
``store_version`` (a cheap query: newest article, articles per stage, last story update);
entries also expire after ``ttl`` seconds, so a re-analysis that keeps those figures equal
is picked up soon anyway.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

from fastapi import Request
from sqlalchemy import Connection

from europenews.store.views import store_version

MAX_ENTRIES = 256


class StoreMemo:
    def __init__(self, ttl: float = 60.0) -> None:
        self.ttl = ttl
        self._entries: dict[Hashable, tuple[Hashable, float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, version: Hashable, compute: Callable[[], Any]) -> Any:
        """The memoised value for ``key`` at ``version``, computing it when stale."""
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None and hit[0] == version and now - hit[1] < self.ttl:
            return hit[2]
        value = compute()
        with self._lock:
            self._entries.pop(key, None)
            while len(self._entries) >= MAX_ENTRIES:  # bounded: drop the oldest entry
                del self._entries[next(iter(self._entries))]
            self._entries[key] = (version, now, value)
        return value


def memoised(request: Request, conn: Connection, key: Hashable,
             compute: Callable[[], Any]) -> Any:
    """``compute()`` reused while the store is unchanged: the app's memo (on ``app.state``)
    checked against ``store_version(conn)``."""
    memo: StoreMemo = request.app.state.memo
    return memo.get(key, store_version(conn), compute)
