"""Shared fixtures: the real pipeline (loaded once per run) and data locations."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"
SEED = REPO / "examples" / "ukraine-nato-security-guarantees.txt"


@pytest.fixture(autouse=True)
def _one_process_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands under test analyse in-process (with the session's pipeline, monkeypatched in);
    the worker-process path has its own tests, which ask for it explicitly."""
    monkeypatch.setenv("EUROPENEWS_WORKERS", "1")


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The shipped EuropeNews pipeline on the real spaCy model."""
    from europenews.analyze.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(nlp: Language, seed_text: str):
    from europenews.analyze.pipeline import analyze_article
    from europenews.model import Article

    return analyze_article(nlp, Article(text=seed_text, id="seed"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not beside the checkout")
    return SHARED_DATA


# --- store fixtures (ingestion/store work): a fresh database per test, SQLite always and
# PostgreSQL when EUROPENEWS_TEST_PG names a server (as .ci/run does).
def _db_params() -> list:
    import os

    params = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get("EUROPENEWS_TEST_PG"):
        params.append(pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres))
    return params


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated once per run; each test gets a copy (migrations take ~0.4 s)."""
    from europenews.store.engine import open_store

    path = tmp_path_factory.mktemp("db") / "template.db"
    open_store(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture(scope="session")
def _pg_url():
    """A schema on the PostgreSQL server for this run, migrated once, dropped at the end."""
    import os
    import uuid

    from sqlalchemy import create_engine, text

    from europenews.store.engine import open_store

    base = os.environ["EUROPENEWS_TEST_PG"]
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options=-csearch_path%3D{schema}"
    open_store(url).dispose()
    yield url
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def empty_pg_tables(url: str) -> None:
    """Delete every row of the run's PostgreSQL schema (the tables stay)."""
    from sqlalchemy import create_engine, text

    from europenews.store.schema import metadata

    eng = create_engine(url)
    with eng.begin() as conn:
        names = ", ".join(t.name for t in metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    eng.dispose()


@pytest.fixture(params=_db_params())
def db_url(request: pytest.FixtureRequest, tmp_path: Path):
    """A database URL for one test, with the schema in place and no rows: a copy of a
    migrated SQLite file, or the run's PostgreSQL schema with every table emptied."""
    import shutil

    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("_pg_url")
    empty_pg_tables(url)
    yield url


@pytest.fixture
def engine(db_url: str):
    """An open store (migrated) on ``db_url``."""
    from europenews.store.engine import open_store

    eng = open_store(db_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def dask_client():
    """A real Dask LocalCluster: 2 worker processes, 1 thread each, on loopback."""
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    # The scheduler's HTTP server still starts with the dashboard off, on port 8787 by default;
    # a free port keeps the suite from failing when another Dask (or anything) holds 8787.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as lc, Client(lc) as client:
        yield client
