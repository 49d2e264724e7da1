from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from europenews.cli.main import cli
from europenews.store.engine import open_store
from europenews.store.schema import articles

TEXTS = {
    "kyiv.txt": "Zelenskyy visits Brussels\n\nUkrainian President Volodymyr Zelenskyy met "
                "NATO leaders in Brussels on Tuesday. Zelenskyy said Ukraine needs more air "
                "defence.",
    "kherson.txt": "Shelling in Kherson\n\nRussian shelling killed two people in Kherson on "
                   "Wednesday, regional governor Oleksandr Prokudin said. President Volodymyr "
                   "Zelensky condemned the attack.",
}


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    """Reuse the session's pipeline instead of loading the model for every command."""
    monkeypatch.setattr("europenews.analyze.pipeline.build_pipeline", lambda settings=None: nlp)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_ingest_stores_analyses_and_is_idempotent(db_url: str, folder: Path) -> None:
    first = run("ingest", str(folder), "--db", db_url, "--summary-format", "json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["new"], summary["analysed"], summary["failed"]) == (2, 2, 0)
    second = run("ingest", str(folder), "--db", db_url, "--summary-format", "json")
    assert json.loads(second.stdout)["duplicates"] == 2
    # Both spellings of the president are one canonical entity across the two articles.
    found = run("search", "--entity", "Zelenskiy", "--db", db_url, "--format", "json")
    assert len(json.loads(found.stdout)) == 2


def test_ingest_reports_failures_in_summary(db_url: str, folder: Path) -> None:
    result = run("ingest", str(folder), str(folder / "missing.txt"), "--db", db_url,
                 "--no-analyse")
    assert result.exit_code == 1
    assert "failed 1" in result.stderr and "missing.txt: no such file" in result.stderr
    assert "Traceback" not in result.output


def test_ingest_bad_database_url_is_one_line_error(folder: Path) -> None:
    result = run("ingest", str(folder), "--db", "mysql://nowhere/x", "--no-analyse")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1


@pytest.mark.slow
def test_ingest_killed_mid_run_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(200):
        (folder / f"{i:04d}.txt").write_text(f"Report {i}\n\nCouncil item {i} was approved.",
                                             encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kill.db'}"
    open_store(db).dispose()
    script = Path(sys.executable).parent / "europenews"  # the installed command
    cmd = [str(script), "ingest", str(folder), "--db", db, "--no-analyse"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    engine = open_store(db)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        with engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        if stored >= 20:
            break
        time.sleep(0.05)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    resumed = subprocess.run([*cmd, "--summary-format", "json"], capture_output=True, text=True,
                             timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["new"] + summary["duplicates"] == 200
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 200
    engine.dispose()
