"""One poll of one source: folder scans and stopping between articles (no model needed)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from europenews.ingest.fetch import Fetcher, FetchSettings
from europenews.ingest.pipeline import IngestSettings
from europenews.ingest.summary import IngestSummary
from europenews.runner.jobs import FolderScanner, StoppableIngestor, Stopping
from europenews.store.articles import count_articles
from europenews.store.engine import open_store
from europenews.store.sources import get_source

TEXT = "Harbour cranes idle\n\nDock workers in Gdansk stopped the cranes on Tuesday over pay.\n"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_store(f"sqlite:///{tmp_path / 'jobs.db'}")
    yield engine
    engine.dispose()


def scan(scanner: FolderScanner, engine: Engine,
         stop: threading.Event | None = None) -> IngestSummary:
    summary = IngestSummary()
    with Fetcher(FetchSettings()) as fetcher:
        ok, _feeds = scanner.scan(engine, IngestSettings(), fetcher, summary,
                                  stop or threading.Event())
    assert ok
    return summary


def test_jobs_folder_scan_reads_only_new_or_changed_files(engine: Engine, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(TEXT, encoding="utf-8")
    scanner = FolderScanner(inbox)
    assert scan(scanner, engine).new == 1
    assert scan(scanner, engine).fetched == 0  # unchanged: not even read
    (inbox / "b.txt").write_text(TEXT.replace("Tuesday", "Wednesday"), encoding="utf-8")
    assert scan(scanner, engine).new == 1
    with engine.connect() as conn:
        assert count_articles(conn) == 2
        assert get_source(conn, str(inbox.resolve())).last_fetched_at is not None


def test_jobs_folder_rescan_after_restart_stores_nothing_twice(engine: Engine,
                                                               tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    scan(FolderScanner(tmp_path), engine)
    summary = scan(FolderScanner(tmp_path), engine)  # a new process: no memory of the scan
    assert (summary.fetched, summary.new, summary.duplicates) == (1, 0, 1)


def test_jobs_missing_optional_folder_is_quiet(engine: Engine, tmp_path: Path) -> None:
    summary = scan(FolderScanner(tmp_path / "nope", required=False), engine)
    assert summary.failed == 0


def test_jobs_missing_required_folder_is_a_source_failure(engine: Engine, tmp_path: Path) -> None:
    summary = IngestSummary()
    with Fetcher() as fetcher:
        ok, _ = FolderScanner(tmp_path / "nope").scan(engine, IngestSettings(), fetcher,
                                                      summary, threading.Event())
    assert not ok and "folder not found" in summary.failures[0][1]


def test_jobs_stop_request_ends_a_scan_before_the_next_article(engine: Engine,
                                                               tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    stop = threading.Event()
    stop.set()
    with pytest.raises(Stopping), Fetcher() as fetcher:
        FolderScanner(tmp_path).scan(engine, IngestSettings(), fetcher, IngestSummary(), stop)
    with engine.connect() as conn:
        assert count_articles(conn) == 0


def test_jobs_stoppable_ingestor_is_an_ingestor(engine: Engine) -> None:
    with Fetcher() as fetcher:
        ingestor = StoppableIngestor(engine, IngestSettings(), fetcher)
    assert not ingestor.stop.is_set()
