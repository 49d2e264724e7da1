"""Sources → stored articles: read files, pages, feeds and OPML lists (``ingest``) and store
what they hold, keeping each source's state in the ``sources`` table.

A source that fails is recorded (its error, its failure count and its next due time from
``stages.backoff``) and never stops the others. Each article is stored in its own transaction
through the :class:`~europenews.stages.writer.Writer`, so a crash or a stop loses nothing
already stored and a re-run duplicates nothing. A stop request is checked between articles.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from europenews.errors import EuropeNewsError, FetchError, InputError, StoreError
from europenews.ingest.bounds import bound_article, clean_line, cut_line, with_declared_language
from europenews.ingest.feeds import Feed, FeedItem, looks_like_feed, parse_feed
from europenews.ingest.fetch import FEED_TYPES, Fetcher, FetchResult
from europenews.ingest.files import read_bytes, read_file
from europenews.ingest.fingerprint import article_keys, url_key
from europenews.ingest.headlines import clean_headline
from europenews.ingest.opml import looks_like_opml, parse_opml
from europenews.ingest.page import article_from_body
from europenews.ingest.sources import SourceSpec
from europenews.model import Article
from europenews.stages.backoff import backoff_wait
from europenews.stages.settings import IngestSettings
from europenews.stages.summary import IngestSummary, NullProgress, Progress
from europenews.stages.writer import Writer
from europenews.store.articles import AddResult, add_article, has_url
from europenews.store.sources import (
    SourceState,
    due_sources,
    ensure_source,
    get_source,
    record_failure,
    record_success,
)

log = logging.getLogger(__name__)


def _utc_in(seconds: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Collector:
    """One run's reading and storing: the store (read through ``engine``, written through
    ``writer``), the HTTP client, the settings, the running summary and the stop request."""

    engine: Engine
    writer: Writer
    settings: IngestSettings
    fetcher: Fetcher
    summary: IngestSummary = field(default_factory=IngestSummary)
    progress: Progress = field(default_factory=NullProgress)
    stop: threading.Event = field(default_factory=threading.Event)
    _file_sources: dict[str, int] = field(default_factory=dict)  # origin → source id
    stored: list[str] = field(default_factory=list)  # ids of the new articles stored
    _file_errors: dict[str, str] = field(default_factory=dict)  # origin → first file error

    # --- storing ------------------------------------------------------------------------

    def store(self, article: Article, source_id: int | None) -> None:
        """Store one article (once: a known URL or text counts as a duplicate), its fields
        cleaned and bounded first (``ingest.bounds``: what it may cost downstream) and its
        title without the outlet's name and slogans (``ingest.headlines``)."""
        article = bound_article(article)
        title = clean_headline(article.title, article.source, article.url)
        if title != article.title:
            article = replace(article, title=title)
        keys = article_keys(article)

        def add(conn: Connection) -> AddResult:
            return add_article(conn, article, article_id=keys.id, url=keys.url,
                               url_key=keys.url_key, content_hash=keys.content_hash,
                               text_only_hash=keys.text_only_hash,
                               source_id=source_id)

        result = self.writer.write(add)
        self.summary.fetched += 1
        if result.new:
            self.summary.new += 1
            self.stored.append(result.article_id)
        else:
            self.summary.duplicates += 1
        self.progress.advance()

    def has_url_stored(self, url: str) -> bool:
        with self.engine.connect() as conn:
            return has_url(conn, url_key(url))

    # --- source bookkeeping -------------------------------------------------------------

    def source(self, url: str, kind: str, name: str | None = None) -> SourceState:
        """The source row for ``url`` (created if new; its kind updated if it changed, its
        name when one is given)."""
        return self.writer.write(lambda conn: ensure_source(conn, url, kind, name))

    def known_source(self, url: str) -> SourceState | None:
        with self.engine.connect() as conn:
            return get_source(conn, url)

    def succeeded(self, source: SourceState, status: int | None, **values: Any) -> None:
        """The source answered (``values``: etag, last_modified, title, next_due_at)."""
        self.writer.write(lambda conn: record_success(conn, source.id, status=status, **values))

    def failed(self, source: SourceState, error: str, status: int | None = None) -> None:
        """The source failed: keep the reason, count it, and back off before the next poll."""
        error = stored_error(error)
        wait = backoff_wait(self.settings.poll_interval, source.failure_count + 1,
                            retry=self.settings.retry, max_backoff=self.settings.max_backoff)
        count = self.writer.write(lambda conn: record_failure(
            conn, source.id, error, status=status, next_due_at=_utc_in(wait)))
        log.info("%s failed (%d in a row): %s", source.url, count, error)
        self.summary.fail(source.url, error)

    def failed_unpolled(self, key: str, kind: str, error: str) -> None:
        """A source that could not even be polled (a missing folder, a bug): recorded with
        no due time, since only the caller's timetable knows when it comes again."""
        error = stored_error(error)

        def record(conn: Connection) -> None:
            source = ensure_source(conn, key, kind)
            record_failure(conn, source.id, error, next_due_at=None)

        self.writer.write(record)
        log.info("%s failed: %s", key, error)
        self.summary.fail(key, error)

    @contextmanager
    def boundary(self, where: str, *, refuse: bool = False,
                 origin: str | None = None) -> Iterator[None]:
        """The per-item error boundary: what goes wrong reading or storing one item is
        counted as that item's failure (with ``refuse``, our own errors count as a refusal:
        the item was read but holds no article) and the batch goes on; with ``origin``, the
        first failure is kept for that file source. A store that cannot write is not an
        item's problem and stops the run."""
        try:
            yield
        except (InputError, FetchError) as exc:
            if refuse:
                self.summary.refuse(where, str(exc))
            else:
                self._failed(where, str(exc), origin)
        except StoreError:
            raise
        except Exception as exc:  # a parser's bug on a hostile item (RecursionError, ...)
            log.warning("%s: cannot read", where, exc_info=True)
            self._failed(where, internal_error(where, exc), origin)

    def _failed(self, where: str, reason: str, origin: str | None) -> None:
        self.summary.fail(where, reason)
        if origin is not None:
            self._file_errors.setdefault(origin, reason)

    # --- sources ------------------------------------------------------------------------

    def collect_spec(self, spec: SourceSpec | InputError) -> None:
        """One source of ``ingest``: a file, a local OPML list or a URL."""
        if isinstance(spec, InputError):
            self.summary.fail(str(spec).split(": ", 1)[0], str(spec))
            return
        if spec.kind == "file":
            self.collect_file(Path(spec.location), spec.origin)
        elif spec.kind == "opml":
            try:
                feeds = parse_opml(read_bytes(Path(spec.location)), spec.location)
            except InputError as exc:
                self.summary.fail(spec.location, str(exc))
                return
            for feed in feeds:
                if self.stop.is_set():
                    return
                self.collect_url(feed.url, from_opml=True)
        else:
            self.collect_url(spec.location)

    def collect_file(self, path: Path, origin: str) -> None:
        """The articles of one file, stored under the source it was found in."""
        name = Path(origin).name or origin  # the file or folder as the user named it
        origin = str(Path(origin).resolve())
        if origin not in self._file_sources:
            self._file_sources[origin] = self.writer.write(
                partial(_file_source, key=origin, name=name)).id
        with self.boundary(str(path), origin=origin):
            for item in read_file(path):
                if self.stop.is_set():
                    return
                if isinstance(item, InputError):  # one line of the file: refused, not failed
                    self.summary.refuse(str(path), str(item))
                    self.progress.advance()
                    continue
                with self.boundary(str(path), refuse=True):  # one article, not the file
                    self.store(item, self._file_sources[origin])

    def finish_files(self) -> None:
        """Record on each file or folder source read in this run when it was read, and the
        first file that could not be read (so the status shows a last fetch for it too)."""
        for origin, source_id in self._file_sources.items():
            self.writer.write(partial(_record_read, source_id=source_id,
                                      error=self._file_errors.get(origin)))

    def collect_url(self, url: str, from_opml: bool = False) -> None:
        """A URL: sniffed as a feed, an OPML list or a page once its body is in hand."""
        known = self.known_source(url)
        if (known is None or known.kind == "page") and self.has_url_stored(url):
            self.summary.fetched += 1
            self.summary.duplicates += 1  # an article page we already have: no refetch
            return
        source = known or self.source(url, "page")
        conditional = source.kind == "feed"
        try:
            result = self.fetcher.fetch(
                url,
                etag=source.etag if conditional else None,
                last_modified=source.last_modified if conditional else None,
                accept=FEED_TYPES,
            )
        except FetchError as exc:
            self.failed(source, str(exc))
            return
        if result.status == 304:
            self.succeeded(source, 304, next_due_at=_utc_in(self.settings.poll_interval))
            self.summary.not_modified += 1
            return
        try:
            if looks_like_opml(result.body) and not from_opml:
                source = self.source(url, "opml")
                self.succeeded(source, result.status)
                for feed in parse_opml(result.body, url):
                    if self.stop.is_set():
                        return
                    self.collect_url(feed.url, from_opml=True)
            elif looks_like_feed(result.body, result.content_type):
                self.collect_feed(self.source(url, "feed"), result)
            else:
                article = article_from_body(result.body, result.content_type, url)
                article = _with_defaults(article, url=url, source=urlsplit(url).hostname)
                self.store(article, source.id)
                self.succeeded(source, result.status)
        except (InputError, FetchError) as exc:
            self.failed(source, str(exc), status=result.status)
        except StoreError:
            raise
        except Exception as exc:  # a parser's bug on one hostile body: this source fails
            log.warning("%s: cannot read", url, exc_info=True)
            self.failed(source, internal_error(url, exc), status=result.status)

    def collect_feed(self, source: SourceState, result: FetchResult) -> None:
        """Every item of a fetched feed; the feed's state is recorded once all were read."""
        feed = parse_feed(result.body, source.url)
        failures = 0
        for item in feed.items[: self.settings.max_feed_items]:
            if self.stop.is_set():
                # Not recorded as polled: the next poll reads the whole feed again.
                return
            if not self.collect_item(item, feed, source):
                failures += 1
        # Validators are kept only when every item was read: after a failure the next poll
        # downloads the whole feed again, so the failed items are retried.
        self.succeeded(
            source, result.status,
            etag=result.etag if not failures else None,
            last_modified=result.last_modified if not failures else None,
            title=feed.title, next_due_at=_utc_in(self.settings.poll_interval),
        )

    def collect_item(self, item: FeedItem, feed: Feed, source: SourceState) -> bool:
        """Fetch and store one feed item's page; False when it failed or was refused (and was
        reported)."""
        if not item.url:
            self.summary.refuse(source.url, f"{source.url}: feed item without a link "
                                            f"({item.title or 'untitled'})")
            return False
        if self.has_url_stored(item.url):
            self.summary.fetched += 1
            self.summary.duplicates += 1
            return True
        try:
            page = self.fetcher.fetch(item.url)
        except FetchError as exc:
            self.summary.fail(item.url, str(exc))
            return False
        # Fetched, but what it holds may be no article (refused: the page is read again next
        # time, since the feed's validators are not kept) or break a parser (failed).
        with self.boundary(item.url, refuse=True):
            article = article_from_body(page.body, page.content_type, item.url)
            host = urlsplit(item.url).hostname
            article = _with_defaults(article, url=item.url, title=item.title,
                                     published=item.published, author=item.author,
                                     source=feed.title or host, prefer=("published", "source"))
            # The feed's declared language is the prior the text is checked against
            # (ingest.bounds settles it): a page's own lang attribute is often a template's.
            # Many feeds declare none; then the language the configuration gives the feed.
            article = with_declared_language(article, feed.language or self.settings.language)
            self.store(article, source.id)
            return True
        return False

    # --- polling ------------------------------------------------------------------------

    def poll(self, url: str) -> bool:
        """Poll a feed (or page) URL once, as ``run`` does; True when the source answered
        well. Whatever goes wrong is recorded on the source, never raised."""
        try:
            self.collect_url(url)
        except EuropeNewsError as exc:  # anything not recorded on the way (a store error)
            self.failed_unpolled(url, "feed", str(exc))
            return False
        except Exception as exc:  # a bug: recorded on the source, so the status shows it
            log.warning("%s: poll failed", url, exc_info=True)
            self.failed_unpolled(url, "feed", internal_error(url, exc))
            return False
        state = self.known_source(url)
        return state is not None and state.last_error is None

    def poll_due_feeds(self) -> int:
        """Fetch every stored feed whose ``next_due_at`` has passed; returns how many."""
        with self.engine.connect() as conn:
            due = due_sources(conn, _utc_in(0))
        self.progress.stage("poll", None)  # counts articles stored, as in ``ingest_sources``
        for source in due:
            if self.stop.is_set():
                break
            self.collect_url(source.url)
        return len(due)


