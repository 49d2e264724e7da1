"""Issue 23, item 7: work on a shared store is claimed (one process analyses and clusters at a
time, an article is assigned once), stories are counted from their members, none is left
without articles, and a clusterer rebuilt from the store continues exactly where the
interrupted one stood."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from europenews.ingest.fingerprint import article_keys
from europenews.model import Analysis, Article
from europenews.stages.analysis import store_analysis
from europenews.stages.clustering import (
    StoryClusterer,
    catch_up,
    cluster_pending,
    new_clusterer,
    repair_stories,
)
from europenews.stages.lease import QueueLease, holder_is_gone
from europenews.stages.summary import IngestSummary
from europenews.stages.writer import DirectWriter
from europenews.store.articles import STATUS_FETCHED, add_article, article_status
from europenews.store.leases import ANALYSIS, get_lease
from europenews.store.schema import stories, story_members
from europenews.store.stories import story_of_article

TOPICS = [
    ("Ferry aground off Nordholm", "A ferry ran aground off Nordholm, injuring {n} passengers, "
     "the coastguard said. Tugs were sent from the harbour."),
    ("Choir prize in Vellby", "The Vellby youth choir won the regional prize for the {n}th time "
     "on Friday, its conductor said."),
    ("Bridge closed in Ostrava", "The old bridge in Ostrava was closed after inspectors found "
     "{n} cracks in its main span, the city said."),
    ("Wildfire near Larnaca", "Firefighters fought a wildfire near Larnaca for a {n}th day as "
     "winds picked up, officials said."),
    ("Tram strike in Lisbon", "Tram drivers in Lisbon struck for {n} hours over pay, halting "
     "most lines in the capital."),
]


def _synthetic(count: int) -> list[Article]:
    out = []
    for i in range(count):
        title, body = TOPICS[i % len(TOPICS)]
        day = 1 + (i * 3) // len(TOPICS)
        out.append(Article(text=body.format(n=i + 2) + f" Report {i} adds detail {i * 7}.",
                           title=f"{title}: update {i // len(TOPICS)}", id=f"syn-{i}",
                           published=f"2026-03-{day:02d}", source=f"Outlet {i % 3}"))
    return out


def _shared(limit: int) -> list[Article]:
    """Articles of the shared clustering set, read in place (skipped when absent)."""
    path = Path(__file__).resolve().parents[3] / "shared" / "data" / "clustering" / \
        "gva-incidents" / "articles.jsonl"
    if not path.exists():
        pytest.skip("../shared/data is not beside the checkout")
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            out.append(Article(text=row["text"] or row.get("title") or "x", title=row.get("title"),
                               id=str(row["id"]), published=row.get("published"),
                               source=row.get("source")))
            if len(out) == limit:
                break
    return out


def _load(engine: Engine, articles: list[Article]) -> list[str]:
    """Store the articles and a (name-less) analysis of each, as the analysis stage would."""
    ids = []
    writer = DirectWriter(engine)
    for article in articles:
        keys = article_keys(article)
        with engine.begin() as conn:
            result = add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                                 content_hash=keys.content_hash)
        if not result.new:
            continue
        stored = Article(text=article.text, id=keys.id, title=article.title,
                         published=article.published, source=article.source)
        store_analysis(writer, keys.id, Analysis(article=stored), first=True)
        ids.append(keys.id)
    return ids


def _stories(engine: Engine, ids: list[str]) -> dict[str, str | None]:
    with engine.connect() as conn:
        return {i: story_of_article(conn, i) for i in ids}


class StopAfter:
    """A progress that asks the stage to stop after ``n`` more articles."""

    def __init__(self, n: int, stop: threading.Event) -> None:
        self.n, self.stop = n, stop

    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        self.n -= n
        if self.n <= 0:
            self.stop.set()


def _cluster_interrupted(engine: Engine, every: int) -> int:
    """Cluster everything, starting a new clusterer (restored from the store) after every
    ``every`` articles, as a process killed and restarted would; returns the restarts."""
    restarts = 0
    while True:
        stop = threading.Event()
        summary = IngestSummary()
        # One assignment per transaction: a restart may land after any article.
        cluster_pending(engine, new_clusterer(engine), summary, StopAfter(every, stop),
                        stop=stop, write_batch=1)
        if not stop.is_set() or summary.clustered == 0:
            return restarts
        restarts += 1


@pytest.mark.parametrize("source", ["synthetic",
                                    pytest.param("shared", marks=pytest.mark.slow)])
def test_issue_23_restored_clusterer_gives_the_same_stories(tmp_path: Path, source: str,
                                                            db_url: str) -> None:
    from europenews.store.engine import open_store

    articles = _synthetic(60) if source == "synthetic" else _shared(150)
    once = open_store(f"sqlite:///{tmp_path / 'once.db'}")
    ids = _load(once, articles)
    cluster_pending(once, new_clusterer(once), IngestSummary())
    interrupted = open_store(db_url)
    assert _load(interrupted, articles) == ids
    restarts = _cluster_interrupted(interrupted, every=7)
    assert restarts >= len(ids) // 7 - 1
    expected, got = _stories(once, ids), _stories(interrupted, ids)
    assert None not in got.values()
    assert got == expected  # the same story for every article: nothing drifted
    assert len(set(got.values())) < len(ids)  # and stories did form
    once.dispose()
    interrupted.dispose()


def test_issue_23_restore_replays_at_most_the_latest_assignments(engine: Engine) -> None:
    _load(engine, _synthetic(12))
    cluster_pending(engine, new_clusterer(engine), IngestSummary())
    assert new_clusterer(engine, limit=5).seq == 12
    assert catch_up(engine, StoryClusterer(seq=7)) == 5
    assert catch_up(engine, StoryClusterer(seq=12)) == 0


def test_issue_23_an_article_is_clustered_once(engine: Engine) -> None:
    ids = _load(engine, _synthetic(10))
    first, second = new_clusterer(engine), new_clusterer(engine)
    # Two clusterers on one store (what the lease prevents): the second finds nothing left.
    cluster_pending(engine, first, IngestSummary())
    summary = IngestSummary()
    cluster_pending(engine, second, summary)
    assert summary.clustered == 0
    with engine.connect() as conn:
        members = conn.execute(select(func.count()).select_from(story_members)).scalar_one()
        counted = conn.execute(select(func.sum(stories.c.article_count))).scalar_one()
    assert members == counted == len(ids)


def test_issue_23_analysis_is_saved_once(engine: Engine) -> None:
    [article_id] = _load(engine, _synthetic(1)[:1]) or [None]
    assert article_id is not None
    again = Analysis(article=Article(text="Different text.", id=article_id))
    assert store_analysis(DirectWriter(engine), article_id, again, first=True) is False
    with engine.connect() as conn:
        assert article_status(conn, article_id) == "analysed"


def test_issue_23_ghost_stories_are_repaired(engine: Engine) -> None:
    ids = _load(engine, _synthetic(10))
    cluster_pending(engine, new_clusterer(engine), IngestSummary())
    with engine.begin() as conn:  # what two clusterers used to leave behind
        conn.execute(stories.insert().values(id="ghost", article_count=1, source_count=1,
                                             breaking=False))
        some = story_of_article(conn, ids[0])
        conn.execute(update(stories).where(stories.c.id == some).values(article_count=99))
    assert repair_stories(DirectWriter(engine), engine) == 2
    with engine.connect() as conn:
        assert conn.execute(select(stories.c.id).where(stories.c.id == "ghost")).first() is None
        count = conn.execute(select(stories.c.article_count).where(stories.c.id == some))
        members = conn.execute(select(func.count()).select_from(story_members)
                               .where(story_members.c.story_id == some)).scalar_one()
        assert count.scalar_one() == members < 99


def test_issue_23_one_holder_of_the_analysis_lease(engine: Engine) -> None:
    writer = DirectWriter(engine)
    with QueueLease(engine, writer, "run") as a, QueueLease(engine, writer, "ingest") as b:
        assert a.acquire() and not b.acquire()
        assert b.current_holder() == a.holder
        a.release()
        assert b.acquire() and not a.acquire()


def test_issue_23_lapsed_lease_is_taken_over(engine: Engine) -> None:
    writer = DirectWriter(engine)
    a = QueueLease(engine, writer, "run", ttl=0.3, heartbeat=60)
    b = QueueLease(engine, writer, "ingest")
    assert a.acquire() and not b.acquire()
    time.sleep(0.5)  # a's process stalled: no renewal
    assert b.acquire()
    b.release()


def test_issue_23_lease_renewed_while_held(engine: Engine) -> None:
    writer = DirectWriter(engine)
    with QueueLease(engine, writer, "run", ttl=0.6, heartbeat=0.1) as a:
        assert a.acquire()
        time.sleep(1.0)
        b = QueueLease(engine, writer, "ingest")
        assert not b.acquire() and a.held


def test_issue_23_lease_of_a_killed_process_is_taken_at_once(engine: Engine,
                                                             tmp_path: Path) -> None:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    dead_pid = int(child.stdout)
    writer = DirectWriter(engine)
    mine = QueueLease(engine, writer, "run")
    dead = mine.holder.replace(f":{os.getpid()}:", f":{dead_pid}:")
    assert holder_is_gone(dead) and not holder_is_gone(mine.holder)
    with engine.begin() as conn:
        from europenews.store.leases import acquire_lease

        assert acquire_lease(conn, ANALYSIS, dead, time.time(), 3600)
    assert mine.acquire()
    with engine.connect() as conn:
        lease = get_lease(conn, ANALYSIS)
    assert lease is not None and lease.holder == mine.holder
    mine.release()


def test_issue_23_articles_left_pending_stay_fetched_without_the_lease(engine: Engine) -> None:
    keys = article_keys(Article(text="A short note about the harbour."))
    with engine.begin() as conn:
        add_article(conn, Article(text="A short note about the harbour."), article_id=keys.id,
                    url=None, url_key=None, content_hash=keys.content_hash)
        assert article_status(conn, keys.id) == STATUS_FETCHED


class BareAnalyser:
    """An analysis backend that finds nothing (fast): what the lease test needs."""

    name = "bare"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def analyze(self, articles):
        for article in articles:
            self.seen.append(article.id)
            yield Analysis(article=article)

    def close(self) -> None:
        pass


def test_issue_23_ingest_beside_the_queue_holder_leaves_it_the_work(
        engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from europenews.stages import ingest as ingest_stage
    from europenews.stages.ingest import ingest_sources, process_pending
    from europenews.stages.settings import IngestSettings

    monkeypatch.setattr(ingest_stage, "POLL_SECONDS", 0.05)
    folder = tmp_path / "in"
    folder.mkdir()
    for article in _synthetic(6):
        (folder / f"{article.id}.json").write_text(json.dumps(
            {"title": article.title, "text": article.text, "published": article.published}),
            encoding="utf-8")
    holder = QueueLease(engine, DirectWriter(engine), "run")  # a running job owns the queue
    assert holder.acquire()
    theirs, ours = BareAnalyser(), BareAnalyser()
    result: list[IngestSummary] = []
    thread = threading.Thread(target=lambda: result.append(
        ingest_sources([str(folder)], engine, ours, IngestSettings())))
    thread.start()
    time.sleep(1.0)  # the ingest has stored its articles and waits
    process_pending(engine, theirs, IngestSettings(), IngestSummary())
    thread.join(20)
    holder.release()
    [summary] = result
    assert summary.new == 6 and summary.handed_over == 6
    assert ours.seen == [] and len(theirs.seen) == 6  # analysed once, by the holder
    with engine.connect() as conn:
        members = conn.execute(select(func.count()).select_from(story_members)).scalar_one()
    assert members == 6
