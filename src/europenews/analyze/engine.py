"""Where analysis runs: in this process (the default) or on Dask workers.

Both engines take ``Article`` objects and yield ``Analysis`` objects in input order, so the
ingestion side does not care which one it was given.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from spacy.language import Language

from europenews.config import Settings
from europenews.errors import ConfigError
from europenews.model import Analysis, Article

ENGINES = ("local", "dask")


class Engine(Protocol):
    name: str

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Analysis in this process, with one pipeline built on first use."""

    name = "local"

    def __init__(self, settings: Settings, nlp: Language | None = None) -> None:
        self.settings = settings
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from europenews.analyze.pipeline import build_pipeline

            self._nlp = build_pipeline(self.settings)
        return self._nlp

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        from europenews.analyze.pipeline import analyze_articles

        return analyze_articles(self.nlp, articles, batch_size=self.settings.batch_size)

    def close(self) -> None:
        pass


class DaskEngine:
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


def make_engine(
    settings: Settings, engine: str | None = None, scheduler: str | None = None
) -> LocalEngine | DaskEngine:
    """The engine named by the option or ``EUROPENEWS_ENGINE`` (default: in-process)."""
    engine = engine or os.environ.get("EUROPENEWS_ENGINE") or "local"
    scheduler = scheduler or os.environ.get("EUROPENEWS_SCHEDULER")
    if engine in ("local", "inprocess", "in-process"):
        return LocalEngine(settings)
    if engine == "dask":
        return DaskEngine(settings, scheduler=scheduler)
    raise ConfigError(f"engine {engine!r}: unknown (use one of {', '.join(ENGINES)})")
