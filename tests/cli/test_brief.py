"""``europenews brief``: the sample article's brief reads like the sample (real pipeline)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from europenews.cli.main import cli
from tests.conftest import SEED


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    monkeypatch.setattr("europenews.analyze.pipeline.build_pipeline", lambda settings=None: nlp)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def seed_story(db_url: str) -> tuple[str, str]:
    assert run("ingest", str(SEED), "--db", db_url).exit_code == 0
    out = run("export", "--format", "jsonl", "--what", "stories", "--db", db_url)
    story, = [json.loads(line) for line in out.stdout.splitlines()]
    return db_url, story["id"]


PEOPLE = {"Volodymyr Zelenskyy": "President", "Kaja Kallas": "diplomat",
          "Antonio Costa": "Council", "Oleksandr Prokudin": "governor",
          "Annalena Baerbock": "Foreign Minister", "Jake Sullivan": "National Security Adviser"}
QUOTES = {"Zelenskyy": "necessary thing for our survival|one or another of the killers",
          "Kallas": "wants Ukraine to win this war",
          "Baerbock": "China is opposing our core European interests",
          "Sullivan": "take the fight to the Russians"}


def test_brief_markdown_of_the_sample_names_people_quotes_and_figures(seed_story) -> None:
    db, story = seed_story
    result = run("brief", story, "--db", db)
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("# Ukraine Presses NATO for Security Guarantees")
    lines = md.splitlines()
    for name, role in PEOPLE.items():
        line = next((x for x in lines if f"**{name}**" in x), "")
        assert role in line, (name, line)
    for surname, words in QUOTES.items():
        line = next(x for x in lines if x.startswith("- **") and surname in x.split("**")[1])
        assert re.search(words, line), (surname, line)
    killed = next(x for x in lines if "**3 killed**" in x)
    wounded = next(x for x in lines if "**7 wounded**" in x)
    for line in (killed, wounded):
        assert "in Kherson" in line and "according to Oleksandr Prokudin" in line


def test_brief_json_and_html(seed_story) -> None:
    db, story = seed_story
    data = json.loads(run("brief", story, "--format", "json", "--db", db).stdout)
    assert data["story"] == story and len(data["lead"]) >= 1
    assert {s["name"] for s in data["speakers"]} >= set(PEOPLE)
    html = run("brief", story, "--format", "html", "--db", db).stdout
    assert html.startswith("<!doctype html>") and "Who said what" in html
    assert "Oleksandr Prokudin" in html
    # The map's outline travels with the file (no server needed to see it).
    assert 'href="#world"' in html and '<g id="world"' in html


def test_brief_names_a_file_source_by_its_file(seed_story) -> None:
    # The sample file names no publisher: the brief shows the file's source row by its name,
    # never a row number.
    db, story = seed_story
    data = json.loads(run("brief", story, "--format", "json", "--db", db).stdout)
    text = json.dumps(data)
    assert "source #" not in text
    assert SEED.name in text


def test_brief_unknown_story_is_one_error_line(db_url: str) -> None:
    result = run("brief", "nope", "--db", db_url)
    assert result.exit_code == 1 and "story nope: not in the store" in result.output
