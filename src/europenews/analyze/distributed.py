"""Analysis on Dask distributed workers.

Each worker builds the spaCy pipeline (and its gazetteers) once, through a worker plugin,
and analyses batches of articles with ``nlp.pipe``. Only plain picklable objects cross the
wire: ``Article`` lists go out, ``Analysis`` lists come back; a spaCy Doc never leaves a
worker. Results are yielded in input order so that the caller (the side that owns the
store) can write them in batches and feed the story clusterer in publication order.

A batch whose worker dies is recomputed on another worker by the scheduler; ``retries``
covers errors raised inside a task. Analysis is a pure function of the article, so a
recomputed batch gives the same result and the store's idempotent writes see no double.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from europenews.config import Settings
from europenews.errors import ConfigError
from europenews.model import Analysis, Article

try:
    from distributed import Client, get_worker
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:  # dask is an optional extra; engine.py imports us only on demand
    raise ConfigError(
        "the dask engine needs dask[distributed]: pip install 'europenews[dask]'"
    ) from exc

PLUGIN_NAME = "europenews-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Builds the pipeline once when a worker starts (and again on a restarted worker)."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.nlp: Any = None

    def setup(self, worker: Any) -> None:
        from europenews.analyze.pipeline import build_pipeline

        self.nlp = build_pipeline(self.settings)


def analyze_batch(articles: list[Article]) -> list[Analysis]:
    """Task run on a worker: analyse a batch with the worker's pipeline."""
    from europenews.analyze.pipeline import analyze_articles

    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin)  # registered by register() under that name
    return list(analyze_articles(plugin.nlp, articles, batch_size=len(articles) or 1))


def connect(scheduler: str | None, settings: Settings) -> Client:
    """A Dask client for ``scheduler`` (``tcp://host:8786``) with our plugin registered."""
    if not scheduler:
        raise ConfigError(
            "--engine dask needs --scheduler tcp://HOST:8786 (or EUROPENEWS_SCHEDULER)"
        )
    try:
        client = Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"dask scheduler {scheduler}: cannot connect ({exc})") from exc
    register(client, settings)
    return client


def register(client: Client, settings: Settings) -> None:
    """Install the pipeline plugin on every current and future worker of the client."""
    client.register_plugin(PipelinePlugin(settings), name=PLUGIN_NAME)


def analyze_many(
    client: Client,
    articles: Iterable[Article],
    batch_size: int = 32,
    max_in_flight: int | None = None,
    retries: int = 3,
) -> Iterator[Analysis]:
    """Analyse articles on the cluster; yields analyses in input order.

    At most ``max_in_flight`` batches are submitted at a time (default: two per worker
    thread), so a long input stream does not pile up on the scheduler.
    """
    if max_in_flight is None:
        threads = sum(client.nthreads().values()) or 1  # type: ignore[no-untyped-call]
        max_in_flight = 2 * threads
    batches = _batched(articles, batch_size)
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(client.submit(analyze_batch, batch, pure=False, retries=retries))
        if len(pending) >= max_in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
