# ruff: noqa: E501  (long sample texts read better unwrapped)
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from europenews.cli.main import cli

ARTICLES = [
    {
        "id": "a1",
        "title": "Harbour crane collapses in Port Elland",
        "text": "A crane collapsed at the Port Elland "
        "container terminal on Monday, injuring two dock workers, the harbour authority said.",
        "published": "2024-03-04",
        "source": "one.example",
    },
    {
        "id": "a2",
        "title": "Port Elland crane collapse injures two dock workers",
        "text": "Two dock workers were "
        "injured when a crane collapsed at the Port Elland container terminal, the harbour authority said.",
        "published": "2024-03-04",
        "source": "two.example",
    },
    {
        "id": "a3",
        "title": "Orchestra names new conductor",
        "text": "The Vellmar Symphony Orchestra named Ines "
        "Okonkwo as its principal conductor from next season.",
        "published": "2024-03-05",
        "source": "one.example",
    },
]


def _write(path: Path, rows: list[dict]) -> Path:
    lines = "".join(json.dumps(r) + "\n" for r in rows)
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(lines.encode()))
    else:
        path.write_text(lines, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.jsonl.gz"], ids=["plain", "gzip"])
def test_cluster_prints_one_story_per_article_in_order(tmp_path, name):
    result = CliRunner().invoke(cli, ["cluster", str(_write(tmp_path / name, ARTICLES))])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in rows] == ["a1", "a2", "a3"]
    assert rows[0]["story"] == rows[1]["story"] != rows[2]["story"]
    assert set(rows[0]) == {"id", "story"}


def test_cluster_details_flag_adds_duplicate_fields(tmp_path):
    result = CliRunner().invoke(
        cli, ["cluster", str(_write(tmp_path / "a.jsonl", ARTICLES[:1])), "--details"]
    )
    row = json.loads(result.output)
    assert row["is_new_story"] is True and row["duplicate_of"] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "x", "text": "fine"}\n{broken\n', ":2: malformed JSON"),
        ("[1, 2]\n", ":1: not a JSON object"),
    ],
    ids=["malformed", "not-object"],
)
def test_cluster_bad_input_is_one_error_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["cluster", str(path)])
    assert result.exit_code != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and message in errors[0]


def test_cluster_missing_file_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["cluster", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.jsonl'}: no such file"


@pytest.mark.timeout(60)
def test_cluster_streams_output_before_input_ends(tmp_path):
    # Read from a FIFO: the first assignment must appear while the writer still holds the pipe open.
    fifo = tmp_path / "in.jsonl"
    import os

    os.mkfifo(fifo)
    script = Path(sys.executable).parent / "europenews"
    proc = subprocess.Popen([str(script), "cluster", str(fifo)], stdout=subprocess.PIPE, text=True)
    with fifo.open("w", encoding="utf-8") as writer:
        writer.write(json.dumps(ARTICLES[0]) + "\n")
        writer.flush()
        first = json.loads(proc.stdout.readline())
        assert first["id"] == "a1"
        writer.write(json.dumps(ARTICLES[2]) + "\n")
    rest = proc.stdout.read()
    proc.wait(timeout=30)
    assert proc.returncode == 0 and json.loads(rest)["id"] == "a3"
