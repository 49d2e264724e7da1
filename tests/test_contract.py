"""The public contract (../shared/CONTRACT.md): command names and analysis keys must not vanish."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from europenews.cli.main import cli

CONTRACT_COMMANDS = ["analyze", "ingest", "cluster", "serve", "run", "search", "reanalyze",
                     "export", "eval"]
EVAL_SETS = ["ner", "quotes", "geo", "events", "stories"]


def test_contract_eval_subcommands_exist() -> None:
    group = cli.commands["eval"]
    assert sorted(group.commands) == sorted(EVAL_SETS)  # type: ignore[attr-defined]


def test_contract_every_command_is_registered() -> None:
    assert set(CONTRACT_COMMANDS) <= set(cli.commands)


@pytest.mark.parametrize("command", CONTRACT_COMMANDS)
def test_contract_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_contract_analyze_format_choices() -> None:
    result = CliRunner().invoke(cli, ["analyze", "--help"])
    for choice in ("json", "jsonl", "text"):
        assert choice in result.output


def test_contract_export_offers_stories_and_mentions() -> None:
    from europenews.cli.export import WHAT
    from europenews.store.exports import EXPORT_KINDS

    assert WHAT == EXPORT_KINDS
    assert {"articles", "quotes", "events", "places", "stories", "mentions"} <= set(WHAT)
