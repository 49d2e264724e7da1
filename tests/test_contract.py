"""The public contract (../shared/CONTRACT.md): command names and analysis keys must not vanish."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from europenews.cli.main import cli, load_commands

CONTRACT_COMMANDS = ["analyze", "ingest", "cluster", "serve", "run", "search", "reanalyze",
                     "export", "eval"]
EVAL_SETS = ["ner", "quotes", "geo", "events", "stories", "entities", "langid", "wikineural"]


def test_contract_eval_subcommands_exist() -> None:
    group = cli.get_command(click.Context(cli), "eval")
    assert sorted(group.commands) == sorted(EVAL_SETS)  # type: ignore[attr-defined]


def test_contract_every_command_is_registered() -> None:
    # Named by the group before any module is imported, and each module registers its own.
    assert set(CONTRACT_COMMANDS) <= set(cli.list_commands(click.Context(cli)))
    load_commands()
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


def test_contract_quote_speaker_has_via() -> None:
    # CONTRACT.md, additions: quotes[].speaker.via, the outlet of a nested report, or null.
    from europenews.contract import analysis_from_dict, analysis_to_dict
    from europenews.model import Analysis, Article, Mention, Quote, Speaker

    quote = Quote("We stay.", 1, 9, ((1, 9),), "direct",
                  Speaker("e1", "Lena Holm", Mention(12, 16, "Holm"), "CNN"), None)
    out = analysis_to_dict(Analysis(Article(text="“We stay,” Holm said."), quotes=(quote,)))
    assert out["quotes"][0]["speaker"]["via"] == "CNN"
    assert analysis_from_dict(out).quotes[0].speaker == quote.speaker


def test_contract_quotes_carry_shown_and_confidence() -> None:
    # Added fields (the contract is extended, never broken): pages print shown quotes only.
    from dataclasses import replace

    from europenews.contract import analysis_from_dict, analysis_to_dict
    from europenews.model import Analysis, Article, Quote

    sure = Quote("We stay.", 1, 9, ((1, 9),), "direct")
    unsure = replace(sure, kind="indirect", shown=False, confidence=0.37)
    out = analysis_to_dict(Analysis(Article(text="“We stay,” Holm said."), quotes=(sure, unsure)))
    assert [(q["shown"], q["confidence"]) for q in out["quotes"]] == [(True, 1.0), (False, 0.37)]
    back = analysis_from_dict(out).quotes
    assert [(q.kind, q.shown, q.confidence) for q in back] == [("direct", True, 1.0),
                                                               ("indirect", False, 0.37)]
    for q in out["quotes"]:  # a file written before the fields: every quote shown
        del q["shown"], q["confidence"]
    assert all(q.shown for q in analysis_from_dict(out).quotes)


def test_mention_kind_round_trips_and_names_carry_none():
    from europenews.contract import analysis_from_dict, analysis_to_dict
    from europenews.model import Analysis, Article, Entity, Mention

    text = "Lena Holm spoke. She left."
    entity = Entity("e1", "Lena Holm", "person",
                    mentions=(Mention(0, 9, "Lena Holm"), Mention(17, 20, "She", "pronoun")))
    out = analysis_to_dict(Analysis(article=Article(text=text), entities=(entity,)))
    mentions = out["entities"][0]["mentions"]
    assert "kind" not in mentions[0] and mentions[1]["kind"] == "pronoun"
    back = analysis_from_dict(out).entities[0].mentions
    assert [m.kind for m in back] == [None, "pronoun"]
