"""``europenews search``: a name in any known spelling, a count on standard error, --sort date
(issue #24)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from europenews.cli.main import cli
from europenews.cli.search import match_line

ARTICLES = [
    {"title": "Zelenskyy visits Brussels - Harbour City News|Harbour, CA|News, Weather",
     "text": "Ukrainian President Volodymyr Zelenskyy met alliance leaders in Brussels on "
             "Tuesday. Zelenskyy said Ukraine needs more air defence.",
     "published": "2024-03-05", "source": "Desk A"},
    {"title": "Shelling in Kherson",
     "text": "Russian shelling killed two people in Kherson on Wednesday, the regional "
             "governor said. President Volodymyr Zelensky condemned the attack.",
     "published": "2024-06-01", "source": "Desk B"},
]


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    monkeypatch.setattr("europenews.analyze.pipeline.build_pipeline", lambda settings=None: nlp)


@pytest.fixture
def filled(db_url: str, tmp_path: Path) -> str:
    path = tmp_path / "desk.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", db_url])
    assert result.exit_code == 0, result.output
    return db_url


def test_search_finds_a_name_in_its_other_spellings(filled: str) -> None:
    result = CliRunner().invoke(cli, ["search", "Zelenskiy", "--db", filled,
                                      "--format", "json"])
    assert {h["source"] for h in json.loads(result.stdout)} == {"Desk A", "Desk B"}
    assert result.stderr.startswith("2 articles match (showing 2, best first; also searched:")


def test_search_sort_date_and_clean_titles_in_text(filled: str) -> None:
    result = CliRunner().invoke(cli, ["search", "Zelensky", "--sort", "date", "--db", filled])
    titles = [line for line in result.stdout.splitlines() if not line.startswith("    ")]
    assert titles[0].startswith("2024-06-01") and titles[1].startswith("2024-03-05")
    assert "Zelenskyy visits Brussels  [" in titles[1]  # the site's name and slogans are gone
    assert "newest first" in result.stderr


@pytest.mark.parametrize(("args", "expected"), [
    ((1, True, 1, "relevance", {}), "1 article matches (showing 1, best first)"),
    ((10_000, False, 20, "date", {}),
     "more than 10,000 articles match (showing 20, newest first)"),
    ((3, True, 3, "relevance", {"Kyiv": ("Kiev",)}),
     "3 articles match (showing 3, best first; also searched: Kiev for Kyiv)"),
    ((0, True, 0, "relevance", {}), "no matches"),
], ids=["one", "capped", "spellings", "none"])
def test_search_match_line(args, expected) -> None:
    assert match_line(*args) == expected
