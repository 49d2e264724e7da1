"""Fixtures for the stages: the local HTTP site of the ingest tests and fetch settings allowing
it (``engine``, a fresh store, comes from the top-level conftest)."""

from __future__ import annotations

from tests.ingest.ingest_site import fetch_settings, site

__all__ = ["fetch_settings", "site"]
