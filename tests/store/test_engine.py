from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from europenews.errors import StoreError
from europenews.store.engine import map_db_errors, normalise_url, open_store, reading, safe_url


@pytest.mark.parametrize(("url", "normalised"), [
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("news.db", "sqlite:///news.db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
], ids=["postgresql", "postgres-alias", "bare-path", "sqlite"])
def test_engine_normalise_url(url: str, normalised: str) -> None:
    assert normalise_url(url) == normalised


@pytest.mark.parametrize("url", ["mysql://h/db", "sqlite:////no/such/folder/x.db"],
                         ids=["unsupported", "missing-folder"])
def test_engine_bad_urls_are_store_errors(url: str) -> None:
    with pytest.raises(StoreError):
        open_store(url)


def test_engine_safe_url_hides_password() -> None:
    assert "secret" not in safe_url("postgresql://u:secret@h/db")


def test_engine_database_errors_become_store_errors(tmp_path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with pytest.raises(StoreError, match=r"^store: OperationalError: no such table: nowhere$"
                           ) as caught, reading(engine) as conn:
            conn.execute(text("SELECT * FROM nowhere"))
    finally:
        engine.dispose()
    assert isinstance(caught.value.__cause__, SQLAlchemyError)


def test_engine_map_db_errors_lets_other_errors_through() -> None:
    with pytest.raises(KeyError), map_db_errors():
        raise KeyError("not the database's")


def test_engine_unreadable_database_file_is_a_store_error(tmp_path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not an SQLite file" * 100)
    with pytest.raises(StoreError, match="cannot open database: DatabaseError"):
        open_store(f"sqlite:///{path}")
