from __future__ import annotations

import pytest

from europenews.errors import StoreError
from europenews.store.engine import normalise_url, open_store, safe_url


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
