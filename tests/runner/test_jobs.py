"""What a fetch worker does with a due folder: scans and stopping between articles."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from europenews.ingest.fetch import Fetcher, FetchSettings
from europenews.runner.jobs import FolderScanner
from europenews.stages.collect import Collector
from europenews.stages.settings import IngestSettings
from europenews.stages.summary import IngestSummary
from europenews.stages.writer import WriteThread
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
         stop: threading.Event | None = None) -> tuple[bool, IngestSummary]:
    """One scan as ``run`` does it: through a writer thread."""
    with WriteThread(engine) as writer, Fetcher(FetchSettings()) as fetcher:
        collector = Collector(engine, writer, IngestSettings(), fetcher,
                              stop=stop or threading.Event())
        ok, _feeds = scanner.scan(collector)
    return ok, collector.summary


def test_jobs_folder_scan_reads_only_new_or_changed_files(engine: Engine, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(TEXT, encoding="utf-8")
    scanner = FolderScanner(inbox)
    assert scan(scanner, engine)[1].new == 1
    assert scan(scanner, engine)[1].fetched == 0  # unchanged: not even read
    (inbox / "b.txt").write_text(TEXT.replace("Tuesday", "Wednesday"), encoding="utf-8")
    assert scan(scanner, engine)[1].new == 1
    with engine.connect() as conn:
        assert count_articles(conn) == 2
        source = get_source(conn, str(inbox.resolve()))
    assert source is not None and source.last_fetched_at is not None


def test_jobs_folder_rescan_after_restart_stores_nothing_twice(engine: Engine,
                                                               tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    scan(FolderScanner(tmp_path), engine)
    _ok, summary = scan(FolderScanner(tmp_path), engine)  # a new process: no memory of the scan
    assert (summary.fetched, summary.new, summary.duplicates) == (1, 0, 1)


def test_jobs_missing_optional_folder_is_quiet(engine: Engine, tmp_path: Path) -> None:
    ok, summary = scan(FolderScanner(tmp_path / "nope", required=False), engine)
    assert ok and summary.failed == 0


def test_jobs_missing_required_folder_is_a_source_failure(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "nope"
    ok, summary = scan(FolderScanner(folder), engine)
    assert not ok and "folder not found" in summary.failures[0][1]
    with engine.connect() as conn:
        source = get_source(conn, str(folder.resolve()))
    assert source is not None and source.failure_count == 1


def test_jobs_stop_request_ends_a_scan_before_the_next_article(engine: Engine,
                                                               tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    stop = threading.Event()
    stop.set()
    ok, summary = scan(FolderScanner(tmp_path), engine, stop)
    assert not ok and summary.fetched == 0  # unfinished, and nothing raised
    with engine.connect() as conn:
        assert count_articles(conn) == 0
