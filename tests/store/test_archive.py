"""The archive lists every story, undated ones included (store/views_archive.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.ingest.fingerprint import article_keys
from europenews.model import Analysis, Article, Place
from europenews.store.articles import add_article, save_analysis
from europenews.store.stories import assign_to_story, get_story, list_story_members, refresh_story
from europenews.store.views_archive import ArchiveFilters, archive_stories, count_archive
from europenews.stories.summary import summarize_story


def _story(engine: Engine, story: str, texts: list[tuple[str, str | None, str]],
           country: str | None = None) -> None:
    """Articles (text, published, source) stored, analysed and assigned to ``story``."""
    with engine.begin() as conn:
        for text, published, source in texts:
            article = Article(text=text, title=text[:20], published=published, source=source)
            keys = article_keys(article)
            add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                        content_hash=keys.content_hash)
            places = (Place("Somewhere", country, 1.0, 2.0),) if country else ()
            save_analysis(conn, keys.id, {}, Analysis(article, places=places), {})
            assign_to_story(conn, keys.id, story)
        refresh_story(conn, story, summarize_story(list_story_members(conn, story)))


@pytest.fixture
def filled(engine: Engine) -> Engine:
    _story(engine, "dated", [("A quake hit the coast.", "2024-03-01", "Herald"),
                             ("The quake toll rose.", "2024-03-02", "Wire")], country="JP")
    _story(engine, "stated", [("Updated 4 / 11 / 2007 1:26 PM\nA fire broke out.", None, "Post"),
                              ("Updated 4 / 12 / 2007\nThe fire was put out.", None, "Post"),
                              ("A third report on the fire.", None, "Post")], country="US")
    _story(engine, "fetched", [("A story with no date anywhere.", None, "Blog")])
    return engine


def test_archive_dates_undated_stories_by_their_text_then_their_fetch_time(filled: Engine):
    with filled.connect() as conn:
        stated, fetched = get_story(conn, "stated"), get_story(conn, "fetched")
    assert stated is not None and (stated.seen, stated.seen_from) == ("2007-04-12", "text")
    assert stated.first_seen is None
    assert fetched is not None and fetched.seen_from == "fetched" and fetched.seen


def test_archive_lists_every_story_newest_first(filled: Engine):
    with filled.connect() as conn:
        ids = [s["id"] for s in archive_stories(conn, ArchiveFilters())]
        assert count_archive(conn, ArchiveFilters()) == 3
    assert ids == ["fetched", "dated", "stated"]


@pytest.mark.parametrize(("filters", "expected"), [
    (ArchiveFilters(sort="largest"), ["stated", "dated", "fetched"]),
    (ArchiveFilters(sort="sources"), ["dated", "stated", "fetched"]),
    (ArchiveFilters(since="2007-01-01", until="2025-01-01"), ["dated", "stated"]),
    (ArchiveFilters(until="2008-01-01"), ["stated"]),
    (ArchiveFilters(country="jp"), ["dated"]),
], ids=["largest", "most-sources", "date-range", "until", "country"])
def test_archive_sorts_and_filters(filled: Engine, filters: ArchiveFilters, expected: list[str]):
    with filled.connect() as conn:
        assert [s["id"] for s in archive_stories(conn, filters)] == expected
        assert count_archive(conn, filters) == len(expected)


def test_archive_pages_do_not_overlap(filled: Engine):
    with filled.connect() as conn:
        first = archive_stories(conn, ArchiveFilters(), limit=2)
        rest = archive_stories(conn, ArchiveFilters(), limit=2, offset=2)
    assert len(first) == 2 and len(rest) == 1
    assert not {s["id"] for s in first} & {s["id"] for s in rest}
