"""Issue 23, items 5 and 7, through the installed script: slow feeds do not hold ``run``'s stop,
and SIGKILLs during clustering change no story."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from europenews.store.engine import open_store
from europenews.store.schema import articles, story_members
from tests.hostile.servers import SLOW_HEADERS, trickling
from tests.hostile.test_claims import _synthetic

SCRIPT = Path(sys.executable).with_name("europenews")


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("EUROPENEWS_")}


@pytest.mark.slow
def test_issue_23_four_slow_feeds_do_not_hold_the_stop(tmp_path: Path) -> None:
    with trickling(SLOW_HEADERS, interval=1.0) as server:
        feeds = "".join(f'[[feeds]]\nurl = "http://127.0.0.1:{server.port}/feed{n}.xml"\n'
                        for n in range(4))
        config = tmp_path / "europenews.toml"
        config.write_text(f"""
[database]
url = "sqlite:///{tmp_path / 'news.db'}"
[polling]
concurrency = 4
per_host = 4
[politeness]
delay = 0
timeout = "60s"
respect_robots = false
allow_hosts = ["127.0.0.1"]
{feeds}""", encoding="utf-8")
        proc = subprocess.Popen([str(SCRIPT), "run", "--config", str(config), "--no-serve"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=_env(), cwd=tmp_path)
        try:
            deadline = time.monotonic() + 120
            while server.open < 4 and time.monotonic() < deadline:  # every worker is stuck
                assert proc.poll() is None
                time.sleep(0.2)
            assert server.open == 4
            began = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=30) == 0
            stopped_in = time.monotonic() - began
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert stopped_in < 10  # 61 s before: the fetches ran to their own end


def _story_of(db: Path) -> dict[str, str]:
    engine = open_store(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return {r.external_id: r.story_id for r in conn.execute(
                select(articles.c.external_id, story_members.c.story_id)
                .join(story_members, story_members.c.article_id == articles.c.id))}
    finally:
        engine.dispose()


def _members(db: Path) -> int:
    """Assignments stored so far (read-only: the job may still be creating the schema)."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT count(*) FROM story_members").fetchone()[0])
    except sqlite3.OperationalError:  # no table yet, or locked for a moment
        return 0


def _cluster(batch: Path, db: Path) -> subprocess.Popen[str]:
    """``ingest`` of an already stored batch without the model: it only clusters."""
    return subprocess.Popen([str(SCRIPT), "ingest", str(batch), "--no-analyse", "--db",
                             f"sqlite:///{db}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=_env())


@pytest.mark.slow
def test_issue_23_sigkills_during_clustering_change_no_story(tmp_path: Path, nlp) -> None:
    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings

    batch = tmp_path / "batch.jsonl"
    rows = [{"id": a.id, "title": a.title, "text": a.text, "published": a.published,
             "source": a.source} for a in _synthetic(45)]
    batch.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    analysed = tmp_path / "analysed.db"  # stored and analysed once, not clustered
    engine = open_store(f"sqlite:///{analysed}")
    summary = ingest_sources([str(batch)], engine, nlp, IngestSettings(cluster=False))
    engine.dispose()
    assert summary.analysed == len(rows)
    once, killed = tmp_path / "once.db", tmp_path / "killed.db"
    shutil.copyfile(analysed, once)
    shutil.copyfile(analysed, killed)

    proc = _cluster(batch, once)
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    expected = _story_of(once)
    assert len(expected) == len(rows)

    kills = 0
    for _attempt in range(5):
        done = _members(killed)
        proc = _cluster(batch, killed)
        deadline = time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline:
            if _members(killed) >= done + 5:  # a few articles further than before: kill
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
                break
            time.sleep(0.01)
        proc.wait(timeout=300)
    proc = _cluster(batch, killed)  # the last run goes to the end
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    assert kills >= 3, "no kill landed during clustering"
    assert _story_of(killed) == expected  # 973 vs 978 stories before: now the same stories


def test_issue_23_serve_stops_promptly_on_sigterm(tmp_path: Path) -> None:
    import socket

    import httpx

    db = f"sqlite:///{tmp_path / 'serve.db'}"
    open_store(db).dispose()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(SCRIPT), "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=1).is_success:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        began = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        # uvicorn shuts down cleanly, then re-raises the signal it caught: exit by SIGTERM.
        assert proc.wait(timeout=20) in (0, -signal.SIGTERM)
        assert time.monotonic() - began < 5
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
