"""Issue 19: ingest with analysis in worker processes stores what the one-process path stores
(the same analyses, entities and stories), and a SIGKILL at any moment of a parallel ingest
loses no committed article, duplicates nothing and leaves no worker behind; the next run
completes the rest into the stories of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy import select
from sqlalchemy.engine import Engine

from europenews.analyze.processes import ProcessBackend
from europenews.config import Settings
from europenews.stages.ingest import ingest_sources
from europenews.store.engine import open_store
from europenews.store.schema import analyses, articles, entities, story_members
from tests.hostile.test_claims import _synthetic

SCRIPT = Path(sys.executable).with_name("europenews")


def _batch(path: Path, count: int) -> Path:
    rows = [{"id": a.id, "title": a.title, "text": a.text, "published": a.published,
             "source": a.source} for a in _synthetic(count)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _stored(engine: Engine) -> tuple[dict[str, str], set[frozenset[str]], list[tuple]]:
    """Analyses by article, the stories as sets of articles, the entities with their counts."""
    with engine.connect() as conn:
        payloads = {r.external_id: r.payload for r in conn.execute(
            select(articles.c.external_id, analyses.c.payload)
            .join(analyses, analyses.c.article_id == articles.c.id))}
        stories: dict[str, set[str]] = {}
        for r in conn.execute(select(articles.c.external_id, story_members.c.story_id)
                              .join(story_members, story_members.c.article_id == articles.c.id)):
            stories.setdefault(r.story_id, set()).add(r.external_id)
        linked = sorted(tuple(r) for r in conn.execute(
            select(entities.c.name, entities.c.type, entities.c.article_count)))
    return payloads, {frozenset(s) for s in stories.values()}, linked


@pytest.mark.slow
def test_parallel_ingest_stores_what_one_process_stores(tmp_path: Path, nlp: Language) -> None:
    batch = _batch(tmp_path / "batch.jsonl", 40)
    one = open_store(f"sqlite:///{tmp_path / 'one.db'}")
    many = open_store(f"sqlite:///{tmp_path / 'many.db'}")
    backend = ProcessBackend(Settings(), workers=2, chunk=3)
    try:
        alone = ingest_sources([str(batch)], one, nlp)
        together = ingest_sources([str(batch)], many, backend)
        expected, got = _stored(one), _stored(many)
    finally:
        backend.close()
        one.dispose()
        many.dispose()
    assert (together.analysed, together.clustered) == (alone.analysed, alone.clustered) == (40, 40)
    assert got[0] == expected[0]  # every analysis, byte for byte
    assert got[1] == expected[1] and len(expected[1]) > 1  # the same stories
    assert got[2] == expected[2] and expected[2]  # the same entities, counted alike


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # no table yet, or locked for a moment
        return 0


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (the workers are the fork server's children)."""
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            out |= {child} | _descendants(child)
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def _ingest(batch: Path, db: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EUROPENEWS_")}
    return subprocess.Popen([str(SCRIPT), "ingest", str(batch), "--workers", "2", "--db",
                             f"sqlite:///{db}"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)


@pytest.mark.slow
def test_sigkill_during_parallel_ingest_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    count = 60
    batch = _batch(tmp_path / "batch.jsonl", count)
    once, killed = tmp_path / "once.db", tmp_path / "killed.db"
    proc = _ingest(batch, once)
    assert proc.wait(timeout=600) == 0, proc.stderr.read() if proc.stderr else ""
    kills, orphans = 0, []
    for _attempt in range(4):
        done = _count(killed, "analyses")
        proc = _ingest(batch, killed)
        deadline = time.monotonic() + 600
        while proc.poll() is None and time.monotonic() < deadline:
            if _count(killed, "analyses") >= done + 8:  # some batches further: kill
                workers = _descendants(proc.pid)
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
                orphans.extend(workers)
                break
            time.sleep(0.02)
        proc.wait(timeout=600)
    proc = _ingest(batch, killed)  # the last run goes to the end
    assert proc.wait(timeout=600) == 0, proc.stderr.read() if proc.stderr else ""
    assert kills >= 2, "no kill landed during analysis"
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in orphans) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(orphans) >= 2 and not any(_alive(p) for p in orphans)  # all ended with it
    assert _count(killed, "articles") == _count(killed, "analyses") == count
    assert _count(killed, "story_members") == count  # each article in one story, once
    engine_once, engine_killed = open_store(f"sqlite:///{once}"), open_store(f"sqlite:///{killed}")
    try:
        assert _stored(engine_killed) == _stored(engine_once)
    finally:
        engine_once.dispose()
        engine_killed.dispose()
