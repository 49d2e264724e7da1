"""Analysed → clustered: assign stored articles to stories, in publication order.

Story assignment is online and order-dependent, so the clusterer lives in memory in one
thread of the one process that holds the ``analysis`` lease (``stages.lease``). Every
assignment is numbered in the store (``story_members.seq``), and a clusterer is rebuilt by
replaying the assignments in that order (:meth:`OnlineClusterer.replay`): after a restart, a
crash or another process's turn it continues exactly where the store stands, so the stories
are those an uninterrupted run would have made. :class:`StoryClusterer` keeps the number of
the last assignment its clusterer has seen and catches up before each pass.

An article analysed in the same pass is clustered from its analysis in hand
(:class:`AnalysedInHand`); the others are read back from their stored JSON. An article is
assigned only if it is still waiting for a story (``store.stories.claim_for_story``), and a
story is refreshed from its members after each assignment (deleted if it has none left).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from europenews.contract import analysis_from_dict
from europenews.model import Analysis
from europenews.stages.summary import IngestSummary, NullProgress, Progress
from europenews.stages.writer import DirectWriter, Writer
from europenews.store.articles import STATUS_ANALYSED, get_analysis_payloads, ids_with_status
from europenews.store.stories import (
    assign_to_story,
    assignments_after,
    claim_for_story,
    last_seq,
    linked_keys_of,
    list_story_members,
    merge_stories,
    ready_for_stories,
    refresh_story,
    stories_out_of_step,
)
from europenews.stories.cluster import Assignment, OnlineClusterer
from europenews.stories.items import StoryItem, story_item_from_analysis
from europenews.stories.minilm import default_embedder
from europenews.stories.summary import summarize_story

log = logging.getLogger(__name__)
# Called in the assignment's own write, after the story's figures are refreshed (alerts:
# ``alerts.watch.AlertWatcher``), so what it stores lands with the assignment or not at all.
AfterAssign = Callable[[Connection, str], None]

# Story items kept from one pass's analyses; beyond this the rest are read back from the
# store, so a very large ingest does not hold every article's text in memory twice.
IN_HAND_LIMIT = 5000
REPLAY_CHUNK = 500
# Assignments stored per transaction (with each story they touch refreshed once).
WRITE_BATCH = 16
# A new clusterer replays at most this many of the latest assignments (about 6 ms each here:
# five minutes at most). A store with more continues from the latest ones only, which is
# close to, but not exactly, where an uninterrupted run would stand.
REPLAY_LIMIT = 50_000


@dataclass
class AnalysedInHand:
    """The story items of articles analysed in this pass, by article id."""

    limit: int = IN_HAND_LIMIT
    items: dict[str, StoryItem] = field(default_factory=dict)

    def keep(self, article_id: str, analysis: Analysis) -> None:
        """Remember an analysis just stored (the ``analysed`` hook of ``analyze_pending``)."""
        if len(self.items) < self.limit:
            self.items[article_id] = story_item_from_analysis(analysis)

    def take(self, article_id: str) -> StoryItem | None:
        return self.items.pop(article_id, None)


@dataclass
class StoryClusterer:
    """The clusterer and the number of the last stored assignment it has applied."""

    # Headline vectors when the model's wheel is installed (stories/minilm.py).
    clusterer: OnlineClusterer = field(
        default_factory=lambda: OnlineClusterer(embedder=default_embedder()))
    seq: int = 0
    repaired: bool = False  # the store's story counts were checked against their members

    def assign(self, item: StoryItem) -> Assignment:
        return self.clusterer.assign(item)


def _stored_item(payload: dict[str, Any]) -> StoryItem:
    return story_item_from_analysis(analysis_from_dict(payload))


def _with_linked(engine: Engine, items: dict[str, StoryItem]) -> dict[str, StoryItem]:
    """The items with their store-wide entity ids (``StoryItem.linked``), the keys an article
    in another language can share with a story (stories/across.py)."""
    with engine.connect() as conn:
        linked = linked_keys_of(conn, list(items))
    return {i: dataclasses.replace(item, linked=linked[i]) if i in linked else item
            for i, item in items.items()}


def catch_up(engine: Engine, state: StoryClusterer) -> int:
    """Replay the stored assignments the clusterer has not seen (all of them for a new one;
    those made by another process since its last pass), in their order; returns how many."""
    replayed = 0
    while True:
        with engine.connect() as conn:
            batch = assignments_after(conn, state.seq, REPLAY_CHUNK)
            if not batch:  # the usual case of a pass: one query
                return replayed
            payloads = get_analysis_payloads(conn, [a.article_id for a in batch])
        items = _with_linked(engine, {i: _stored_item(p) for i, p in payloads.items()})
        state.clusterer.prefetch(items.values())
        for assigned in batch:
            item = items.get(assigned.article_id)
            if item is not None:  # an analysis since deleted cannot be replayed
                state.clusterer.replay(item, assigned.story_id, assigned.duplicate_of)
                replayed += 1
            state.seq = assigned.seq


def repair_stories(writer: Writer, engine: Engine) -> int:
    """Refresh every story whose count differs from its members (a store written before
    assignments were claimed); one without members is deleted. Returns how many."""
    with engine.connect() as conn:
        wrong = stories_out_of_step(conn)
    for story_id in wrong:
        writer.write(_refresher(story_id))
    if wrong:
        log.info("refreshed %d stories whose counts disagreed with their members", len(wrong))
    return len(wrong)


def _refresher(story_id: str) -> Callable[[Connection], None]:
    def refresh(conn: Connection) -> None:
        refresh_story(conn, story_id, summarize_story(list_story_members(conn, story_id)))

    return refresh


def new_clusterer(engine: Engine, limit: int = REPLAY_LIMIT, *,
                  load_models: bool = False) -> StoryClusterer:
    """A clusterer that continues the stories already in the store (the stored assignments
    replayed in order: all of them, or the latest ``limit``). ``load_models``: read the
    headline model now rather than at the first headline-only item."""
    with engine.connect() as conn:
        last = last_seq(conn)
    state = StoryClusterer(seq=max(0, last - limit))
    load = getattr(state.clusterer.embedder, "load", None)
    if load_models and load is not None:
        # ``run``: a monitor meets headlines sooner or later, and its memory should not step
        # up by about 100 MB in the middle of an intake (issue 19); the clusterer is restored
        # while spaCy loads. A one-shot ``ingest`` of full texts never needs the model.
        load()
    replayed = catch_up(engine, state)
    if replayed:
        log.info("story clusterer restored: %d assignments replayed", replayed)
    return state


def _record(writer: Writer, assigned: list[tuple[str, Assignment]],
            after_assign: AfterAssign | None = None) -> list[int | None]:
    """Store assignments in one transaction and refresh each story they touched once (then
    ``after_assign(conn, story_id)`` for it, in the same write); for each assignment, its
    number, or None when the article was no longer waiting for a story (nothing is written
    for it then)."""
    def assign(conn: Connection) -> list[int | None]:
        seqs: list[int | None] = []
        touched: dict[str, None] = {}  # in order of first touch: the same refreshes each run
        merged: set[str] = set()
        for article_id, assignment in assigned:
            if not claim_for_story(conn, article_id):
                seqs.append(None)
                continue
            story_id = str(assignment.story_id)
            seq, left = assign_to_story(conn, article_id, story_id, assignment.duplicate_of)
            # Stories the article showed to be one are moved into the one it joined.
            merge_stories(conn, story_id, assignment.merged)
            merged.update(assignment.merged)
            seqs.append(seq)
            touched.update((s, None) for s in (story_id, left) if s is not None)
        for story_id in touched:
            if story_id not in merged:
                _refresher(story_id)(conn)
                if after_assign is not None:
                    after_assign(conn, story_id)
        return seqs

    return writer.write(assign)


def cluster_pending(
    engine: Engine,
    clusterer: StoryClusterer,
    summary: IngestSummary,
    progress: Progress | None = None,
    chunk: int = 200,
    *,
    writer: Writer | None = None,
    stop: threading.Event | None = None,
    in_hand: AnalysedInHand | None = None,
    after_assign: AfterAssign | None = None,
    write_batch: int = WRITE_BATCH,
) -> None:
    """Assign every analysed, not yet clustered article to a story, in publication order,
    until none is left or ``stop`` is set; ``write_batch`` assignments are stored per
    transaction, ``after_assign(conn, story_id)`` follows for each story they touched, in
    the same write. The caller holds the ``analysis`` lease."""
    progress = progress or NullProgress()
    stop = stop or threading.Event()
    catch_up(engine, clusterer)  # what another process assigned since the last pass
    with engine.connect() as conn:
        pending = ids_with_status(conn, [STATUS_ANALYSED])
    if not pending or stop.is_set():
        return
    progress.stage("cluster", len(pending))
    for start in range(0, len(pending), chunk):
        if not _assign_ids(engine, clusterer, pending[start:start + chunk], summary, progress,
                           writer=writer or DirectWriter(engine), stop=stop,
                           in_hand=in_hand or AnalysedInHand(limit=0),
                           after_assign=after_assign, write_batch=write_batch):
            return


def cluster_ready(
    engine: Engine,
    clusterer: StoryClusterer,
    summary: IngestSummary,
    chunk: int = 200,
    *,
    writer: Writer | None = None,
    stop: threading.Event | None = None,
    in_hand: AnalysedInHand | None = None,
    after_assign: AfterAssign | None = None,
    write_batch: int = WRITE_BATCH,
) -> None:
    """Assign the analysed articles that no article still waiting for its analysis precedes
    in publication order (``store.stories.ready_for_stories``), as :func:`cluster_pending`
    does. Called after each batch of analyses is stored, so that stories are assigned while
    the workers analyse the next articles (issue 19), with the entities as they stand then,
    and in the order one ``cluster_pending`` after the whole analysis would take them."""
    stop = stop or threading.Event()
    writer = writer or DirectWriter(engine)
    in_hand = in_hand or AnalysedInHand(limit=0)
    catch_up(engine, clusterer)  # what another process assigned since the last pass
    done, before = False, None
    while not done and not stop.is_set():
        with engine.connect() as conn:
            ready, done = ready_for_stories(conn, chunk)
        # The same head again: an article in it has no stored analysis to assign from (it
        # stays analysed; cluster_pending skips it too); do not ask for it forever.
        if not ready or ready == before or not _assign_ids(
                engine, clusterer, ready, summary, NullProgress(), writer=writer, stop=stop,
                in_hand=in_hand, after_assign=after_assign, write_batch=write_batch):
            return
        before = ready


def _assign_ids(
    engine: Engine,
    clusterer: StoryClusterer,
    ids: list[str],
    summary: IngestSummary,
    progress: Progress,
    *,
    writer: Writer,
    stop: threading.Event,
    in_hand: AnalysedInHand,
    after_assign: AfterAssign | None,
    write_batch: int,
) -> bool:
    """Assign these articles in this order, ``write_batch`` per transaction; False when
    ``stop`` ended it (between two batches: the one in hand is stored)."""
    items = {i: item for i in ids if (item := in_hand.take(i)) is not None}
    if earlier := [i for i in ids if i not in items]:
        with engine.connect() as conn:
            payloads = get_analysis_payloads(conn, earlier)
        items.update((i, _stored_item(p)) for i, p in payloads.items())
    items = _with_linked(engine, items)
    clusterer.clusterer.prefetch(items.values())
    for start in range(0, len(ids), write_batch):
        if stop.is_set():
            return False
        group = [(i, clusterer.assign(items[i]))
                 for i in ids[start:start + write_batch] if i in items]
        seqs = _record(writer, group, after_assign) if group else []
        summary.clustered += sum(seq is not None for seq in seqs)
        if seqs and seqs != list(range(clusterer.seq + 1, clusterer.seq + 1 + len(seqs))):
            # Another process clustered meanwhile (these articles, or others before them):
            # the clusterer in memory no longer matches the store. Rebuild it from the
            # stored assignments, which are the truth (ours included).
            log.warning("stories were assigned by another process meanwhile; "
                        "rebuilding the clusterer from the store")
            fresh = new_clusterer(engine)
            clusterer.clusterer, clusterer.seq = fresh.clusterer, fresh.seq
        elif seqs:
            clusterer.seq = clusterer.seq + len(seqs)
        progress.advance(len(ids[start:start + write_batch]))
    return True
