from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.ingest.fingerprint import article_keys
from europenews.model import Analysis, Article, Entity, Event, Mention, Place, PlaceRef, Quote
from europenews.store import articles as store
from europenews.store.entities import link_entities


def _add(engine: Engine, article: Article) -> store.AddResult:
    keys = article_keys(article)
    with engine.begin() as conn:
        return store.add_article(conn, article, article_id=keys.id, url=keys.url,
                                 url_key=keys.url_key, content_hash=keys.content_hash)


def test_articles_same_url_is_stored_once(engine: Engine) -> None:
    first = _add(engine, Article(text="One text.", url="https://news.example/a?utm_source=x"))
    second = _add(engine, Article(text="Another text.", url="https://NEWS.example/a#top"))
    assert first.new and not second.new
    assert second.article_id == first.article_id
    with engine.connect() as conn:
        assert store.count_articles(conn) == 1


def test_articles_same_text_is_stored_once(engine: Engine) -> None:
    assert _add(engine, Article(text="The  council met\non Monday.")).new
    assert not _add(engine, Article(text="the council met on monday.", url="https://x.example/b")).new


def test_articles_thin_text_stored_before_titles_counted_is_found_by_its_title(
        engine: Engine) -> None:
    # A store from before titles counted holds a thin text under its text-only hash: the same
    # article (same title) is a duplicate there, another title is a new article.
    old = Article(text="Subscribe to keep reading.", title="Depot fire")
    keys = article_keys(old)
    assert keys.text_only_hash is not None
    with engine.begin() as conn:
        store.add_article(conn, old, article_id="aold", url=None, url_key=None,
                          content_hash=keys.text_only_hash)

    def add(article: Article) -> store.AddResult:
        k = article_keys(article)
        with engine.begin() as conn:
            return store.add_article(conn, article, article_id=k.id, url=k.url,
                                     url_key=k.url_key, content_hash=k.content_hash,
                                     text_only_hash=k.text_only_hash)

    again = add(Article(text="subscribe to keep  reading.", title="Depot  fire"))
    assert not again.new and again.article_id == "aold"
    assert add(Article(text="Subscribe to keep reading.", title="Bridge reopens")).new


def test_articles_pending_in_publication_order(engine: Engine) -> None:
    _add(engine, Article(text="later", published="2024-02-01"))
    _add(engine, Article(text="undated"))
    _add(engine, Article(text="earlier", published="2024-01-01"))
    with engine.connect() as conn:
        pending = store.articles_with_status(conn, [store.STATUS_FETCHED])
    assert [a.text for a in pending] == ["earlier", "later", "undated"]


def test_articles_save_analysis_fills_normalised_tables(engine: Engine) -> None:
    text = '"We stand ready," Rutte said in Kyiv. A blast killed 3 people.'
    article = Article(text=text, published="2024-03-01")
    aid = _add(engine, article).article_id
    rutte = Entity("e1", "Mark Rutte", "person", ("NATO Secretary General",),
                   (Mention(18, 23, "Rutte"),))
    analysis = Analysis(
        article=Article(text=text, id=aid, published="2024-03-01"),
        entities=(rutte,),
        quotes=(Quote("We stand ready,", 1, 16, ((1, 16),), "direct"),),
        events=(Event("explosion", 38, 64, text[38:64], killed=3,
                      place=PlaceRef("Kyiv", "UA", 50.45, 30.52)),),
        places=(Place("Kyiv", "UA", 50.45, 30.52, 703448, (Mention(32, 36, "Kyiv"),)),),
    )
    with engine.begin() as conn:
        ids = link_entities(conn, analysis, aid)
        store.save_analysis(conn, aid, {"id": aid, "text": text, "quotes": []}, analysis, ids)
        # Saving again (re-analysis) replaces the rows instead of adding to them.
        store.save_analysis(conn, aid, {"id": aid, "text": text, "quotes": []}, analysis, ids)
    with engine.connect() as conn:
        from sqlalchemy import func, select

        from europenews.store.schema import events, mentions, places, quotes

        counts = [conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in (quotes, events, places, mentions)]
        assert counts == [1, 1, 1, 1]
        assert conn.execute(select(events.c.lat, events.c.killed)).one() == (50.45, 3)
        payload = store.get_analysis_payload(conn, aid)
        assert payload is not None and payload["text"] == text
        assert store.status_counts(conn) == {store.STATUS_ANALYSED: 1}


@pytest.mark.parametrize("status", [store.STATUS_FAILED])
def test_articles_mark_failed_keeps_error(engine: Engine, status: str) -> None:
    aid = _add(engine, Article(text="x")).article_id
    with engine.begin() as conn:
        store.mark_failed(conn, aid, "analysis failed: boom")
    with engine.connect() as conn:
        assert store.status_counts(conn) == {status: 1}
