"""Where analysis runs: in local worker processes (the default), in this process, or on Dask
workers.

Ingestion holds an *analyser*: the spaCy pipeline itself, or an engine object with
``analyze(articles)``. Both take ``Article`` objects and give ``Analysis`` objects in input
order (``analyze_with``), so the side that owns the store does not care which it was given.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from europenews.config import Settings
from europenews.errors import ConfigError
from europenews.model import Analysis, Article

if TYPE_CHECKING:  # spaCy is imported where a pipeline is built: a command whose analysis
    # runs in worker processes starts them sooner without it
    from spacy.language import Language

ENGINES = ("local", "dask")


class AnalysisBackend(Protocol):
    name: str

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]: ...

    def close(self) -> None: ...


class DaskBackend:
    """Analysis on the workers of a Dask distributed cluster."""

    name = "dask"

    def __init__(self, settings: Settings, scheduler: str | None = None,
                 client: Any = None) -> None:
        from europenews.analyze import distributed

        self.settings = settings
        self._own_client = client is None
        self.client = client if client is not None else distributed.connect(scheduler, settings)
        if client is not None:
            distributed.register(client, settings)

    @property
    def dashboard_link(self) -> str | None:
        return getattr(self.client, "dashboard_link", None)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        from europenews.analyze.distributed import analyze_many

        return analyze_many(self.client, articles, batch_size=self.settings.batch_size)

    def close(self) -> None:
        if self._own_client:
            self.client.close()


def make_analyzer(settings: Settings) -> Language | AnalysisBackend:
    """What ingestion analyses with: local worker processes, one per core (the default), the
    pipeline itself in this process (``settings.workers`` 1, or a one-core machine), or a
    Dask engine when ``settings.engine`` is ``dask``."""
    if settings.engine == "local":
        from europenews.analyze.processes import ProcessBackend, resolve_workers

        workers = resolve_workers(settings.workers)
        if workers > 1:
            return ProcessBackend(settings, workers)
        from europenews.analyze.pipeline import build_pipeline

        return build_pipeline(settings)
    if settings.engine == "dask":
        return DaskBackend(settings, scheduler=settings.scheduler)
    raise ConfigError(f"engine {settings.engine!r}: unknown (use one of {', '.join(ENGINES)})")


def analyze_with(
    analyser: Language | AnalysisBackend, articles: Sequence[Article], batch_size: int
) -> Iterator[Analysis]:
    """Analyses of ``articles`` in input order, by a pipeline or an engine."""
    from spacy.language import Language

    if isinstance(analyser, Language):
        from europenews.analyze.pipeline import analyze_articles

        return analyze_articles(analyser, articles, batch_size=batch_size)
    return analyser.analyze(articles)