MAX_ERROR_CHARS = 500


def stored_error(message: str) -> str:
    """A failure message as kept on its source: one line of printable text, bounded (the
    message may quote what a server sent)."""
    return cut_line(clean_line(message), MAX_ERROR_CHARS)


def internal_error(where: str, exc: BaseException) -> str:
    """The message for an unexpected exception while reading ``where`` (its class only: the
    traceback goes to the log, not to the source's public record)."""
    return f"{where}: internal error ({type(exc).__name__})"


def _file_source(conn: Connection, key: str, name: str) -> SourceState:
    """A file or folder source, named after itself unless it already has a name (the one
    configured for ``run`` wins)."""
    state = get_source(conn, key)
    return ensure_source(conn, key, "file", None if state and state.name else name)


def _record_read(conn: Connection, source_id: int, error: str | None) -> None:
    if error is None:
        record_success(conn, source_id, status=None)
    else:
        record_failure(conn, source_id, stored_error(error))


def register_source(writer: Writer, key: str, kind: str,
                    name: str | None = None) -> SourceState:
    """The store's row for a configured source (created so the status lists it at once), with
    its configured ``name``."""
    def ensure(conn: Connection) -> SourceState:
        state = get_source(conn, key)
        # A URL first seen as a page keeps the kind its content showed; a new one is ``kind``.
        return ensure_source(conn, key, state.kind if state else kind, name)

    return writer.write(ensure)


def record_scan(writer: Writer, key: str) -> None:
    """A folder was scanned: its source row says when, with no error."""
    def record(conn: Connection) -> None:
        source = ensure_source(conn, key, "file")
        record_success(conn, source.id, status=None)

    writer.write(record)


def _with_defaults(article: Article, *, url: str, prefer: tuple[str, ...] = (),
                   **feed_values: str | None) -> Article:
    """Fill what page extraction left empty from the feed item; the fields in ``prefer`` take
    the feed's value even when the page had one (a feed's date is structured, a page's date is
    guessed; the feed's title names the outlet better than a host name)."""
    values: dict[str, Any] = {"url": url, "id": None}
    for key, value in feed_values.items():
        current = getattr(article, key)
        if value and (current is None or key in prefer):
            values[key] = value
    return replace(article, **values)


__all__ = ["Collector", "record_scan", "register_source"]
