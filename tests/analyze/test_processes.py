"""Issue 19, item 1: analysis in local worker processes gives the same analyses, in input order,
as the pipeline in this process; a failing article or a dying worker fails alone; workers end
with their parent, even when it is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.language import Language

from europenews.analyze.pipeline import analyze_articles
from europenews.analyze.processes import Failed, ProcessBackend, resolve_workers
from europenews.config import Settings
from europenews.errors import ConfigError
from europenews.model import Article

TEXTS = [
    "Mayor Anna Berg of Tromsø said on Monday that the harbour would reopen next week.",
    "\"We will not wait any longer,\" the union leader Piotr Nowak told reporters in Gdańsk.",
    "A fire destroyed a warehouse in Lyon overnight, injuring two workers, police said.",
    "The European Commission fined a shipping firm in Rotterdam for breaking port rules.",
    "Floods cut the railway between Graz and Maribor; three people were reported missing.",
    "Finance minister Jonas Lind said the budget would be presented to parliament in May.",
    "Two climbers were rescued near Chamonix after a storm, the mountain guides said.",
    "The court in Vilnius adjourned the trial of a former customs chief until March.",
    "Protesters marched through Athens on Saturday against a rise in bus fares.",
    "A ferry carrying 300 passengers ran aground near Split; no one was hurt.",
    "Parliament in Riga approved a new energy law by 58 votes to 30.",
]


def _articles(n: int = len(TEXTS)) -> list[Article]:
    return [Article(text=TEXTS[i % len(TEXTS)] + f" Item {i}.", id=f"a{i}", title=f"Item {i}",
                    published=f"2026-05-{1 + i % 28:02d}") for i in range(n)]


@pytest.fixture(scope="module")
def backend():
    pool = ProcessBackend(Settings(), workers=2, chunk=3)
    yield pool
    pool.close()


@pytest.mark.slow
def test_workers_give_the_same_analyses_in_input_order(backend: ProcessBackend,
                                                       nlp: Language) -> None:
    articles = _articles(23)  # not a multiple of the chunk: a short last chunk
    expected = list(analyze_articles(nlp, articles))
    got = list(backend.results(articles))
    assert [a.id for a, _ in got] == [a.id for a in articles]
    assert [r for _, r in got] == expected
    assert any(r.entities for r in expected)  # the comparison covers real extractions


@pytest.mark.slow
def test_a_dead_worker_is_replaced_and_its_chunk_redone(backend: ProcessBackend,
                                                        nlp: Language) -> None:
    articles = _articles(12)
    stream = backend.results(articles)
    first = next(stream)  # the pool is running: kill one of its workers
    victim = next(iter(backend._pool._processes))  # the test needs a pid
    os.kill(victim, signal.SIGKILL)
    rest = list(stream)
    results = [first[1]] + [r for _, r in rest]
    assert not any(isinstance(r, Failed) for r in results)
    assert results == list(analyze_articles(nlp, articles))


def test_workers_default_to_every_core() -> None:
    assert resolve_workers(3) == 3
    assert resolve_workers(0) == len(os.sched_getaffinity(0))


def test_a_missing_model_is_a_config_error_before_any_worker_starts() -> None:
    with pytest.raises(ConfigError, match="not installed"):
        ProcessBackend(Settings(model="no_such_model_xyz"), workers=2)


WATCHED = """
import sys, time
from europenews.analyze.processes import ProcessBackend
from europenews.config import Settings
backend = ProcessBackend(Settings(), workers=2)
while len(backend._pool._processes) < 2:
    time.sleep(0.05)
print(" ".join(str(p) for p in backend._pool._processes), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split()[2] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


@pytest.mark.slow
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", WATCHED], stdout=subprocess.PIPE, text=True,
                            cwd=tmp_path)
    try:
        assert proc.stdout is not None
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(p) for p in pids)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 20
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in pids)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_worker_hands_freed_memory_back_after_every_chunk(
        nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    from europenews.analyze import processes

    trims: list[int] = []
    monkeypatch.setattr(processes, "_nlp", nlp)
    monkeypatch.setattr(processes, "_malloc_trim", trims.append)
    monkeypatch.setattr(processes, "_zone", None)
    monkeypatch.setattr(processes, "_first_done", True)
    articles = _articles(4)
    try:
        got = processes.analyze_chunk(articles[:2]) + processes.analyze_chunk(articles[2:])
    finally:
        if processes._zone is not None:  # the test's zone ends with it
            processes._zone.close()
    assert trims == [0, 0]  # once per chunk, keeping no free page
    assert got == list(analyze_articles(nlp, articles))


def test_a_workers_first_chunk_is_read_outside_a_memory_zone(
        nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy's tokenizer caches no word inside a zone: the first chunk fills its cache.
    from europenews.analyze import processes

    in_zone: list[bool] = []
    real = processes._analyze_chunk

    def spy(articles: list[Article]) -> list[processes.Result]:
        in_zone.append(nlp.vocab.in_memory_zone)
        return real(articles)

    monkeypatch.setattr(processes, "_nlp", nlp)
    monkeypatch.setattr(processes, "_zone", None)
    monkeypatch.setattr(processes, "_first_done", False)
    monkeypatch.setattr(processes, "_analyze_chunk", spy)
    articles = _articles(3)
    try:
        got = [result for i in range(3) for result in processes.analyze_chunk(articles[i:i + 1])]
    finally:
        if processes._zone is not None:
            processes._zone.close()
    assert in_zone == [False, True, True]
    assert got == list(analyze_articles(nlp, articles))
