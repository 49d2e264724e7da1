"""Sources → stored articles: feeds, pages, files, folders and OPML lists against a local
site, with each source's state, back-off and stop requests (no model needed)."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from europenews.ingest.fetch import Fetcher, FetchSettings
from europenews.stages.backoff import backoff_wait
from europenews.stages.collect import Collector
from europenews.stages.ingest import ingest_sources
from europenews.stages.settings import IngestSettings
from europenews.stages.summary import IngestSummary
from europenews.stages.writer import DirectWriter
from europenews.store.articles import count_articles, get_article
from europenews.store.schema import articles
from europenews.store.sources import get_source
from tests.ingest.ingest_site import Site, page, rss

FEED = "application/rss+xml"


def _run(engine: Engine, sources: list[str], fs: FetchSettings, **kw: object) -> IngestSummary:
    settings = IngestSettings(fetch=fs, cluster=False, **kw)  # type: ignore[arg-type]
    return ingest_sources(sources, engine, None, settings)


def _reasons(summary: IngestSummary) -> str:
    return "\n".join(r for _, r in summary.failures)


def _good_feed(site: Site) -> str:
    site.add("/a1.html", page("Council agrees budget", "The council agreed the budget."))
    site.add("/a2.html", page("Storm closes port", "A storm closed the port."))
    return site.add("/feed.xml", rss([("Council agrees budget", site.url("/a1.html")),
                                       ("Storm closes port", site.url("/a2.html")),
                                       ("Missing page", site.url("/gone.html"))]),
                    content_type=FEED)


def test_collect_feed_stores_good_items_once_and_reports_bad(
        engine: Engine, site: Site, fetch_settings: FetchSettings) -> None:
    feed = _good_feed(site)
    first = _run(engine, [feed], fetch_settings)
    assert (first.new, first.duplicates, first.failed) == (2, 0, 1)
    assert "HTTP 404" in _reasons(first)
    second = _run(engine, [feed], fetch_settings)
    assert (second.new, second.duplicates, second.failed) == (0, 2, 1)
    assert site.hits["/a1.html"] == 1  # stored pages are not fetched again
    assert site.hits["/gone.html"] == 2  # a failed item is retried on the next run
    with engine.connect() as conn:
        assert count_articles(conn) == 2
        stored = conn.execute(select(articles.c.title, articles.c.published, articles.c.source)
                              .order_by(articles.c.published)).all()
    assert stored[0] == ("Council agrees budget", "2024-04-01T10:00:00Z", "Example News")


def test_collect_conditional_get_skips_unchanged_feed(
        engine: Engine, site: Site, fetch_settings: FetchSettings) -> None:
    site.add("/a1.html", page("Council agrees budget", "The council agreed the budget."))
    feed = site.add("/feed.xml", rss([("Council", site.url("/a1.html"))]),
                    content_type=FEED, ETag='"v1"')
    _run(engine, [feed], fetch_settings)
    again = _run(engine, [feed], fetch_settings)
    assert again.not_modified == 1 and again.fetched == 0
    assert site.seen_headers["/feed.xml"]["if-none-match"] == '"v1"'


def test_collect_bad_sources_never_stop_good_ones(
        engine: Engine, site: Site, fetch_settings: FetchSettings) -> None:
    def huge():
        for _ in range(50):
            yield b"<p>" + b"x" * (1024 * 1024)

    site.add("/big.html", huge)
    site.add("/loop", status=302, Location="/loop")
    site.add("/slow.html", page("Slow", "Late."))
    site.routes["/slow.html"].delay = 2.0
    site.add("/notfeed.xml", "<<<this is not xml at all", content_type="application/xml")
    broken = site.add("/broken.xml", rss([("Storm", site.url("/a2.html"))])[:-20] + "<item><ti",
                      content_type=FEED)
    site.add("/a2.html", page("Storm closes port", "A storm closed the port."))
    soup = site.add("/soup.html", "<html><body><div><p>Unclosed <b>tags everywhere<p>The mayor "
                    "said the bridge would reopen next week after repairs.<div><p>Engineers "
                    "inspected cables and the deck for two days, officials said.<td>stray cell"
                    "<p>Traffic will be diverted until the work is done, the city added.")
    urls = [site.url(p) for p in ("/big.html", "/loop", "/slow.html", "/notfeed.xml")]
    summary = _run(engine, [*urls, broken, soup, "/no/such/file.txt", "ftp://example.org/x"],
                   replace(fetch_settings, timeout=0.5))
    reasons = _reasons(summary)
    for expected in ("body too large", "too many redirects", "timed out", "no such file",
                     "only http and https"):
        assert expected in reasons
    assert summary.new == 2  # the broken feed's readable item and the soup page
    assert summary.failed == 6, summary.failures
    assert summary.refused == 1  # the broken feed's cut-off item: no link, nothing to fetch
    with engine.connect() as conn:
        source = get_source(conn, site.url("/loop"))
    assert source is not None and source.failure_count == 1 and "redirects" in source.last_error


def test_collect_non_utf8_pages_decode(engine: Engine, site: Site,
                                        fetch_settings: FetchSettings) -> None:
    body = page("Café crème", "Le café à Málaga était fermé.", charset="windows-1252")
    header = site.add("/cp1252.html", body.encode("cp1252"),
                      content_type="text/html; charset=windows-1252")
    meta_only = site.add("/latin1.html", body.replace("Málaga", "Sevilla").encode("latin-1"),
                         content_type="text/html")
    summary = _run(engine, [header, meta_only], fetch_settings)
    assert summary.new == 2, _reasons(summary)
    with engine.connect() as conn:
        texts = [r.text for r in conn.execute(select(articles.c.text))]
    assert any("café à Málaga" in t for t in texts)
    assert any("café à Sevilla" in t for t in texts)


def test_collect_feed_that_disappears_is_recorded(
        engine: Engine, site: Site, fetch_settings: FetchSettings) -> None:
    feed = _good_feed(site)
    _run(engine, [feed], fetch_settings)
    site.routes["/feed.xml"].status = 410
    later = _run(engine, [feed], fetch_settings)
    assert "HTTP 410" in _reasons(later)
    with engine.connect() as conn:
        source = get_source(conn, feed)
        assert count_articles(conn) == 2  # what was stored stays
    assert source is not None and source.failure_count == 1 and source.next_due_at


def test_collect_opml_file_and_url(engine: Engine, site: Site, fetch_settings: FetchSettings,
                                    tmp_path: Path) -> None:
    feed = _good_feed(site)
    opml = (f'<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
            f'<outline type="rss" text="Example" xmlUrl="{feed}"/></outline></body></opml>')
    path = tmp_path / "feeds.opml"
    path.write_text(opml, encoding="utf-8")
    from_file = _run(engine, [str(path)], fetch_settings)
    assert from_file.new == 2
    url = site.add("/feeds.opml", opml, content_type="text/x-opml")
    from_url = _run(engine, [url], fetch_settings)
    assert from_url.new == 0 and from_url.duplicates == 2


def test_collect_files_and_folders(engine: Engine, fetch_settings: FetchSettings,
                                    tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ministers meet\n\nThe ministers met in Riga.", "utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"text": "Port reopens after storm.",
                                                 "url": "https://example.org/port"}), "utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "Line one story."}\nnot json\n', "utf-8")
    (tmp_path / "copy.txt").write_text("Ministers meet\n\nThe ministers met in Riga.", "utf-8")
    summary = _run(engine, [str(tmp_path)], fetch_settings)
    # The bad line is refused (the file was read), not failed.
    assert (summary.new, summary.duplicates, summary.refused, summary.failed) == (3, 1, 1, 0)
    assert "malformed JSON" in summary.refusals[0][1]
    again = _run(engine, [str(tmp_path)], fetch_settings)
    assert (again.new, again.duplicates) == (0, 4)


def test_collect_ctrl_c_mid_run_loses_nothing_and_a_rerun_resumes(
        engine: Engine, fetch_settings: FetchSettings, tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"Report {i}\n\nItem number {i} happened.", "utf-8")

    class Interrupt:
        def __init__(self) -> None:
            self.done = 0

        def stage(self, name: str, total: int | None) -> None:
            pass

        def advance(self, n: int = 1) -> None:
            self.done += n
            if self.done == 3:
                raise KeyboardInterrupt

    settings = IngestSettings(fetch=fetch_settings, cluster=False)
    with pytest.raises(KeyboardInterrupt):
        ingest_sources([str(tmp_path)], engine, None, settings, Interrupt())
    with engine.connect() as conn:
        assert count_articles(conn) == 3
    resumed = ingest_sources([str(tmp_path)], engine, None, settings)
    assert (resumed.new, resumed.duplicates) == (3, 3)
    with engine.connect() as conn:
        assert count_articles(conn) == 6


def test_collect_page_metadata(engine: Engine, site: Site,
                                fetch_settings: FetchSettings) -> None:
    html = page("Bridge reopens", "The bridge reopened on Tuesday.").replace(
        "<head>", '<head><meta name="author" content="Ana Novak">'
                  '<meta property="article:published_time" content="2024-03-05T09:00:00Z">')
    url = site.add("/bridge.html", html)
    summary = _run(engine, [url], fetch_settings)
    assert summary.new == 1
    with engine.connect() as conn:
        aid = conn.execute(select(articles.c.id)).scalar_one()
        article = get_article(conn, aid)
    assert article is not None
    assert (article.title, article.author, article.language) == ("Bridge reopens", "Ana Novak",
                                                                "en")
    assert article.published and article.published.startswith("2024-03-05")


def test_collect_poll_due_feeds_fetches_only_due_ones(
        engine: Engine, site: Site, fetch_settings: FetchSettings) -> None:
    from sqlalchemy import update

    from europenews.store.schema import sources

    feed = _good_feed(site)
    _run(engine, [feed], fetch_settings)
    with Fetcher(fetch_settings) as fetcher:
        collector = Collector(engine, DirectWriter(engine), IngestSettings(fetch=fetch_settings),
                              fetcher)
        assert collector.poll_due_feeds() == 0  # just polled: not due yet
        with engine.begin() as conn:
            conn.execute(update(sources).values(next_due_at="2000-01-01T00:00:00Z"))
        assert collector.poll_due_feeds() == 1
    assert site.hits["/feed.xml"] == 2
    assert (collector.summary.new, collector.summary.duplicates) == (0, 2)


def _seconds_from_now(stamp: str | None) -> float:
    assert stamp is not None
    due = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return (due - datetime.now(UTC)).total_seconds()


def test_collect_failing_source_backs_off_as_the_one_policy_says(
        engine: Engine, site: Site, fetch_settings: FetchSettings) -> None:
    url = site.add("/down.xml", "gone", status=503)
    settings = IngestSettings(fetch=fetch_settings, cluster=False, poll_interval=900.0,
                              retry=60.0, max_backoff=200.0)
    waits = []
    for _ in range(3):
        ingest_sources([url], engine, None, settings)
        with engine.connect() as conn:
            source = get_source(conn, url)
        assert source is not None
        waits.append(_seconds_from_now(source.next_due_at))
    expected = [backoff_wait(900.0, n, retry=60.0, max_backoff=200.0) for n in (1, 2, 3)]
    assert expected == [60.0, 120.0, 200.0]
    assert all(abs(got - want) <= 2 for got, want in zip(waits, expected, strict=True)), waits


def test_collect_stop_request_ends_between_two_articles(
        engine: Engine, fetch_settings: FetchSettings, tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Report {i}\n\nItem number {i} happened.", "utf-8")
    stop = threading.Event()

    class StopAfterTwo:
        """Asks for a stop once two articles are stored, as a signal handler would."""

        def stage(self, name: str, total: int | None) -> None:
            pass

        def advance(self, n: int = 1) -> None:
            with engine.connect() as conn:
                if count_articles(conn) == 2:
                    stop.set()

    settings = IngestSettings(fetch=fetch_settings, cluster=False)
    summary = ingest_sources([str(tmp_path)], engine, None, settings, StopAfterTwo(), stop=stop)
    assert (summary.new, summary.failed) == (2, 0)  # returned, nothing raised
    with engine.connect() as conn:
        assert count_articles(conn) == 2
    resumed = ingest_sources([str(tmp_path)], engine, None, settings)
    assert (resumed.new, resumed.duplicates) == (3, 2)


def test_collect_thin_template_pages_with_different_titles_are_different_articles(
        engine: Engine, tmp_path: Path, fetch_settings: FetchSettings) -> None:
    # Two sites' pages whose scraped body is only a sign-up notice tell different stories by
    # their titles; a long body shared word for word is a copy whatever its headline.
    notice = "Subscribe to keep reading. Already a member? Sign in to continue."
    long_body = " ".join(["The harbour board met on Tuesday and agreed a new budget."] * 15)
    items = [
        {"url": "https://news.example/one", "title": "Two hurt in depot fire", "text": notice},
        {"url": "https://news.example/two", "title": "Bridge reopens after repairs",
         "text": notice},
        {"url": "https://news.example/three", "title": "Harbour budget agreed",
         "text": long_body},
        {"url": "https://other.example/copy", "title": "Board passes harbour budget",
         "text": long_body},
        {"url": "https://news.example/again", "title": "Two hurt in depot fire",
         "text": notice},
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    summary = _run(engine, [str(path)], fetch_settings)
    assert (summary.new, summary.duplicates) == (3, 2)
    with engine.connect() as conn:
        titles = {r.title for r in conn.execute(select(articles.c.title))}
    assert {"Two hurt in depot fire", "Bridge reopens after repairs"} <= titles
