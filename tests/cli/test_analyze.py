from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from europenews.cli.main import cli

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "ukraine-nato-security-guarantees.txt"
TOP_LEVEL_KEYS = {"schema", "id", "title", "language", "text", "entities", "quotes", "events",
                  "places"}


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    """Reuse the session's pipeline instead of loading the model for every command."""
    monkeypatch.setattr("europenews.analyze.pipeline.build_pipeline", lambda settings=None: nlp)


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin)


@pytest.fixture()
def seed_json() -> dict:
    result = run("analyze", str(SEED))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_analyze_seed_has_every_contract_key(seed_json: dict) -> None:
    assert set(seed_json) >= TOP_LEVEL_KEYS
    assert seed_json["schema"] == "europenews.analysis/1"
    assert seed_json["text"] == SEED.read_text(encoding="utf-8")


def test_analyze_offsets_index_the_echoed_text(seed_json: dict) -> None:
    text = seed_json["text"]
    mentions = [m for e in seed_json["entities"] for m in e["mentions"]]
    mentions += [q["speaker"]["mention"] for q in seed_json["quotes"] if q["speaker"]["mention"]]
    mentions += [m for p in seed_json["places"] for m in p["mentions"]]
    assert mentions
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]
    for q in seed_json["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"] or q["spans"]
    for ev in seed_json["events"]:
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_analyze_jsonl_batch_keeps_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "one", "text": "Angela Merkel visited Paris on Monday."}) + "\n"
        + "{oops\n"
        + json.dumps({"id": "three", "text": "Emmanuel Macron spoke in Berlin."}) + "\n",
        encoding="utf-8",
    )
    result = run("analyze", str(path))
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["one", "three"]
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert errors == [f"error: {path}:2: malformed JSON (Expecting property name enclosed in "
                      "double quotes)"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("binary.txt", b"\x7fELF\x00\x00\x01", "binary file"),
        ("latin1.txt", "Café crème".encode("latin-1"), "not valid UTF-8"),
        ("empty.txt", b"", "empty text"),
    ],
)
def test_analyze_bad_input_is_one_error_line(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("analyze", str(path))
    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {path}") and message in lines[0]


def test_analyze_several_inputs_print_jsonl_in_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.json"
    a.write_text("Olaf Scholz met Giorgia Meloni in Rome.", encoding="utf-8")
    b.write_text(json.dumps({"id": "bee", "text": "Pedro Sánchez spoke in Madrid."}))
    result = run("analyze", str(a), str(b))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "bee"]


def test_analyze_stdin_and_text_format() -> None:
    result = run("analyze", "-", "--format", "text",
                 stdin="Chancellor Olaf Scholz met President Emmanuel Macron in Paris.")
    assert result.exit_code == 0, result.output
    assert "Entities:" in result.stdout and "Macron" in result.stdout


def test_analyze_html_file() -> None:
    result = run("analyze", str(REPO / "tests" / "data" / "short.html"))
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["title"] == "Mayor opens bridge in Lyon"
    assert "footbridge" in out["text"]


@pytest.mark.slow
def test_analyze_installed_script_runs(tmp_path: Path) -> None:
    exe = shutil.which("europenews", path=str(Path(sys.executable).parent))
    assert exe, "the europenews script is installed with the package"
    missing = subprocess.run([exe, "analyze", str(tmp_path / "nope.txt")],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file"
    assert "Traceback" not in missing.stderr
