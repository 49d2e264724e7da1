"""``europenews.toml``: what ``europenews run`` polls and how, loaded into a :class:`RunConfig`.

Where the file comes from, first match wins: ``--config PATH``, ``EUROPENEWS_CONFIG``,
``./europenews.toml``, then the default shipped as package data (``data/europenews.toml``:
a curated list of public RSS feeds of European news desks plus the ``examples/`` folder).
Relative paths in a file are relative to that file's folder; in the shipped default they are
relative to the working directory (``make run`` runs from the checkout).

Command-line options (``--db``, ``--host``, ``--port``) and ``EUROPENEWS_DB`` override the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from europenews.alerts.deliver import DeliverySettings
from europenews.alerts.rules import AlertRule, parse_rules
from europenews.config import Settings
from europenews.errors import ConfigError
from europenews.ingest.fetch import FetchSettings
from europenews.stages.backoff import MAX_BACKOFF

DEFAULT_NAME = "europenews.toml"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*$")
_UNIT = {None: 1.0, "ms": 0.001, "s": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "d": 86400.0}


@dataclass(frozen=True, slots=True)
class FeedSource:
    """An RSS/Atom feed (or a page) polled every ``interval`` seconds (None: the default)."""

    url: str
    name: str | None = None
    interval: float | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class FolderSource:
    """A folder of article files (and OPML lists) scanned for new or changed files."""

    path: Path
    name: str | None = None
    interval: float | None = None
    required: bool = True  # False: a missing folder is skipped quietly (the shipped examples)


@dataclass(frozen=True, slots=True)
class OpmlSource:
    """An OPML feed list (file path or URL): each feed in it becomes a polled feed."""

    location: str
    name: str | None = None
    interval: float | None = None


@dataclass(frozen=True, slots=True)
class PollingConfig:
    """The scheduler's knobs (seconds)."""

    interval: float = 300.0  # a healthy feed is polled this often
    folder_interval: float = 30.0  # folders are rescanned this often
    max_backoff: float = MAX_BACKOFF  # the longest wait after repeated failures (stages.backoff)
    jitter: float = 0.1  # ± this fraction of every wait, so sources do not poll in lockstep
    concurrency: int = 4  # sources fetched at the same time
    per_host: int = 1  # of which at most this many on one host
    max_feed_items: int = 100  # items read from one feed document


@dataclass(frozen=True, slots=True)
class RunConfig:
    """Everything ``europenews run`` needs, from one TOML file plus overrides."""

    settings: Settings = field(default_factory=Settings)
    host: str = "127.0.0.1"
    port: int = 8000
    languages: tuple[str, ...] = ("en", "fr", "de", "es", "it", "nl", "pl", "pt", "ru", "cs", "uk")
    feeds: tuple[FeedSource, ...] = ()
    folders: tuple[FolderSource, ...] = ()
    opml: tuple[OpmlSource, ...] = ()
    polling: PollingConfig = field(default_factory=PollingConfig)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    alerts: tuple[AlertRule, ...] = ()  # [[alerts]]: kept in the store as "config" rules
    delivery: DeliverySettings = field(default_factory=DeliverySettings)
    path: Path | None = None  # the file it was read from (None: the shipped default)

    def with_overrides(self, **values: Any) -> RunConfig:
        """A copy with the given non-None values replaced (``db`` goes into settings)."""
        values = {k: v for k, v in values.items() if v is not None}
        if "db" in values:
            values["settings"] = replace(self.settings, db=values.pop("db"))
        for key in ("model", "engine", "scheduler", "workers"):
            if key in values:
                values["settings"] = replace(values.get("settings", self.settings),
                                             **{key: values.pop(key)})
        return replace(self, **values)


def parse_duration(value: object, where: str) -> float:
    """Seconds from a number or a string like ``"90s"``, ``"15m"``, ``"2h"``."""
    if isinstance(value, bool):
        raise ConfigError(f"{where}: expected a duration, got {value!r}")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str) and (m := _DURATION.match(value)):
        seconds = float(m.group(1)) * _UNIT[m.group(2)]
    else:
        raise ConfigError(f"{where}: expected a duration such as 90, \"90s\", \"15m\" or \"2h\", "
                          f"got {value!r}")
    if seconds <= 0:
        raise ConfigError(f"{where}: a duration must be positive, got {value!r}")
    return seconds


