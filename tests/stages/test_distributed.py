"""The stages with analysis on Dask workers store what in-process analysis gives (issue 9)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from europenews.analyze.pipeline import analyze_articles
from europenews.config import Settings
from europenews.contract import analysis_to_dict
from europenews.ingest.bounds import bound_article
from europenews.model import Article

pytestmark = pytest.mark.slow

N_ARTICLES = 200


@pytest.fixture
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """PostgreSQL when the run has one (CI does), else an SQLite file."""
    if os.environ.get("EUROPENEWS_TEST_PG"):
        from tests.conftest import empty_pg_tables

        url = request.getfixturevalue("_pg_url")
        empty_pg_tables(url)  # the run's schema is shared with the other store tests
        return url
    return f"sqlite:///{tmp_path / 'dask.db'}"


def write_batch(shared_data: Path, path: Path) -> list[Article]:
    rows = []
    with (shared_data / "clustering/gva-incidents/articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if len(row["text"]) >= 200:
                row["text"] = row["text"][:1500]  # shorter texts: the same test, faster
                rows.append({k: row[k] for k in ("id", "title", "text", "published", "source")})
            if len(rows) == N_ARTICLES:
                break
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    # With its source and date, as ingest stores them: places read the outlet's home from the
    # source, and event dates resolve against the publication date.
    return [
        Article(text=r["text"], id=r["id"], title=r["title"], source=r["source"],
                published=r["published"]) for r in rows
    ]


def comparable(payload: dict) -> tuple:
    return tuple(json.dumps(payload[k], sort_keys=True)
                 for k in ("entities", "quotes", "events", "places"))


def test_distributed_analysis_stores_the_in_process_analyses(
    dask_client, nlp, shared_data: Path, tmp_path: Path, store_url: str
) -> None:
    from sqlalchemy import select

    from europenews.analyze.backends import DaskBackend
    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings
    from europenews.store.articles import get_analysis_payloads
    from europenews.store.engine import open_store
    from europenews.store.schema import articles

    batch = tmp_path / "gva.jsonl"
    originals = write_batch(shared_data, batch)
    store = open_store(store_url)
    engine = DaskBackend(Settings(batch_size=8), client=dask_client)
    try:
        summary = ingest_sources([str(batch)], store, engine, IngestSettings(batch_size=8))
        with store.connect() as conn:
            ids = [r.id for r in conn.execute(select(articles.c.id))]
            stored = get_analysis_payloads(conn, ids)
    finally:
        store.dispose()
    assert summary.failed == 0
    assert summary.analysed == len(ids) == len(stored)
    assert len(ids) >= N_ARTICLES * 0.95  # only exact duplicates are dropped
    # The store keeps each text cleaned and bounded (ingest.bounds): analyse it that way here.
    # Keyed by text: the data repeats some texts under other dates, so a text may have two.
    local: dict[str, list[tuple]] = {}
    # And with the title ingest stores (outlet furniture cut): the figures read the title.
    from dataclasses import replace

    from europenews.ingest.headlines import clean_headline

    as_stored = [replace(bound_article(o), title=clean_headline(o.title, o.source, o.url))
                 for o in originals]
    for a in analyze_articles(nlp, as_stored):
        local.setdefault(a.article.text, []).append(comparable(analysis_to_dict(a)))
    for payload in stored.values():
        assert comparable(payload) in local[payload["text"]]
