"""One poll of one source, as the runner's fetch workers run it.

Thin adapters over the ingestion library (``ingest.pipeline.Ingestor``): a feed poll is
``Ingestor.ingest_url`` (conditional GET, failure bookkeeping in the ``sources`` table), a
folder scan reads the files that are new or changed since the last scan. Each article is
stored in its own transaction by the library, so a stop or a crash between two articles loses
nothing stored; a stop request is honoured between articles (:class:`Stopping`).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from europenews.errors import EuropeNewsError, InputError
from europenews.ingest.feeds import Feed, FeedItem
from europenews.ingest.fetch import FEED_TYPES, Fetcher
from europenews.ingest.files import read_bytes
from europenews.ingest.opml import OpmlFeed, parse_opml
from europenews.ingest.pipeline import Ingestor, IngestSettings
from europenews.ingest.sources import SourceSpec, expand_sources
from europenews.ingest.summary import IngestSummary
from europenews.model import Article
from europenews.store.sources import (
    SourceState,
    ensure_source,
    get_source,
    record_failure,
    record_success,
)

log = logging.getLogger(__name__)


class Stopping(Exception):  # a signal to stop, not an error
    """Raised inside a job when the process is asked to stop (between two articles)."""


@dataclass
class StoppableIngestor(Ingestor):
    """An Ingestor that stops between two articles once ``stop`` is set."""

    stop: threading.Event = field(default_factory=threading.Event)

    def ingest_item(self, item: FeedItem, feed: Feed, source: SourceState) -> bool:
        if self.stop.is_set():
            raise Stopping
        return super().ingest_item(item, feed, source)

    def store(self, article: Article, source_id: int | None) -> None:
        if self.stop.is_set():
            raise Stopping
        super().store(article, source_id)


def register_source(engine: Engine, key: str, kind: str) -> SourceState:
    """The store's row for a configured source (created so the status lists it at once)."""
    with engine.begin() as conn:
        state = get_source(conn, key)
        # A URL first seen as a page keeps the kind its content showed; a new one is a feed.
        return state if state is not None else ensure_source(conn, key, kind)


def poll_url(engine: Engine, fetcher: Fetcher, settings: IngestSettings, url: str,
             summary: IngestSummary, stop: threading.Event) -> bool:
    """Poll a feed (or page) URL once; True when the source answered well."""
    ingestor = StoppableIngestor(engine, settings, fetcher, summary=summary, stop=stop)
    try:
        ingestor.ingest_url(url)
    except EuropeNewsError as exc:  # anything the library did not record itself
        _fail(engine, url, "feed", str(exc), summary)
        return False
    with engine.connect() as conn:
        state = get_source(conn, url)
    return state is not None and state.last_error is None


def read_opml(fetcher: Fetcher, location: str) -> list[OpmlFeed]:
    """The feeds listed in an OPML file or at an OPML URL."""
    if "://" in location:
        body = fetcher.fetch(location, accept=FEED_TYPES).body
    else:
        body = read_bytes(Path(location))
    return parse_opml(body, location)


@dataclass
class FolderScanner:
    """Reads a folder's article files that are new or changed since the previous scan
    (the store drops what it already has, so a restart that rescans everything is safe)."""

    path: Path
    required: bool = True
    seen: dict[str, tuple[float, int]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return str(self.path.resolve())

    def scan(self, engine: Engine, settings: IngestSettings, fetcher: Fetcher,
             summary: IngestSummary, stop: threading.Event) -> tuple[bool, list[OpmlFeed]]:
        """Ingest new files; returns (ok, feeds listed in OPML files found in the folder)."""
        if not self.path.is_dir():
            if self.required:
                _fail(engine, self.key, "file", f"{self.path}: folder not found", summary)
            return not self.required, []
        ingestor = StoppableIngestor(engine, settings, fetcher, summary=summary, stop=stop)
        feeds: list[OpmlFeed] = []
        for spec in expand_sources([str(self.path)]):
            if isinstance(spec, InputError):
                summary.fail(str(self.path), str(spec))
                continue
            if not self._changed(spec):
                continue
            if spec.kind == "opml":
                try:
                    feeds.extend(parse_opml(read_bytes(Path(spec.location)), spec.location))
                except InputError as exc:
                    summary.fail(spec.location, str(exc))
            else:
                ingestor.ingest_file(Path(spec.location), spec.origin)
            self._mark(spec)
        with engine.begin() as conn:
            source = ensure_source(conn, self.key, "file")
            record_success(conn, source.id, status=None)
        return True, feeds

    def _stamp(self, spec: SourceSpec) -> tuple[float, int] | None:
        try:
            st = Path(spec.location).stat()
        except OSError:
            return None
        return (st.st_mtime, st.st_size)

    def _changed(self, spec: SourceSpec) -> bool:
        return self.seen.get(spec.location) != self._stamp(spec)

    def _mark(self, spec: SourceSpec) -> None:
        if (stamp := self._stamp(spec)) is not None:
            self.seen[spec.location] = stamp


def _fail(engine: Engine, key: str, kind: str, error: str, summary: IngestSummary) -> None:
    with engine.begin() as conn:
        source = ensure_source(conn, key, kind)
        record_failure(conn, source.id, error, next_due_at=None)
    log.info("%s failed: %s", key, error)
    summary.fail(key, error)

