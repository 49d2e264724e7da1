"""The whole flow as a library: sources → stored articles → analyses → stories.

``ingest_sources`` is what the ``ingest`` command calls; ``process_pending`` is the part after
fetching, which ``run``'s analysis thread calls whenever new articles are stored.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from sqlalchemy.engine import Engine

from europenews.ingest.fetch import Fetcher
from europenews.ingest.sources import SourceSpec, expand_sources
from europenews.stages.analysis import Analyser, analyze_pending
from europenews.stages.clustering import AnalysedInHand, cluster_pending, new_clusterer
from europenews.stages.collect import Collector
from europenews.stages.settings import IngestSettings
from europenews.stages.summary import IngestSummary, NullProgress, Progress
from europenews.stages.writer import DirectWriter, Writer
from europenews.store.articles import STATUS_ANALYSED, count_articles
from europenews.stories.cluster import OnlineClusterer


def ingest_sources(
    sources: Sequence[str],
    engine: Engine,
    nlp: Analyser | None,
    settings: IngestSettings | None = None,
    progress: Progress | None = None,
    clusterer: OnlineClusterer | None = None,
    *,
    writer: Writer | None = None,
    stop: threading.Event | None = None,
) -> IngestSummary:
    """Read, store, analyse and cluster ``sources`` (paths and URLs); never raises for one
    bad source. ``nlp`` None stores articles without analysing them (they stay pending)."""
    settings = settings or IngestSettings()
    progress = progress or NullProgress()
    writer = writer or DirectWriter(engine)
    stop = stop or threading.Event()
    specs = expand_sources(list(sources))
    with Fetcher(settings.fetch, stop=stop) as fetcher:
        collector = Collector(engine, writer, settings, fetcher, progress=progress, stop=stop)
        progress.stage("fetch", None)  # articles stored so far (their number is not known)
        for spec in specs:
            if stop.is_set():
                break
            where = spec.location if isinstance(spec, SourceSpec) else str(spec)
            with collector.boundary(where):  # one source's problem never stops the others
                collector.collect_spec(spec)
    summary = collector.summary
    process_pending(engine, nlp, settings, summary, progress, clusterer, writer=writer,
                    stop=stop)
    return summary


def process_pending(
    engine: Engine,
    nlp: Analyser | None,
    settings: IngestSettings,
    summary: IngestSummary,
    progress: Progress | None = None,
    clusterer: OnlineClusterer | None = None,
    *,
    writer: Writer | None = None,
    stop: threading.Event | None = None,
) -> OnlineClusterer | None:
    """Analyse and cluster whatever is pending in the store; returns the clusterer used
    (restored from the store on first use), to be passed to the next call."""
    writer = writer or DirectWriter(engine)
    stop = stop or threading.Event()
    in_hand = AnalysedInHand()
    if nlp is not None:
        analyze_pending(engine, nlp, summary, progress, settings.batch_size, settings.model,
                        writer=writer, stop=stop, analysed=in_hand.keep)
    if not settings.cluster or stop.is_set():
        return clusterer
    with engine.connect() as conn:
        pending = count_articles(conn, STATUS_ANALYSED)
    if pending:
        if clusterer is None:
            clusterer = new_clusterer(engine)
        cluster_pending(engine, clusterer, summary, progress, writer=writer, stop=stop,
                        in_hand=in_hand)
    return clusterer
