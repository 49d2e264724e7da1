from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from europenews.ingest.fingerprint import article_keys
from europenews.model import Article
from europenews.store.articles import add_article
from europenews.store.engine import open_store
from europenews.store.migrations import downgrade, upgrade
from europenews.store.search import search_articles


def test_migrations_reopen_is_idempotent(db_url: str) -> None:
    open_store(db_url).dispose()
    engine = open_store(db_url)
    assert "articles" in inspect(engine).get_table_names()
    engine.dispose()


def test_migrations_search_works_after_downgrade_and_upgrade(db_url: str) -> None:
    engine = open_store(db_url)
    downgrade(engine, "base")
    upgrade(engine)
    article = Article(text="Lawmakers approved the ceasefire plan.", title="Vote")
    keys = article_keys(article)
    with engine.begin() as conn:
        add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                    content_hash=keys.content_hash)
    with engine.connect() as conn:
        assert [h.id for h in search_articles(conn, "ceasefire")] == [keys.id]
    engine.dispose()


def test_migrations_sqlite_uses_wal(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_migrations_0004_keeps_only_iso_event_dates(tmp_path: Path) -> None:
    from sqlalchemy import insert, select

    from europenews.store.schema import events

    engine = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    downgrade(engine, "0003_hardening")
    article = Article(text="A man was shot on Tuesday.", title="Shot")
    keys = article_keys(article)
    with engine.begin() as conn:
        add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                    content_hash=keys.content_hash)
        for position, date in enumerate(("Tuesday", "20-year-old", "2016-05-03", None)):
            conn.execute(insert(events).values(article_id=keys.id, position=position,
                                               type="shooting", date=date, start=0, end=5,
                                               text="x"))
    upgrade(engine)
    with engine.connect() as conn:
        dates = list(conn.execute(select(events.c.date).order_by(events.c.position)).scalars())
        assert "figures" in inspect(engine).get_table_names()
    assert dates == [None, None, "2016-05-03", None]
    engine.dispose()
