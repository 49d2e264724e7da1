"""Analysed → clustered: assign stored articles to stories, in publication order.

Story assignment is online and order-dependent, so the clusterer lives in memory in one
thread; a new one is restored from the stored recent stories. An article analysed in the same
pass is clustered from its analysis in hand (:class:`AnalysedInHand`); only what was analysed
earlier (a restored story, a run that resumes) is read back from its stored JSON.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from europenews.contract import analysis_from_dict
from europenews.model import Analysis
from europenews.stages.summary import IngestSummary, NullProgress, Progress
from europenews.stages.writer import DirectWriter, Writer
from europenews.store.articles import STATUS_ANALYSED, articles_with_status, get_analysis_payloads
from europenews.store.stories import (
    assign_to_story,
    list_story_members,
    merge_stories,
    refresh_story,
    story_members_for_restore,
)
from europenews.stories.cluster import Assignment, OnlineClusterer
from europenews.stories.items import StoryItem, story_item_from_analysis
from europenews.stories.summary import summarize_story

MAX_RESTORED_STORIES = 2000
# Story items kept from one pass's analyses; beyond this the rest are read back from the
# store, so a very large ingest does not hold every article's text in memory twice.
IN_HAND_LIMIT = 5000


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


def _stored_item(payload: dict[str, Any]) -> StoryItem:
    return story_item_from_analysis(analysis_from_dict(payload))


def restore_clusterer(engine: Engine, clusterer: OnlineClusterer,
                      max_stories: int = MAX_RESTORED_STORIES) -> int:
    """Seed the clusterer with the stored recent stories; returns how many were restored."""
    with engine.connect() as conn:
        members = story_members_for_restore(conn, max_stories)
        for story_id, ids in members.items():
            payloads = get_analysis_payloads(conn, ids)
            items = [_stored_item(payloads[i]) for i in ids if i in payloads]
            if items:
                clusterer.restore(story_id, items)
    return len(members)


def new_clusterer(engine: Engine) -> OnlineClusterer:
    """A clusterer that continues the stories already in the store."""
    clusterer = OnlineClusterer()
    restore_clusterer(engine, clusterer)
    return clusterer


def _record(writer: Writer, article_id: str, assignment: Assignment) -> None:
    story_id = str(assignment.story_id)

    def assign(conn: Connection) -> None:
        assign_to_story(conn, article_id, story_id, assignment.duplicate_of)
        merge_stories(conn, story_id, assignment.merged)  # stories the article showed were one
        refresh_story(conn, story_id, summarize_story(list_story_members(conn, story_id)))

    writer.write(assign)


def cluster_pending(
    engine: Engine,
    clusterer: OnlineClusterer,
    summary: IngestSummary,
    progress: Progress | None = None,
    chunk: int = 200,
    *,
    writer: Writer | None = None,
    stop: threading.Event | None = None,
    in_hand: AnalysedInHand | None = None,
) -> None:
    """Assign every analysed, not yet clustered article to a story, in publication order,
    until none is left or ``stop`` is set."""
    progress = progress or NullProgress()
    writer = writer or DirectWriter(engine)
    stop = stop or threading.Event()
    in_hand = in_hand or AnalysedInHand(limit=0)
    with engine.connect() as conn:
        pending = [a.id for a in articles_with_status(conn, [STATUS_ANALYSED])]
    if not pending or stop.is_set():
        return
    progress.stage("cluster", len(pending))
    for start in range(0, len(pending), chunk):
        ids = [i for i in pending[start:start + chunk] if i is not None]
        items = {i: item for i in ids if (item := in_hand.take(i)) is not None}
        if earlier := [i for i in ids if i not in items]:
            with engine.connect() as conn:
                payloads = get_analysis_payloads(conn, earlier)
            items.update((i, _stored_item(p)) for i, p in payloads.items())
        for article_id in ids:
            if stop.is_set():  # between two articles: the one in hand is stored
                return
            item = items.get(article_id)
            if item is not None:
                _record(writer, article_id, clusterer.assign(item))
                summary.clustered += 1
            progress.advance()
