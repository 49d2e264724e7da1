"""The polling timetable: intervals, back-off with jitter, concurrency limits (fake clock)."""

from __future__ import annotations

import random

import pytest

from europenews.runner.scheduler import Scheduler, host_of
from europenews.stages.backoff import backoff_wait


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make(**kwargs: object) -> tuple[Scheduler, Clock]:
    clock = Clock()
    values: dict[str, object] = {"jitter": 0.0, "clock": clock, "rng": random.Random(1)}
    values.update(kwargs)
    return Scheduler(**values), clock  # type: ignore[arg-type]


def test_scheduler_new_sources_are_due_at_once() -> None:
    sched, _ = make()
    sched.add("https://a.example/feed", "feed", 900)
    assert [j.key for j in sched.take_due()] == ["https://a.example/feed"]


def test_scheduler_healthy_source_waits_its_interval() -> None:
    sched, clock = make()
    sched.add("https://a.example/feed", "feed", 900)
    sched.take_due()
    sched.done("https://a.example/feed", ok=True)
    clock.now += 899
    assert sched.take_due() == []
    clock.now += 2
    assert len(sched.take_due()) == 1


def test_scheduler_failures_back_off_exponentially_up_to_the_cap() -> None:
    sched, _ = make(retry=60, max_backoff=600)
    job = sched.add("https://a.example/feed", "feed", 900)
    waits = []
    for _ in range(6):
        sched.take_due()
        before = sched.clock()
        sched.done(job.key, ok=False)
        waits.append(job.due - before)
        sched.clock.now = job.due  # type: ignore[attr-defined]
    assert waits == [60, 120, 240, 480, 600, 600]
    assert job.failing and job.failures == 6


def test_scheduler_success_after_failures_resets_the_interval() -> None:
    sched, clock = make(retry=60)
    job = sched.add("https://a.example/feed", "feed", 900)
    sched.take_due()
    sched.done(job.key, ok=False)
    clock.now = job.due
    sched.take_due()
    sched.done(job.key, ok=True)
    assert job.failures == 0 and job.due - clock.now == 900


def test_scheduler_jitter_stays_within_bounds_and_varies() -> None:
    sched, _ = make(jitter=0.1)
    job = sched.add("https://a.example/feed", "feed", 1000)
    waits = {round(sched.wait_after(job), 3) for _ in range(50)}
    assert all(900 <= w <= 1100 for w in waits)
    assert len(waits) > 10


def test_scheduler_limits_concurrency_per_host() -> None:
    sched, _ = make(concurrency=10, per_host=1)
    for path in ("a", "b", "c"):
        sched.add(f"https://one.example/{path}", "feed", 900)
    sched.add("https://two.example/feed", "feed", 900)
    started = sched.take_due()
    assert sorted(host_of(j.key) for j in started) == ["one.example", "two.example"]
    sched.done(started[0].key, ok=True)
    assert len(sched.take_due()) == (1 if host_of(started[0].key) == "one.example" else 0)


def test_scheduler_limits_total_concurrency() -> None:
    sched, _ = make(concurrency=2, per_host=5)
    for i in range(5):
        sched.add(f"https://h{i}.example/feed", "feed", 900)
    assert len(sched.take_due()) == 2
    assert sched.running_count() == 2 and sched.due_count() == 3
    assert sched.take_due() == []


def test_scheduler_local_sources_have_no_host_limit() -> None:
    sched, _ = make(concurrency=5, per_host=1)
    sched.add("/data/a", "folder", 30, host="")
    sched.add("/data/b", "folder", 30, host="")
    assert len(sched.take_due()) == 2


def test_scheduler_readding_a_source_keeps_its_state() -> None:
    sched, _ = make()
    job = sched.add("https://a.example/feed", "feed", 900)
    job.failures = 3
    assert sched.add("https://a.example/feed", "feed", 60) is job
    assert job.interval == 900


@pytest.mark.parametrize(("location", "host"), [
    ("https://Feeds.Example.org/rss", "feeds.example.org"), ("/tmp/folder", ""),
    ("http://127.0.0.1:8000/x", "127.0.0.1"),
])
def test_scheduler_host_of(location: str, host: str) -> None:
    assert host_of(location) == host


def test_scheduler_seconds_until_due() -> None:
    sched, clock = make()
    assert sched.seconds_until_due() is None
    job = sched.add("https://a.example/feed", "feed", 100, delay=30)
    assert sched.seconds_until_due() == 30
    clock.now += 40
    assert sched.seconds_until_due() == 0
    sched.take_due()
    assert sched.seconds_until_due() is None
    sched.done(job.key, ok=True)
    assert sched.seconds_until_due() == 100


def test_scheduler_waits_what_the_back_off_policy_says() -> None:
    sched, _ = make(retry=30, max_backoff=500)
    job = sched.add("https://a.example/feed", "feed", 300)
    for failures in range(6):
        job.failures = failures
        assert sched.wait_after(job) == backoff_wait(300, failures, retry=30, max_backoff=500)
