"""The fork server's pipeline (``analyze/preload.py``): built once from the settings in the
environment, and kept out of the garbage collector's walks before any worker is forked."""

from __future__ import annotations

import gc

import pytest

from europenews.analyze import pipeline, preload
from europenews.config import Settings


def test_preload_builds_the_pipeline_and_freezes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    built = object()
    monkeypatch.setattr(pipeline, "build_pipeline", lambda settings: built)
    monkeypatch.setenv(preload.SETTINGS_ENV, preload.encode(Settings()))
    monkeypatch.setattr(preload, "nlp", None)
    monkeypatch.setattr(preload, "settings", None)
    gc.unfreeze()
    try:
        preload._build()
        assert preload.nlp is built and preload.settings == Settings()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_preload_without_settings_builds_and_freezes_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(preload.SETTINGS_ENV, raising=False)
    monkeypatch.setattr(preload, "nlp", None)
    gc.unfreeze()
    preload._build()
    assert preload.nlp is None and gc.get_freeze_count() == 0