def find_config(explicit: str | None = None) -> Path | None:
    """The configuration file to read, or None for the shipped default."""
    if explicit:
        return Path(explicit)
    if env := os.environ.get("EUROPENEWS_CONFIG"):
        return Path(env)
    local = Path(DEFAULT_NAME)
    return local if local.is_file() else None


def default_config_text() -> str:
    """The shipped default configuration (TOML text)."""
    return resources.files("europenews").joinpath("data", DEFAULT_NAME).read_text("utf-8")


def load_config(path: str | Path | None = None) -> RunConfig:
    """Read a configuration file (None: :func:`find_config`, then the shipped default)."""
    found = find_config(str(path) if path is not None else None)
    if found is None:
        return parse_config(default_config_text(), "europenews.toml (built-in)", base=None)
    try:
        text = found.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"{found}: configuration file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{found}: cannot read configuration ({exc})") from exc
    return replace(parse_config(text, str(found), base=found.resolve().parent), path=found)


def parse_config(text: str, where: str, base: Path | None) -> RunConfig:
    """A RunConfig from TOML text; ``base`` is the folder relative paths start from."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML ({exc})") from exc
    known = {"database", "server", "analysis", "polling", "politeness", "feeds", "folders",
             "opml", "sources", "alerts", "delivery"}
    if unknown := sorted(set(data) - known):
        raise ConfigError(f"{where}: unknown section {unknown[0]!r} "
                          f"(known: {', '.join(sorted(known))})")
    data = _sort_sources(data, where)
    database = _table(data, "database", where)
    server = _table(data, "server", where)
    analysis = _table(data, "analysis", where)
    settings = Settings()
    if url := database.get("url"):
        settings = replace(settings, db=_str(url, f"{where}: database.url"))
    if model := analysis.get("model"):
        settings = replace(settings, model=_str(model, f"{where}: analysis.model"))
    if "batch_size" in analysis:
        settings = replace(settings, batch_size=_int(analysis["batch_size"],
                                                     f"{where}: analysis.batch_size"))
    if engine := analysis.get("engine"):
        settings = replace(settings, engine=_str(engine, f"{where}: analysis.engine"))
    if scheduler := analysis.get("scheduler"):
        settings = replace(settings, scheduler=_str(scheduler, f"{where}: analysis.scheduler"))
    if "workers" in analysis:  # 0: one process per core (the default); 1: no worker process
        settings = replace(settings, workers=_int(analysis["workers"],
                                                  f"{where}: analysis.workers", minimum=0))
    languages = tuple(str(x).lower() for x in analysis.get("languages", list(settings.languages)))
    settings = replace(settings, languages=languages)
    polling = _polling(_table(data, "polling", where), where)
    feeds = tuple(
        FeedSource(
            url=_str(item.get("url"), f"{where}: feeds[{i}].url"),
            name=item.get("name"),
            interval=_opt_duration(item.get("interval"), f"{where}: feeds[{i}].interval"),
            language=(str(item["language"]).lower() if item.get("language") else None),
        )
        for i, item in enumerate(_array(data, "feeds", where))
    )
    folders = tuple(
        FolderSource(
            path=_path(_str(item.get("path"), f"{where}: folders[{i}].path"), base),
            name=item.get("name"),
            interval=_opt_duration(item.get("interval"), f"{where}: folders[{i}].interval"),
            required=bool(item.get("required", base is not None)),
        )
        for i, item in enumerate(_array(data, "folders", where))
    )
    opml = tuple(
        OpmlSource(
            location=_location(_str(item.get("location", item.get("path", item.get("url"))),
                                    f"{where}: opml[{i}].location"), base),
            name=item.get("name"),
            interval=_opt_duration(item.get("interval"), f"{where}: opml[{i}].interval"),
        )
        for i, item in enumerate(_array(data, "opml", where))
    )
    return RunConfig(
        settings=settings,
        host=str(server.get("host", "127.0.0.1")),
        port=_int(server.get("port", 8000), f"{where}: server.port"),
        languages=languages,
        # Every feed is read: ``languages`` decides which articles are analysed fully; the
        # others are stored, searchable and grouped all the same.
        feeds=feeds,
        folders=folders,
        opml=opml,
        polling=polling,
        fetch=_fetch(_table(data, "politeness", where), where),
        alerts=parse_rules(data.get("alerts", []), where),
        delivery=_delivery(_table(data, "delivery", where), where),
    )


def _delivery(table: dict[str, Any], where: str) -> DeliverySettings:
    """``[delivery]``: the SMTP server alerts are mailed through and the site's public URL."""
    known = {"base_url", "smtp_host", "smtp_port", "smtp_from", "smtp_user", "smtp_password",
             "smtp_starttls"}
    if unknown := sorted(set(table) - known):
        raise ConfigError(f"{where}: delivery.{unknown[0]}: unknown key "
                          f"(known: {', '.join(sorted(known))})")
    values: dict[str, Any] = {}
    for key in ("base_url", "smtp_host", "smtp_from", "smtp_user", "smtp_password"):
        if key in table:
            values[key] = _str(table[key], f"{where}: delivery.{key}")
    if "smtp_port" in table:
        values["smtp_port"] = _int(table["smtp_port"], f"{where}: delivery.smtp_port", 1)
    if "smtp_starttls" in table:
        values["smtp_starttls"] = bool(table["smtp_starttls"])
    return DeliverySettings(**values)


