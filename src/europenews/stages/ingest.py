"""The whole flow as a library: sources → stored articles → analyses → stories.

``ingest_sources`` is what the ``ingest`` command calls; ``process_pending`` is the part after
fetching, which ``run``'s analysis thread calls whenever new articles are stored. Only the
holder of the ``analysis`` lease (``stages.lease``) processes: ``ingest`` takes it when it is
free, and otherwise waits while its holder (a running ``run``) processes what this ingest
stored, or until the holder lets go.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

from sqlalchemy.engine import Engine

from europenews.ingest.fetch import Fetcher
from europenews.ingest.sources import SourceSpec, expand_sources, expected_items
from europenews.stages.analysis import Analyser, analyze_pending
from europenews.stages.clustering import (
    AfterAssign,
    AnalysedInHand,
    StoryClusterer,
    cluster_pending,
    cluster_ready,
    new_clusterer,
    repair_stories,
)
from europenews.stages.collect import Collector
from europenews.stages.lease import QueueLease
from europenews.stages.settings import IngestSettings
from europenews.stages.summary import IngestSummary, NullProgress, Progress
from europenews.stages.writer import DirectWriter, Writer
from europenews.store.articles import STATUS_ANALYSED, count_articles, count_waiting

log = logging.getLogger(__name__)

# How long ``ingest`` waits for another process's progress on what it stored before leaving
# the rest to that process (its analysis queue may be long, but it must be moving).
STALL_SECONDS = 600.0
POLL_SECONDS = 1.0


def ingest_sources(
    sources: Sequence[str],
    engine: Engine,
    nlp: Analyser | None,
    settings: IngestSettings | None = None,
    progress: Progress | None = None,
    clusterer: StoryClusterer | None = None,
    *,
    writer: Writer | None = None,
    stop: threading.Event | None = None,
    after_assign: AfterAssign | None = None,
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
        # Local files: their items are counted first, so the bar has a total and an ETA.
        total = expected_items(specs)
        progress.stage("read" if total is not None else "fetch", total)
        for spec in specs:
            if stop.is_set():
                break
            where = spec.location if isinstance(spec, SourceSpec) else str(spec)
            with collector.boundary(where):  # one source's problem never stops the others
                collector.collect_spec(spec)
        collector.finish_files()
    summary = collector.summary
    with QueueLease(engine, writer, "ingest") as lease:
        while not stop.is_set():
            if lease.acquire():
                process_pending(engine, nlp, settings, summary, progress, clusterer,
                                writer=writer, stop=stop, after_assign=after_assign)
                break
            if nlp is None or not _wait_for_holder(engine, lease, collector.stored, summary,
                                                   stop):
                break
    return summary


def _wait_for_holder(engine: Engine, lease: QueueLease, stored: list[str],
                     summary: IngestSummary, stop: threading.Event) -> bool:
    """Wait while another process holds the lease and processes ``stored``; False when there
    is nothing left to wait for (all processed, or no progress for :data:`STALL_SECONDS`),
    True when the lease may be free to take."""
    holder = lease.current_holder() or "another process"
    log.info("the analysis queue is held by %s: waiting while it processes the %d articles "
             "stored here", holder, len(stored))
    last, since = -1, time.monotonic()
    while not stop.is_set():
        with engine.connect() as conn:
            waiting = count_waiting(conn, stored)
        if waiting == 0:
            summary.handed_over = len(stored)
            return False
        if waiting != last:
            last, since = waiting, time.monotonic()
        elif time.monotonic() - since > STALL_SECONDS:
            log.warning("%s has not processed any of the %d articles left in %.0f s; they "
                        "stay queued for it", holder, waiting, STALL_SECONDS)
            return False
        if lease.current_holder() is None:
            return True  # let go: take it
        stop.wait(POLL_SECONDS)
    return False


def process_pending(
    engine: Engine,
    nlp: Analyser | None,
    settings: IngestSettings,
    summary: IngestSummary,
    progress: Progress | None = None,
    clusterer: StoryClusterer | None = None,
    *,
    writer: Writer | None = None,
    stop: threading.Event | None = None,
    after_assign: AfterAssign | None = None,
) -> StoryClusterer | None:
    """Analyse and cluster whatever is pending in the store; returns the clusterer used
    (restored from the store on first use), to be passed to the next call. The caller holds
    the ``analysis`` lease.

    Stories are assigned as analyses are stored (after each batch, while worker processes
    analyse the next articles), in publication order: an article is assigned once every
    article before it is analysed or failed, with the entities as linking left them then, as
    ``run`` does between passes. Whatever is left analysed is assigned at the end."""
    writer = writer or DirectWriter(engine)
    stop = stop or threading.Event()
    in_hand = AnalysedInHand()

    def ready() -> StoryClusterer:
        nonlocal clusterer
        clusterer = clusterer or new_clusterer(engine)
        if not clusterer.repaired:  # once per process: a store written before claims
            repair_stories(writer, engine)
            clusterer.repaired = True
        return clusterer

    def assign_ready() -> None:
        cluster_ready(engine, ready(), summary, writer=writer, stop=stop, in_hand=in_hand,
                      after_assign=after_assign)

    if nlp is not None:
        if settings.cluster and _waiting_for_story(engine):
            assign_ready()  # left analysed by an interrupted run: before the articles after
        analyze_pending(engine, nlp, summary, progress, settings.batch_size, settings.model,
                        writer=writer, stop=stop, analysed=in_hand.keep,
                        stored=assign_ready if settings.cluster else None)
    if not settings.cluster or stop.is_set():
        return clusterer
    if _waiting_for_story(engine):
        cluster_pending(engine, ready(), summary, progress, writer=writer, stop=stop,
                        in_hand=in_hand, after_assign=after_assign)
    return clusterer


def _waiting_for_story(engine: Engine) -> bool:
    with engine.connect() as conn:
        return count_articles(conn, STATUS_ANALYSED) > 0
