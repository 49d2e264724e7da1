"""Analysed → clustered: items from the analysis in hand, read-back only for earlier ones."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from europenews.contract import analysis_from_dict
from europenews.model import Analysis, Entity, Event, Mention, Place, PlaceRef
from europenews.stages import clustering
from europenews.stages.analysis import store_analysis
from europenews.stages.clustering import (
    AnalysedInHand,
    StoryClusterer,
    cluster_pending,
    new_clusterer,
)
from europenews.stages.ingest import ingest_sources
from europenews.stages.settings import IngestSettings
from europenews.stages.summary import IngestSummary
from europenews.stages.writer import DirectWriter
from europenews.store.articles import (
    STATUS_FETCHED,
    articles_with_status,
    get_analysis_payloads,
    status_counts,
)
from europenews.store.stories import get_story, story_of_article
from europenews.stories.cluster import Assignment, OnlineClusterer
from europenews.stories.items import StoryItem, story_item_from_analysis

TEXTS = [
    ("1.json", '{"title": "Ferry runs aground off Nordholm", "published": "2024-05-02", '
               '"text": "A ferry ran aground off Nordholm on Thursday, injuring four passengers, '
               'the coastguard said."}'),
    ("2.json", '{"title": "Nordholm ferry grounding injures four", "published": "2024-05-02", '
               '"text": "Four passengers were injured when a ferry ran aground off Nordholm, '
               'the coastguard said on Thursday."}'),
    ("3.json", '{"title": "Choir wins regional prize", "published": "2024-05-03", '
               '"text": "The Vellby youth choir won the regional singing prize on Friday."}'),
]


def stored_articles(engine: Engine, tmp_path: Path) -> list[Any]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, body in TEXTS:
        (folder / name).write_text(body, encoding="utf-8")
    ingest_sources([str(folder)], engine, None, IngestSettings(cluster=False))
    with engine.connect() as conn:
        return articles_with_status(conn, [STATUS_FETCHED])


def rich_analysis(article: Any) -> Analysis:
    """An analysis with everything a story item reads: people, places, a main event."""
    mention = Mention(0, 5, article.text[:5])
    return Analysis(
        article=article,
        entities=(Entity("e1", "Ana Berg", "person", ("coastguard spokeswoman",), (mention,)),
                  Entity("e2", "Nordholm Coastguard", "organization", (), (mention,))),
        places=(Place("Nordholm", "NO", 60.1, 5.25, 3145, (mention,), "city"),),
        events=(Event("accident", 0, 5, article.text[:5], injured=4,
                      place=PlaceRef("Nordholm", "NO", 60.1, 5.25, 3145)),),
    )


def analyse_all(engine: Engine, articles: Sequence[Any],
                in_hand: AnalysedInHand | None = None) -> None:
    for article in articles:
        analysis = rich_analysis(article)
        store_analysis(DirectWriter(engine), article.id, analysis)
        if in_hand is not None:
            in_hand.keep(article.id, analysis)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The article ids whose stored analyses the clustering stage reads back."""
    seen: list[str] = []

    def recording(conn: Any, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        seen.extend(ids)
        return get_analysis_payloads(conn, ids)

    monkeypatch.setattr(clustering, "get_analysis_payloads", recording)
    yield seen


def test_clustering_item_in_hand_equals_the_one_read_back(engine: Engine,
                                                          tmp_path: Path) -> None:
    [article, *_] = stored_articles(engine, tmp_path)
    analysis = rich_analysis(article)
    store_analysis(DirectWriter(engine), article.id, analysis)
    with engine.connect() as conn:
        payload = get_analysis_payloads(conn, [article.id])[article.id]
    from_store = story_item_from_analysis(analysis_from_dict(payload))
    assert story_item_from_analysis(analysis) == from_store
    assert from_store.places and from_store.entities and from_store.injured == 4


def test_clustering_reads_back_only_what_was_analysed_earlier(
        engine: Engine, tmp_path: Path, reads: list[str]) -> None:
    earlier, *now = stored_articles(engine, tmp_path)
    analyse_all(engine, [earlier])  # e.g. by a run that stopped before clustering
    in_hand = AnalysedInHand()
    analyse_all(engine, now, in_hand)
    summary = IngestSummary()
    cluster_pending(engine, new_clusterer(engine), summary, in_hand=in_hand)
    assert summary.clustered == 3
    assert reads == [earlier.id]
    with engine.connect() as conn:
        assert status_counts(conn) == {"clustered": 3}


def test_clustering_in_hand_is_bounded(engine: Engine, tmp_path: Path, reads: list[str]) -> None:
    articles = stored_articles(engine, tmp_path)
    in_hand = AnalysedInHand(limit=1)
    analyse_all(engine, articles, in_hand)
    assert len(in_hand.items) == 1
    cluster_pending(engine, new_clusterer(engine), IngestSummary(), in_hand=in_hand)
    assert len(reads) == 2  # the two that were not kept are read back


def test_clustering_stop_request_ends_between_two_articles(engine: Engine,
                                                           tmp_path: Path) -> None:
    analyse_all(engine, stored_articles(engine, tmp_path))
    stop = threading.Event()

    class StopAfterFirst:
        def stage(self, name: str, total: int | None) -> None:
            pass

        def advance(self, n: int = 1) -> None:
            stop.set()

    summary = IngestSummary()
    cluster_pending(engine, new_clusterer(engine), summary, StopAfterFirst(), stop=stop,
                    write_batch=1)
    assert summary.clustered == 1
    with engine.connect() as conn:
        assert status_counts(conn) == {"clustered": 1, "analysed": 2}


def test_clustering_stores_a_batch_of_assignments_in_one_transaction(engine: Engine,
                                                                     tmp_path: Path) -> None:
    analyse_all(engine, stored_articles(engine, tmp_path))
    writes: list[int] = []

    class Counting(DirectWriter):
        def write(self, task):  # type: ignore[no-untyped-def]
            writes.append(1)
            return super().write(task)

    summary = IngestSummary()
    cluster_pending(engine, new_clusterer(engine), summary, writer=Counting(engine),
                    write_batch=2)
    assert summary.clustered == 3 and len(writes) == 2  # two batches: of two, then of one
    with engine.connect() as conn:
        assert status_counts(conn) == {"clustered": 3}


def test_clustering_restored_clusterer_continues_a_stored_story(engine: Engine,
                                                                tmp_path: Path) -> None:
    first, second, _ = stored_articles(engine, tmp_path)
    analyse_all(engine, [first])
    cluster_pending(engine, new_clusterer(engine), IngestSummary())
    analyse_all(engine, [second])
    # A new process: the clusterer knows only what it restores from the store.
    clusterer = new_clusterer(engine)
    assignment = clusterer.assign(story_item_from_analysis(rich_analysis(second)))
    with engine.connect() as conn:
        assert assignment.story_id == story_of_article(conn, first.id)


def test_clustering_issue_20_merged_stories_move_into_the_one_the_article_joined(
        engine: Engine, tmp_path: Path) -> None:
    articles = stored_articles(engine, tmp_path)
    analyse_all(engine, articles)

    class Bridging(OnlineClusterer):
        """Puts the first two articles in stories of their own; the third bridges them."""

        def assign(self, item: StoryItem) -> Assignment:
            story = {a.id: f"s{n}" for n, a in enumerate(articles)}[item.id]
            merged = ("s1",) if story == "s2" else ()
            return Assignment(story_id="s0" if merged else story, merged=merged)

    cluster_pending(engine, StoryClusterer(Bridging()), IngestSummary())
    with engine.connect() as conn:
        assert {story_of_article(conn, a.id) for a in articles} == {"s0"}
        assert get_story(conn, "s1") is None
        story = get_story(conn, "s0")
    assert story is not None and story.article_count == 3


def test_clustering_gives_the_clusterer_store_wide_entity_ids(
        engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Both in hand and read back, every item carries its entities' store-wide ids (the keys
    # stories across languages are matched on), the same id for the same entity everywhere.
    earlier, *now = stored_articles(engine, tmp_path)
    analyse_all(engine, [earlier])
    in_hand = AnalysedInHand()
    analyse_all(engine, now, in_hand)
    seen: list[StoryItem] = []
    original = OnlineClusterer.assign

    def recording(self: OnlineClusterer, item: StoryItem) -> Assignment:
        seen.append(item)
        return original(self, item)

    monkeypatch.setattr(OnlineClusterer, "assign", recording)
    cluster_pending(engine, new_clusterer(engine), IngestSummary(), in_hand=in_hand)
    assert len(seen) == 3
    assert all(len(item.linked) == 2 and all(k.startswith("e:") for k in item.linked)
               for item in seen)
    assert seen[0].linked == seen[1].linked == seen[2].linked  # Ana Berg, the coastguard
    # A restarted clusterer replays with the same keys.
    replayed: list[StoryItem] = []
    monkeypatch.setattr(OnlineClusterer, "replay",
                        lambda self, item, story_id, duplicate_of=None: replayed.append(item))
    new_clusterer(engine)
    assert sorted(i.id for i in replayed) == sorted(i.id for i in seen)
    assert all(i.linked == seen[0].linked for i in replayed)


class CountingEmbedder:
    """An embedder that only records when its model was asked to load."""

    def __init__(self) -> None:
        self.loads = 0

    def load(self) -> None:
        self.loads += 1

    def __call__(self, item: StoryItem) -> None:
        return None


def test_clustering_new_clusterer_loads_the_headline_model_at_start_when_asked(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 19: a monitor's memory must not step up at the first headline of an intake,
    # while a one-shot ingest of full texts need not read the model at all.
    embedders: list[CountingEmbedder] = []
    monkeypatch.setattr(clustering, "default_embedder",
                        lambda: embedders.append(CountingEmbedder()) or embedders[-1])
    lazy = new_clusterer(engine)
    eager = new_clusterer(engine, load_models=True)
    assert lazy.clusterer.embedder is embedders[0] and embedders[0].loads == 0
    assert eager.clusterer.embedder is embedders[1] and embedders[1].loads == 1
