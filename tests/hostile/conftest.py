"""Fixtures of the hostile-input suite: the local HTTP site of the ingest tests (served on
127.0.0.1 by the tests) and fetch settings allowing it."""

from __future__ import annotations

from tests.ingest.ingest_site import fetch_settings, site

__all__ = ["fetch_settings", "site"]
