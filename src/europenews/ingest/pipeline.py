"""Ingestion as a library: sources → stored articles → analyses → stories.

``ingest_sources(sources, engine, nlp, settings, progress) -> IngestSummary`` is what the
``ingest`` command calls and what ``run`` calls on a schedule (``poll_feeds`` for the feeds due).
A source that fails is recorded (``sources`` table: error, failure count, next due time with
back-off) and never stops the others. Each article is stored in its own transaction, so a
crash or Ctrl-C loses nothing already stored and a re-run duplicates nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from spacy.language import Language
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from europenews.analyze.backends import AnalysisBackend
from europenews.errors import EuropeNewsError, FetchError, InputError, StoreError
from europenews.ingest.feeds import Feed, FeedItem, looks_like_feed, parse_feed
from europenews.ingest.fetch import FEED_TYPES, Fetcher, FetchResult, FetchSettings
from europenews.ingest.files import read_bytes, read_file
from europenews.ingest.fingerprint import article_keys, url_key
from europenews.ingest.opml import looks_like_opml, parse_opml
from europenews.ingest.page import article_from_body
from europenews.ingest.process import (
    analyse_pending,
    cluster_pending,
    load_clusterer,
    restore_clusterer,
)
from europenews.ingest.sources import SourceSpec, expand_sources
from europenews.ingest.summary import IngestSummary, NullProgress, Progress
from europenews.model import Article
from europenews.store.articles import STATUS_ANALYSED, add_article, count_articles, has_url
from europenews.store.sources import (
    SourceState,
    due_sources,
    ensure_source,
    get_source,
    record_failure,
    record_success,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """How ingestion behaves (HTTP limits live in ``fetch``)."""

    fetch: FetchSettings = field(default_factory=FetchSettings)
    batch_size: int = 32
    poll_interval: float = 900.0  # seconds between two polls of a healthy feed
    max_backoff: float = 24 * 3600.0  # longest wait after repeated failures
    max_feed_items: int = 500
    model: str | None = None  # recorded with each analysis
    cluster: bool = True


def _due(seconds: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _backoff(settings: IngestSettings, failures: int) -> str:
    return _due(min(settings.max_backoff, settings.poll_interval * 2 ** min(failures, 16)))


@dataclass
class Ingestor:
    """One run's state: the store, the HTTP client, settings and the running summary."""

    engine: Engine
    settings: IngestSettings
    fetcher: Fetcher
    summary: IngestSummary = field(default_factory=IngestSummary)
    progress: Progress = field(default_factory=NullProgress)
    _file_sources: dict[str, int] = field(default_factory=dict)  # origin → source id

    # --- storing ------------------------------------------------------------------------

    def store(self, article: Article, source_id: int | None) -> None:
        keys = article_keys(article)
        try:
            with self.engine.begin() as conn:
                result = add_article(conn, article, article_id=keys.id, url=keys.url,
                                     url_key=keys.url_key, content_hash=keys.content_hash,
                                     source_id=source_id)
        except SQLAlchemyError as exc:
            raise StoreError(f"store: cannot save article ({type(exc).__name__}: "
                             f"{str(exc).splitlines()[0]})") from exc
        self.summary.fetched += 1
        if result.new:
            self.summary.new += 1
        else:
            self.summary.duplicates += 1
        self.progress.advance()

    def _source(self, url: str, kind: str) -> SourceState:
        with self.engine.begin() as conn:
            return ensure_source(conn, url, kind)

    def _failed(self, source: SourceState, error: str, status: int | None = None) -> None:
        with self.engine.begin() as conn:
            count = record_failure(conn, source.id, error, status=status,
                                   next_due_at=_backoff(self.settings, source.failure_count + 1))
        log.info("%s failed (%d in a row): %s", source.url, count, error)
        self.summary.fail(source.url, error)

    # --- sources ------------------------------------------------------------------------

    def ingest_spec(self, spec: SourceSpec | InputError) -> None:
        if isinstance(spec, InputError):
            self.summary.fail(str(spec).split(": ", 1)[0], str(spec))
            return
        if spec.kind == "file":
            self.ingest_file(Path(spec.location), spec.origin)
        elif spec.kind == "opml":
            try:
                feeds = parse_opml(read_bytes(Path(spec.location)), spec.location)
            except InputError as exc:
                self.summary.fail(spec.location, str(exc))
                return
            for feed in feeds:
                self.ingest_url(feed.url, from_opml=True)
        else:
            self.ingest_url(spec.location)

    def ingest_file(self, path: Path, origin: str) -> None:
        origin = str(Path(origin).resolve())
        if origin not in self._file_sources:
            self._file_sources[origin] = self._source(origin, "file").id
        try:
            for item in read_file(path):
                if isinstance(item, InputError):
                    self.summary.fail(str(path), str(item))
                else:
                    self.store(item, self._file_sources[origin])
        except InputError as exc:
            self.summary.fail(str(path), str(exc))

    def ingest_url(self, url: str, from_opml: bool = False) -> None:
        """A URL: sniffed as a feed, an OPML list or a page once its body is in hand."""
        known = self._known_source(url)
        if (known is None or known.kind == "page") and has_url_stored(self.engine, url):
            self.summary.fetched += 1
            self.summary.duplicates += 1  # an article page we already have: no refetch
            return
        source = known or self._source(url, "page")
        conditional = source.kind == "feed"
        try:
            result = self.fetcher.fetch(
                url,
                etag=source.etag if conditional else None,
                last_modified=source.last_modified if conditional else None,
                accept=FEED_TYPES,
            )
        except FetchError as exc:
            self._failed(source, str(exc))
            return
        if result.status == 304:
            with self.engine.begin() as conn:
                record_success(conn, source.id, status=304,
                               next_due_at=_due(self.settings.poll_interval))
            self.summary.not_modified += 1
            return
        try:
            if looks_like_opml(result.body) and not from_opml:
                source = self._source(url, "opml")
                with self.engine.begin() as conn:
                    record_success(conn, source.id, status=result.status)
                for feed in parse_opml(result.body, url):
                    self.ingest_url(feed.url, from_opml=True)
            elif looks_like_feed(result.body, result.content_type):
                self.ingest_feed(self._source(url, "feed"), result)
            else:
                article = article_from_body(result.body, result.content_type, url)
                article = _with_defaults(article, url=url, source=urlsplit(url).hostname)
                self.store(article, source.id)
                with self.engine.begin() as conn:
                    record_success(conn, source.id, status=result.status)
        except (InputError, FetchError) as exc:
            self._failed(source, str(exc), status=result.status)

    def _known_source(self, url: str) -> SourceState | None:
        with self.engine.connect() as conn:
            return get_source(conn, url)

    def ingest_feed(self, source: SourceState, result: FetchResult) -> None:
        feed = parse_feed(result.body, source.url)
        failures = 0
        for item in feed.items[: self.settings.max_feed_items]:
            if not self.ingest_item(item, feed, source):
                failures += 1
        with self.engine.begin() as conn:
            # Validators are kept only when every item was read: after a failure the next
            # poll downloads the whole feed again, so the failed items are retried.
            record_success(
                conn, source.id, status=result.status,
                etag=result.etag if not failures else None,
                last_modified=result.last_modified if not failures else None,
                title=feed.title, next_due_at=_due(self.settings.poll_interval),
            )

    def ingest_item(self, item: FeedItem, feed: Feed, source: SourceState) -> bool:
        """Fetch and store one feed item's page; False when it failed (and was reported)."""
        if not item.url:
            self.summary.fail(source.url, f"{source.url}: feed item without a link "
                                          f"({item.title or 'untitled'})")
            return False
        if has_url_stored(self.engine, item.url):
            self.summary.fetched += 1
            self.summary.duplicates += 1
            return True
        try:
            page = self.fetcher.fetch(item.url)
            article = article_from_body(page.body, page.content_type, item.url)
        except (FetchError, InputError) as exc:
            self.summary.fail(item.url, str(exc))
            return False
        host = urlsplit(item.url).hostname
        article = _with_defaults(article, url=item.url, title=item.title,
                                 published=item.published, author=item.author,
                                 source=feed.title or host, prefer=("published", "source"))
        self.store(article, source.id)
        return True

    # --- feeds due ----------------------------------------------------------------------

    def poll_due_feeds(self) -> int:
        """Fetch every feed whose ``next_due_at`` has passed; returns how many were polled."""
        now = _due(0)
        with self.engine.connect() as conn:
            due = due_sources(conn, now)
        self.progress.stage("poll", None)  # counts articles stored, as in ``ingest_sources``
        for source in due:
            self.ingest_url(source.url)
        return len(due)


