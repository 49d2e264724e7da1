"""A hit is written in the same transaction as the story assignment that fired it: a process
killed with SIGKILL in the middle of an assignment leaves neither, and the run after it fires
nothing twice (real pipeline, real processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from europenews.store.alerts import list_hits, save_rule
from europenews.store.engine import open_store

pytestmark = pytest.mark.slow

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "alerts" / "articles.jsonl"
# Runs ingest with the alert watcher; with "kill", SIGKILLs itself inside the first write of
# assignments, after the watcher ran and before the transaction commits.
SCRIPT = """
import os, signal, sys
from europenews.alerts.watch import AlertWatcher
from europenews.analyze.backends import make_analyzer
from europenews.config import Settings
from europenews.stages.ingest import ingest_sources
from europenews.store.engine import open_store

db, source, mode = sys.argv[1:4]
watcher, calls = AlertWatcher(), []

def after(conn, story_id):
    watcher(conn, story_id)
    calls.append(story_id)
    if mode == "kill" and len(calls) == 1:
        os.kill(os.getpid(), signal.SIGKILL)

engine = open_store(db)
ingest_sources([source], engine, make_analyzer(Settings()), after_assign=after)
print(watcher.fired)
"""


def test_sigkill_inside_an_assignment_loses_both_and_fires_nothing_twice(
        tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'kill.db'}"
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()[:2]
    first, source = tmp_path / "first.jsonl", tmp_path / "shooting.jsonl"
    first.write_text(lines[0] + "\n", encoding="utf-8")
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    engine = open_store(db)
    with engine.begin() as conn:
        save_rule(conn, "Dayton", json.dumps({"name": "Dayton", "entity": "Marcus Hale"}), "api")
    # The first article fires the rule; the second one's assignment is then killed mid-write.
    fired = subprocess.run([sys.executable, "-c", SCRIPT, db, str(first), "run"],
                           capture_output=True, text=True, timeout=600)
    assert fired.returncode == 0 and fired.stdout.strip().splitlines()[-1] == "1", fired.stderr
    killed = subprocess.run([sys.executable, "-c", SCRIPT, db, str(source), "kill"],
                            capture_output=True, timeout=600)
    assert killed.returncode == -9, killed.stderr.decode()[-2000:]
    with engine.connect() as conn:
        hit, = list_hits(conn, "Dayton")
    assert hit.article_count == 1  # the second assignment and its hit update are both gone
    again = subprocess.run([sys.executable, "-c", SCRIPT, db, str(source), "run"],
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    assert again.stdout.strip().splitlines()[-1] == "0"  # nothing fired again
    with engine.connect() as conn:
        after, = list_hits(conn, "Dayton")
    engine.dispose()
    assert (after.id, after.fired_at) == (hit.id, hit.fired_at) and after.article_count == 2