def _polling(table: dict[str, Any], where: str) -> PollingConfig:
    p = PollingConfig()
    values: dict[str, Any] = {}
    for key in ("interval", "folder_interval", "max_backoff"):
        if key in table:
            values[key] = parse_duration(table[key], f"{where}: polling.{key}")
    for key in ("concurrency", "per_host", "max_feed_items"):
        if key in table:
            values[key] = _int(table[key], f"{where}: polling.{key}", minimum=1)
    if "jitter" in table:
        jitter = table["jitter"]
        if not isinstance(jitter, int | float) or not 0 <= jitter < 1:
            raise ConfigError(f"{where}: polling.jitter must be a number in [0, 1)")
        values["jitter"] = float(jitter)
    if unknown := sorted(set(table) - set(p.__slots__)):
        raise ConfigError(f"{where}: unknown setting polling.{unknown[0]}")
    return replace(p, **values)


def _fetch(table: dict[str, Any], where: str) -> FetchSettings:
    names = {"delay", "timeout", "respect_robots", "allow_private", "allow_hosts",
             "user_agent", "max_bytes"}
    if unknown := sorted(set(table) - names):
        raise ConfigError(f"{where}: unknown setting politeness.{unknown[0]}")
    values: dict[str, Any] = {}
    if "delay" in table:
        values["delay"] = float(table["delay"])
    if "timeout" in table:
        values["timeout"] = parse_duration(table["timeout"], f"{where}: politeness.timeout")
    for key in ("respect_robots", "allow_private"):
        if key in table:
            values[key] = bool(table[key])
    if "allow_hosts" in table:
        values["allow_hosts"] = tuple(str(h).lower() for h in table["allow_hosts"])
    if "user_agent" in table:
        values["user_agent"] = str(table["user_agent"])
    if "max_bytes" in table:
        values["max_bytes"] = _int(table["max_bytes"], f"{where}: politeness.max_bytes")
    # The environment can loosen the address guard (tests, intranets) without editing the file.
    return FetchSettings.from_env(**values)


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{key}] must be a table")
    return value


def _array(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    """An array of tables; plain strings stand for ``{url = ...}`` / ``{path = ...}``."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict | str) for v in value):
        raise ConfigError(f"{where}: {key} must be an array of tables ([[{key}]])")
    field_name = {"feeds": "url", "folders": "path", "opml": "location"}.get(key, "url")
    return [v if isinstance(v, dict) else {field_name: v} for v in value]


def _sort_sources(data: dict[str, Any], where: str) -> dict[str, Any]:
    """``sources = [...]`` (URLs, folders, .opml files, mixed) sorted into feeds/folders/opml."""
    if "sources" not in data:
        return data
    data = dict(data)
    for item in _array(data, "sources", where):
        location = str(item.get("url") or item.get("path") or item.get("location") or "")
        if location.lower().endswith(".opml"):
            key, entry = "opml", {**item, "location": location}
        elif "://" in location:
            key, entry = "feeds", {**item, "url": location}
        else:
            key, entry = "folders", {**item, "path": location}
        for name in ("url", "path", "location"):
            if name != {"opml": "location", "feeds": "url", "folders": "path"}[key]:
                entry.pop(name, None)
        data[key] = [*_array(data, key, where), entry]
    del data["sources"]
    return data


def _str(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: expected a non-empty string")
    return value.strip()


def _int(value: object, where: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{where}: expected an integer >= {minimum}, got {value!r}")
    return value


def _opt_duration(value: object, where: str) -> float | None:
    return None if value is None else parse_duration(value, where)


def _path(value: str, base: Path | None) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() or base is None else base / path


def _location(value: str, base: Path | None) -> str:
    return value if "://" in value else str(_path(value, base))
