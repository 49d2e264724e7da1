"""europenews.toml: the shipped default, durations, paths, overrides and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from europenews.configfile import (
    default_config_text,
    load_config,
    parse_config,
    parse_duration,
)
from europenews.errors import ConfigError


def test_configfile_default_lists_named_public_feeds() -> None:
    config = parse_config(default_config_text(), "default", base=None)
    assert len(config.feeds) >= 10
    assert all(f.name and f.url.startswith("https://") for f in config.feeds)
    assert len({f.url for f in config.feeds}) == len(config.feeds)
    assert config.fetch.allow_private is False


def test_configfile_default_reads_european_outlets_in_their_own_languages() -> None:
    # Issue 22, item 6: non-English outlets, each feed saying its language, at least one
    # feed per language of the list below, and every analysed language among them.
    config = parse_config(default_config_text(), "default", base=None)
    own = {f.language for f in config.feeds if f.language and f.language != "en"}
    assert {"de", "fr", "es", "it", "pl", "uk"} <= own
    assert set(config.settings.languages) - {"en"} <= own | {"ru"}
    assert all(f.language for f in config.feeds)


def test_configfile_default_includes_examples_folder_as_optional() -> None:
    config = parse_config(default_config_text(), "default", base=None)
    [folder] = config.folders
    assert folder.path == Path("examples")
    assert folder.required is False


@pytest.mark.parametrize(("value", "seconds"), [
    (90, 90.0), (1.5, 1.5), ("90s", 90.0), ("15m", 900.0), ("2h", 7200.0), ("1d", 86400.0),
    ("250ms", 0.25),
], ids=["int", "float", "s", "m", "h", "d", "ms"])
def test_configfile_parses_durations(value: object, seconds: float) -> None:
    assert parse_duration(value, "x") == seconds


@pytest.mark.parametrize("value", ["soon", "-5s", 0, True, "5 weeks"])
def test_configfile_rejects_bad_durations(value: object) -> None:
    with pytest.raises(ConfigError, match="x:"):
        parse_duration(value, "x")


def test_configfile_reads_sections_and_resolves_relative_paths(tmp_path: Path) -> None:
    path = tmp_path / "europenews.toml"
    path.write_text(
        """
[database]
url = "sqlite:///news.db"
[server]
port = 9001
[polling]
interval = "5m"
per_host = 2
[politeness]
delay = 0
allow_hosts = ["127.0.0.1"]
[[feeds]]
name = "Desk"
url = "http://127.0.0.1:1/feed.xml"
interval = "30s"
[[feeds]]
name = "Elsewhere"
url = "https://example.org/sv.xml"
language = "sv"
[[folders]]
path = "inbox"
[[opml]]
location = "list.opml"
""",
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.settings.db == "sqlite:///news.db"
    assert config.port == 9001
    assert config.polling.interval == 300.0 and config.polling.per_host == 2
    assert config.fetch.delay == 0.0 and config.fetch.allow_hosts == ("127.0.0.1",)
    # A feed in a language not analysed fully is still read (its articles are stored).
    assert [f.name for f in config.feeds] == ["Desk", "Elsewhere"]
    assert config.feeds[1].language == "sv" and "sv" not in config.settings.languages
    assert config.feeds[0].interval == 30.0
    assert config.folders[0].path == tmp_path / "inbox" and config.folders[0].required
    assert config.opml[0].location == str(tmp_path / "list.opml")
    assert config.path == path


def test_configfile_overrides_replace_file_values() -> None:
    config = parse_config("[database]\nurl = 'sqlite:///a.db'\n", "t", base=None)
    changed = config.with_overrides(db="sqlite:///b.db", port=0, host=None)
    assert changed.settings.db == "sqlite:///b.db"
    assert changed.port == 0 and changed.host == config.host


def test_configfile_env_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "other.toml"
    path.write_text("[server]\nport = 8123\n", encoding="utf-8")
    monkeypatch.setenv("EUROPENEWS_CONFIG", str(path))
    assert load_config().port == 8123


@pytest.mark.parametrize(("text", "message"), [
    ("[databse]\n", "unknown section 'databse'"),
    ("[polling]\nintervall = 5\n", "unknown setting polling.intervall"),
    ("[[feeds]]\nname = 'no url'\n", r"feeds\[0\].url"),
    ("feeds = 3\n", "array of tables"),
    ("[server]\nport = 'eighty'\n", "server.port"),
    ("not toml at all [", "not valid TOML"),
], ids=["section", "setting", "feed-url", "feeds-type", "port", "syntax"])
def test_configfile_errors_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(text, "europenews.toml", base=None)


def test_configfile_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_configfile_accepts_plain_strings_and_a_mixed_sources_list(tmp_path: Path) -> None:
    text = """
feeds = ["https://a.example/rss"]
sources = ["https://b.example/rss", "inbox", "list.opml",
           {url = "https://c.example/rss", name = "C"}]
"""
    config = parse_config(text, "t", base=tmp_path)
    assert [f.url for f in config.feeds] == [
        "https://a.example/rss", "https://b.example/rss", "https://c.example/rss"]
    assert config.feeds[2].name == "C"
    assert [f.path for f in config.folders] == [tmp_path / "inbox"]
    assert [o.location for o in config.opml] == [str(tmp_path / "list.opml")]


def test_configfile_analysis_workers_and_its_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    from europenews.config import settings_from_env

    assert parse_config("", "x.toml", base=None).settings.workers == 0  # one per core
    config = parse_config("[analysis]\nworkers = 3\n", "x.toml", base=None)
    assert config.settings.workers == 3
    assert config.with_overrides(workers=1).settings.workers == 1
    with pytest.raises(ConfigError, match=r"analysis\.workers"):
        parse_config("[analysis]\nworkers = -2\n", "x.toml", base=None)
    monkeypatch.setenv("EUROPENEWS_WORKERS", "4")
    assert settings_from_env().workers == 4
    monkeypatch.setenv("EUROPENEWS_WORKERS", "many")
    with pytest.raises(ConfigError, match="EUROPENEWS_WORKERS"):
        settings_from_env()
