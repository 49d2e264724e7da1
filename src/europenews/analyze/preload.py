"""The pipeline of the analysis workers' fork server (``analyze.processes``).

The fork server imports this module once, before it forks any worker, and builds the pipeline
named in :data:`SETTINGS_ENV`: every worker forked from it starts with the model loaded (one
load for all the workers, and a replaced worker starts at once) and shares the model's memory
until it writes to it. Imported anywhere else, the variable is not set and nothing is built.
"""

from __future__ import annotations

import gc
import json
import os
from dataclasses import asdict
from typing import Any

from europenews.config import Settings

SETTINGS_ENV = "EUROPENEWS_PRELOAD_SETTINGS"

settings: Settings | None = None
nlp: Any = None


def encode(value: Settings) -> str:
    return json.dumps(asdict(value))


def decode(text: str) -> Settings:
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                              for k, v in json.loads(text).items()}
    return Settings(**fields)


def _build() -> None:
    global settings, nlp
    raw = os.environ.get(SETTINGS_ENV)
    if not raw:
        return
    try:
        from europenews.analyze.pipeline import build_pipeline

        wanted = decode(raw)
        nlp = build_pipeline(wanted)
        settings = wanted
    except Exception:  # each worker then builds its own and reports what is wrong
        nlp = settings = None
        return
    # The pipeline's objects live as long as the workers: out of the collector's reach, a
    # worker's full collections no longer walk them (and so no longer write to the pages it
    # shares with this server). About 0.13 s of collector time per 200 articles a worker.
    gc.freeze()


_build()
