from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from europenews.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def filled(db_url: str, tmp_path: Path) -> str:
    lines = [
        {"title": "Floods hit Valencia", "text": "Floods hit Valencia after heavy rain.",
         "published": "2024-10-30", "source": "El País"},
        {"title": "Budget vote in Warsaw", "text": "The Sejm voted on the budget.",
         "published": "2024-12-01", "source": "Notes from Poland"},
        {"title": "Flood defences tested", "text": "Engineers tested flood barriers in Venice.",
         "published": "2024-12-05", "source": "ANSA"},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    assert run("ingest", str(path), "--db", db_url, "--no-analyse").exit_code == 0
    return db_url


def test_search_text_output_lists_hits(filled: str) -> None:
    result = run("search", "flood", "--db", filled)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2024-") and "Flood" in lines[0]
    assert sum(1 for line in lines if not line.startswith("    ")) == 2


def test_search_json_with_filters(filled: str) -> None:
    result = run("search", "flood", "--since", "2024-12-01", "--db", filled, "--format", "json")
    hits = json.loads(result.stdout)
    assert [h["title"] for h in hits] == ["Flood defences tested"]
    assert {"id", "title", "url", "published", "source", "snippet", "score"} <= set(hits[0])


def test_search_jsonl_by_source(filled: str) -> None:
    result = run("search", "budget", "--source", "Notes from Poland", "--db", filled,
                 "--format", "jsonl")
    assert [json.loads(x)["source"] for x in result.stdout.splitlines()] == ["Notes from Poland"]


def test_search_no_match_exits_zero(filled: str) -> None:
    result = run("search", "zzzzunknown", "--db", filled)
    assert result.exit_code == 0 and result.stdout == ""
