"""``europenews alerts replay``: our own articles through the whole pipeline; one JSON line
per rule and story that fired, as the story stands at the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from europenews.cli.main import cli

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "alerts" / "articles.jsonl"
RULES = """
[[alerts]]
name = "deadly shooting"
event = { killed_at_least = 3, country = "US" }

[[alerts]]
name = "deadly abroad"
event = { killed_at_least = 3, country = "FR" }

[[alerts]]
name = "library"
query = "library"
"""


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    monkeypatch.setattr("europenews.analyze.pipeline.build_pipeline", lambda settings=None: nlp)


def test_alerts_replay_prints_one_line_per_rule_and_story(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    result = CliRunner().invoke(cli, ["alerts", "replay", str(rules), str(ARTICLES)])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    by_rule = {h["alert"]: h for h in hits}
    assert sorted(by_rule) == ["deadly shooting", "library"] and len(hits) == 2
    shooting = by_rule["deadly shooting"]
    # Both reports of the shooting are in the one hit (the second updated it, no new hit).
    assert [a["id"] for a in shooting["articles"]] == ["al-1", "al-2"]
    assert shooting["articles"][0]["url"].startswith("https://lakeside-ledger.example/")
    assert shooting["fact"]["killed"]["value"] == 4 and shooting["fact"]["country"] == "US"
    assert [a["id"] for a in by_rule["library"]["articles"]] == ["al-3"]


def test_alerts_replay_bad_rule_is_one_error_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[alerts]]\nname = "x"\nevent = { killed_at_least = "3" }\n')
    result = CliRunner().invoke(cli, ["alerts", "replay", str(rules), str(ARTICLES)])
    assert result.exit_code == 1
    assert "alerts[0].event.killed_at_least: expected a whole number" in result.output


def test_alerts_list_shows_rules_without_secrets(engine, db_url: str) -> None:
    from europenews.alerts.rules import parse_rule
    from europenews.store.alerts import save_rule

    rule = parse_rule({"name": "quake", "event": {"killed_at_least": 10},
                       "webhook": "https://example.org/h", "secret": "hush"}, "t")
    with engine.begin() as conn:
        save_rule(conn, rule.name, rule.to_json(), "api")
    result = CliRunner().invoke(cli, ["alerts", "list", "--db", db_url])
    assert result.exit_code == 0, result.output
    row, = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["rule"]["event"] == {"killed_at_least": 10} and row["hits"] == 0
    assert "hush" not in result.stdout and row["origin"] == "api"
