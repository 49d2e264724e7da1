from __future__ import annotations

from europenews.web.memo import StoreMemo


def test_memo_reuses_value_while_version_is_unchanged():
    memo, calls = StoreMemo(), []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    assert memo.get("front", (1,), compute) == 1
    assert memo.get("front", (1,), compute) == 1
    assert memo.get("front", (2,), compute) == 2  # the store changed
    assert memo.get("map", (2,), compute) == 3  # another key


def test_memo_expires_after_ttl():
    memo, calls = StoreMemo(ttl=0.0), []
    compute = lambda: calls.append(1) or len(calls)  # noqa: E731
    memo.get("front", (1,), compute)
    assert memo.get("front", (1,), compute) == 2
