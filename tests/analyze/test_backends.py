"""Where analysis runs: the pipeline in this process, or an engine such as Dask."""

from __future__ import annotations

import os

import pytest

from europenews.analyze import backends
from europenews.config import Settings
from europenews.errors import ConfigError
from europenews.model import Analysis, Article

ARTICLES = [Article(text=f"Report {i} from Riga.", id=str(i)) for i in range(5)]


class _Engine:
    """An analysis backend that records what it was given."""

    name = "fake"

    def __init__(self) -> None:
        self.seen: list[Article] = []

    def analyze(self, articles):
        for article in articles:
            self.seen.append(article)
            yield Analysis(article=article)

    def close(self) -> None:
        pass


def test_backends_local_engine_is_the_pipeline(monkeypatch):
    built = []
    monkeypatch.setattr("europenews.analyze.pipeline.build_pipeline",
                        lambda settings=None: built.append(settings) or "the pipeline")
    settings = Settings(engine="local", workers=1)
    assert backends.make_analyzer(settings) == "the pipeline"
    assert built == [settings]


@pytest.mark.parametrize(("workers", "expected"), [(0, len(os.sched_getaffinity(0))), (3, 3)])
def test_backends_local_engine_runs_worker_processes_by_default(monkeypatch, workers,
                                                                expected):
    made = []
    monkeypatch.setattr("europenews.analyze.processes.ProcessBackend",
                        lambda settings, n: made.append(n) or "the processes")
    monkeypatch.setattr("europenews.analyze.pipeline.build_pipeline",
                        lambda settings=None: "the pipeline")
    got = backends.make_analyzer(Settings(engine="local", workers=workers))
    assert got == ("the processes" if expected > 1 else "the pipeline")
    assert made == ([expected] if expected > 1 else [])


def test_backends_unknown_engine_fails():
    with pytest.raises(ConfigError, match="engine 'spark': unknown"):
        backends.make_analyzer(Settings(engine="spark"))


def test_backends_dask_engine_needs_a_scheduler():
    pytest.importorskip("distributed")
    with pytest.raises(ConfigError, match="--scheduler"):
        backends.make_analyzer(Settings(engine="dask", scheduler=None))


def test_backends_analyze_with_a_pipeline_keeps_input_order(nlp):
    found = [a.article.id for a in backends.analyze_with(nlp, ARTICLES, batch_size=2)]
    assert found == [a.id for a in ARTICLES]


def test_backends_analyze_with_an_engine_hands_it_the_articles():
    engine = _Engine()
    found = list(backends.analyze_with(engine, ARTICLES, batch_size=2))
    assert [a.article for a in found] == ARTICLES == engine.seen
