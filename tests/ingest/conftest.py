"""Fixtures for ingestion tests: the local HTTP site and fetch settings allowing it."""

from __future__ import annotations

from tests.ingest.ingest_site import fetch_settings, site

__all__ = ["fetch_settings", "site"]
