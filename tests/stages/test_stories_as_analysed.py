"""Issue 19: stories are assigned as analyses are stored, while the analysis goes on, in the
order (and so to the stories) one clustering pass after the whole analysis gives; an
interrupted run's analysed articles are assigned before the articles after them."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from europenews.model import Analysis, Article
from europenews.stages.analysis import store_analysis
from europenews.stages.clustering import StoryClusterer, cluster_pending
from europenews.stages.ingest import ingest_sources, process_pending
from europenews.stages.settings import IngestSettings
from europenews.stages.summary import IngestSummary
from europenews.stages.writer import DirectWriter
from europenews.store.articles import STATUS_FETCHED, ids_with_status, status_counts
from europenews.store.engine import open_store
from europenews.store.schema import articles, story_members
from europenews.stories.cluster import Assignment
from europenews.stories.items import StoryItem
from tests.hostile.test_claims import _synthetic

COUNT = 40


class Counting:
    """An analysis engine (no model): each article's analysis is the article alone; records
    how many articles had a story when each batch was asked for."""

    name = "counting"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.clustered_at_batch: list[int] = []

    def analyze(self, batch: Iterable[Article]) -> Iterator[Analysis]:
        with self.engine.connect() as conn:
            self.clustered_at_batch.append(status_counts(conn).get("clustered", 0))
        for article in batch:
            yield Analysis(article=article)

    def close(self) -> None:
        pass


class Seen(StoryClusterer):
    """A clusterer that remembers the titles of the items it assigned, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []

    def assign(self, item: StoryItem) -> Assignment:
        self.titles.append(item.title)
        return super().assign(item)


def _shuffled(path: Path) -> Path:
    """The synthetic articles in a file out of publication order."""
    rows = [{"id": a.id, "title": a.title, "text": a.text, "published": a.published,
             "source": a.source} for a in _synthetic(COUNT)]
    random.Random(7).shuffle(rows)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _stories(engine: Engine) -> set[frozenset[str]]:
    found: dict[str, set[str]] = {}
    with engine.connect() as conn:
        for r in conn.execute(select(articles.c.external_id, story_members.c.story_id)
                              .join(story_members, story_members.c.article_id == articles.c.id)):
            found.setdefault(r.story_id, set()).add(r.external_id)
    return {frozenset(s) for s in found.values()}


def _publication_order(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(select(articles.c.title).order_by(
            articles.c.published.is_(None), articles.c.published, articles.c.pk)).scalars()
        return [str(t) for t in rows]


def test_stories_are_assigned_while_the_analysis_goes_on(engine: Engine,
                                                          tmp_path: Path) -> None:
    batch = _shuffled(tmp_path / "batch.jsonl")
    backend = Counting(engine)
    hooked: list[str] = []
    seen = Seen()
    # Batches of 16 articles (batch_size × 4), stored 16 per transaction.
    summary = ingest_sources([str(batch)], engine, backend, IngestSettings(batch_size=4),
                             clusterer=seen, after_assign=lambda conn, s: hooked.append(s))
    assert (summary.analysed, summary.clustered) == (COUNT, COUNT)
    assert backend.clustered_at_batch == [0, 16, 32]  # each batch's stories before the next
    assert seen.titles == _publication_order(engine)  # the file's order is not what counts
    with engine.connect() as conn:
        assert status_counts(conn) == {"clustered": COUNT}
        stored = set(conn.execute(select(story_members.c.story_id)).scalars())
    assert set(hooked) == stored  # every story's alerts were asked after its assignment


def test_stories_as_analysed_equal_one_pass_after_the_analysis(engine: Engine,
                                                               tmp_path: Path) -> None:
    batch = _shuffled(tmp_path / "batch.jsonl")
    as_analysed, after = Seen(), Seen()
    ingest_sources([str(batch)], engine, Counting(engine), IngestSettings(batch_size=4),
                   clusterer=as_analysed)
    other = open_store(f"sqlite:///{tmp_path / 'after.db'}")
    try:
        ingest_sources([str(batch)], other, Counting(other),
                       IngestSettings(batch_size=4, cluster=False))
        summary = IngestSummary()
        cluster_pending(other, after, summary)
        assert summary.clustered == COUNT
        assert as_analysed.titles == after.titles
        stories = _stories(engine)
        assert stories == _stories(other) and 1 < len(stories) < COUNT
    finally:
        other.dispose()


def test_an_interrupted_runs_analysed_articles_are_assigned_first(engine: Engine,
                                                                  tmp_path: Path) -> None:
    batch = _shuffled(tmp_path / "batch.jsonl")
    ingest_sources([str(batch)], engine, None, IngestSettings(cluster=False))
    with engine.connect() as conn:
        waiting = ids_with_status(conn, [STATUS_FETCHED])
    writer = DirectWriter(engine)
    for article_id in waiting[:5]:  # analysed by a run killed before their stories
        store_analysis(writer, article_id, Analysis(article=Article(text="x", id=article_id)))
    backend, seen = Counting(engine), Seen()
    summary = IngestSummary()
    process_pending(engine, backend, IngestSettings(batch_size=4), summary, clusterer=seen)
    assert backend.clustered_at_batch[0] == 5  # before any article after them is analysed
    assert summary.clustered == COUNT
    assert len(seen.titles) == COUNT
    assert seen.titles[5:] == _publication_order(engine)[5:]
