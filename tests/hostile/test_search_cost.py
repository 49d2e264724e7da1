"""Issue 23, item 1: no article and no query can pin a core through search, and a server stops
promptly on request whatever its requests are doing."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from europenews.config import Settings
from europenews.errors import QueryTimeout
from europenews.ingest.fingerprint import article_keys
from europenews.model import Article
from europenews.store.articles import add_article
from europenews.store.engine import open_store, reading
from europenews.store.search import (
    MAX_PREFIX_TERMS,
    MAX_TERMS,
    fts5_query,
    search_articles,
    time_limit,
)
from europenews.store.views_search import search_page
from europenews.web.app import app_server, create_app

ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def _store(conn, article: Article) -> str:
    keys = article_keys(article)
    add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                content_hash=keys.content_hash)
    return keys.id


@pytest.fixture
def dense_store(engine: Engine) -> Engine:
    """A store holding, as a store from before the text cap could, a 5 MB page repeating one
    word, beside ordinary articles using it once."""
    with engine.begin() as conn:
        _store(conn, Article(text="ferry " * 850_000, title="Ferry ferry ferry"))
        for n in range(30):
            _store(conn, Article(text=f"The ferry to the island number {n} left late today. "
                                      "Passengers waited at the harbour for an hour.",
                                 title=f"Island ferry {n}"))
    return engine


def test_issue_23_hit_dense_page_costs_search_no_more_than_others(dense_store: Engine) -> None:
    began = time.monotonic()
    with dense_store.connect() as conn:
        hits = search_articles(conn, "ferry", limit=20)
        page = search_page(conn, "ferry", limit=20)
    assert time.monotonic() - began < 3  # minutes before: snippet() over every hit
    assert len(hits) == 20 and len(page["hits"]) == 20
    assert all("[" in h.snippet and len(h.snippet) < 400 for h in hits)
    assert all("[ferry]" in h["snippet"].lower() for h in page["hits"])


def test_issue_23_prefix_terms_are_limited() -> None:
    expression = fts5_query(" ".join(["a*"] * 75))
    assert expression.count('"') == 2 * MAX_TERMS and "*" not in expression  # too short
    expression = fts5_query(" ".join(f"ter{n}*" for n in range(20)))
    assert expression.count("*") == MAX_PREFIX_TERMS
    assert fts5_query("harbour*") == '"harbour"*'


def test_issue_23_many_prefix_terms_answer_quickly(dense_store: Engine) -> None:
    began = time.monotonic()
    with dense_store.connect() as conn:
        search_page(conn, " ".join(["a*"] * 75))
        search_page(conn, " ".join(f"{w}*" for w in ("fer", "isl", "har", "pas", "wai") * 15))
    assert time.monotonic() - began < 2


def test_issue_23_a_runaway_query_is_stopped_at_its_time_limit(engine: Engine) -> None:
    began = time.monotonic()
    with engine.connect() as conn, pytest.raises(QueryTimeout, match="stopped after"), \
            time_limit(conn, 0.3):
        conn.execute(text(ENDLESS)).scalar()
    assert time.monotonic() - began < 2
    with engine.connect() as conn:  # the connection is fine afterwards, without a limit
        assert conn.execute(text("SELECT 1")).scalar() == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_issue_23_server_told_to_stop_ends_a_running_read(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'web.db'}"
    open_store(db).dispose()
    app = create_app(Settings(db=db))
    started = threading.Event()

    @app.get("/slow-read")
    def slow_read() -> dict[str, int]:  # stands for any read that would run for minutes
        with reading(app.state.engine) as conn:
            started.set()
            return {"n": int(conn.execute(text(ENDLESS)).scalar() or 0)}

    port = _free_port()
    server = app_server(app, host="127.0.0.1", port=port, log_level="critical")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    answers: list[int] = []
    client = threading.Thread(target=lambda: answers.append(httpx.get(
        f"http://127.0.0.1:{port}/slow-read", timeout=30).status_code), daemon=True)
    client.start()
    assert started.wait(10)
    began = time.monotonic()
    server.begin_exit()
    thread.join(15)
    client.join(15)
    assert not thread.is_alive()
    assert time.monotonic() - began < 6  # the grace period, then the read is ended
    assert answers == [503]
