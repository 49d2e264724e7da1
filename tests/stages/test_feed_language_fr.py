"""A feed's configured language (``[[feeds]] language``) is the prior of its items' language
when the feed declares none (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from europenews.ingest.fetch import FetchSettings
from europenews.stages.ingest import ingest_sources
from europenews.stages.settings import IngestSettings
from europenews.store.schema import articles
from tests.ingest.ingest_site import Site

FEED = "application/rss+xml"


def _bare_page(title: str, body: str) -> str:
    # No lang attribute: the page says nothing about its language.
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>")


def _feed(site: Site, declared: str | None) -> str:
    site.add("/a.html", _bare_page("Zelensky à Kyiv", "Zelensky à Kyiv."))
    language = f"<language>{declared}</language>" if declared else ""
    return site.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Desk</title><link>http://example.org/</link>{language}"
        f"<item><title>Zelensky à Kyiv</title><link>{site.url('/a.html')}</link></item>"
        "</channel></rss>",
        content_type=FEED,
    )


def _stored_language(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(select(articles.c.language)).scalar_one())


@pytest.mark.parametrize(("configured", "declared", "expected_not", "expected"), [
    (None, None, "fr", None),  # neither says: the short headline reads as another language
    ("fr", None, None, "fr"),  # the configuration's language is the prior
    ("fr", "de", "fr", None),  # the feed's own <language> comes first, not the configured one
])
def test_feed_language_configured_is_the_prior_when_the_feed_declares_none(
        engine: Engine, site: Site, fetch_settings: FetchSettings, configured: str | None,
        declared: str | None, expected_not: str | None, expected: str | None) -> None:
    feed = _feed(site, declared)
    settings = IngestSettings(fetch=fetch_settings, cluster=False, language=configured)
    summary = ingest_sources([feed], engine, None, settings)
    assert summary.new == 1
    language = _stored_language(engine)
    if expected is not None:
        assert language == expected
    if expected_not is not None:
        assert language != expected_not


def test_feed_language_run_gives_each_feed_its_configured_language(tmp_path: Path) -> None:
    from europenews.config import Settings
    from europenews.configfile import FeedSource, RunConfig
    from europenews.runner.service import Service

    feeds = (FeedSource(url="https://example.org/fr.xml", language="fr"),
             FeedSource(url="https://example.org/any.xml"))
    config = RunConfig(settings=Settings(db=f"sqlite:///{tmp_path / 'news.db'}"), feeds=feeds)
    service = Service(config, serve=False)
    assert service._ingest_settings(60.0, "https://example.org/fr.xml").language == "fr"
    assert service._ingest_settings(60.0, "https://example.org/any.xml").language is None
    assert service._ingest_settings(60.0).language is None