def has_url_stored(engine: Engine, url: str) -> bool:
    with engine.connect() as conn:
        return has_url(conn, url_key(url))


def _with_defaults(article: Article, *, url: str, prefer: tuple[str, ...] = (),
                   **feed_values: str | None) -> Article:
    """Fill what page extraction left empty from the feed item; the fields in ``prefer`` take
    the feed's value even when the page had one (a feed's date is structured, a page's date is
    guessed; the feed's title names the outlet better than a host name)."""
    from dataclasses import replace

    values: dict[str, Any] = {"url": url, "id": None}
    for key, value in feed_values.items():
        current = getattr(article, key)
        if value and (current is None or key in prefer):
            values[key] = value
    return replace(article, **values)


def ingest_sources(
    sources: Sequence[str],
    engine: Engine,
    nlp: Language | AnalysisBackend | None,
    settings: IngestSettings | None = None,
    progress: Progress | None = None,
    clusterer: Any | None = None,
) -> IngestSummary:
    """Read, store, analyse and cluster ``sources`` (paths and URLs); never raises for one
    bad source. ``nlp`` None stores articles without analysing them (they stay pending)."""
    settings = settings or IngestSettings()
    progress = progress or NullProgress()
    specs = expand_sources(list(sources))
    with Fetcher(settings.fetch) as fetcher:
        ingestor = Ingestor(engine, settings, fetcher, progress=progress)
        progress.stage("fetch", None)  # articles stored so far (their number is not known)
        for spec in specs:
            try:
                ingestor.ingest_spec(spec)
            except StoreError:
                raise
            except EuropeNewsError as exc:  # one source's problem never stops the others
                where = spec.location if isinstance(spec, SourceSpec) else str(spec)
                ingestor.summary.fail(where, str(exc))
    summary = ingestor.summary
    process_pending(engine, nlp, settings, summary, progress, clusterer)
    return summary


def process_pending(
    engine: Engine,
    nlp: Language | AnalysisBackend | None,
    settings: IngestSettings,
    summary: IngestSummary,
    progress: Progress | None = None,
    clusterer: Any | None = None,
) -> Any | None:
    """Analyse and cluster whatever is pending in the store; returns the clusterer used."""
    if nlp is not None:
        analyse_pending(engine, nlp, summary, progress, settings.batch_size, settings.model)
    if not settings.cluster:
        return clusterer
    with engine.connect() as conn:
        pending = count_articles(conn, STATUS_ANALYSED)
    if pending and clusterer is None:
        clusterer = load_clusterer()
        if clusterer is None:
            log.warning("story clustering is not available yet: %d articles wait", pending)
            return None
        restore_clusterer(engine, clusterer)
    if pending:
        cluster_pending(engine, clusterer, summary, progress)
    return clusterer
