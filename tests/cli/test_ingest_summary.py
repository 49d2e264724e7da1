"""``ingest`` for cron: refused lines are reported but are not failures; exit 1 only for a
source that could not be read; stored titles without site furniture; a known total (issue #24)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from europenews.cli.ingest import refusal_kind, render_summary
from europenews.cli.main import cli
from europenews.errors import InputError
from europenews.ingest.sources import expand_sources, expected_items
from europenews.stages.summary import IngestSummary
from europenews.store.engine import open_store
from europenews.store.schema import articles, sources

LINES = [
    {"id": "n1", "title": "Council backs new bridge - Riverside 7 News|Riverside, CA|News, "
                          "Weather, Sports", "text": "The council voted for the new bridge."},
    {"id": "n2", "title": "Port reopens", "text": "The port reopened after the storm."},
    {"id": "n3", "title": "Nothing here", "text": "   "},
]


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_ingest_refused_lines_are_not_a_failure_on_any_run(db_url: str, tmp_path: Path):
    data = _jsonl(tmp_path / "desk.jsonl", LINES)
    first = run("ingest", str(data), "--db", db_url, "--no-analyse")
    assert first.exit_code == 0, first.output
    assert "new 2, duplicates 0, refused 1, failed 0" in first.stderr
    assert f"refused 1 item (empty text): {data}:3" in first.stderr
    again = run("ingest", str(data), "--db", db_url, "--no-analyse", "--summary-format", "json")
    assert again.exit_code == 0
    summary = json.loads(again.stdout)
    assert (summary["new"], summary["duplicates"], summary["refused"], summary["failed"]) == \
        (0, 2, 1, 0)
    assert summary["refusals"] == [{"source": str(data), "reason": f"{data}:3: empty text"}]


def test_ingest_unreadable_source_exits_1_beside_refusals(db_url: str, tmp_path: Path):
    data = _jsonl(tmp_path / "desk.jsonl", LINES)
    result = run("ingest", str(data), str(tmp_path / "gone.jsonl"), "--db", db_url,
                 "--no-analyse")
    assert result.exit_code == 1
    assert "refused 1, failed 1" in result.stderr
    assert "failed: " in result.stderr and "gone.jsonl: no such file" in result.stderr


def test_ingest_binary_file_is_a_failure(db_url: str, tmp_path: Path):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    result = run("ingest", str(tmp_path / "blob.txt"), "--db", db_url, "--no-analyse")
    assert result.exit_code == 1 and "binary file" in result.stderr


def test_ingest_stores_titles_without_site_furniture(db_url: str, tmp_path: Path):
    data = _jsonl(tmp_path / "desk.jsonl", LINES)
    assert run("ingest", str(data), "--db", db_url, "--no-analyse").exit_code == 0
    engine = open_store(db_url)
    with engine.connect() as conn:
        titles = set(conn.execute(select(articles.c.title)).scalars())
    engine.dispose()
    assert titles == {"Council backs new bridge", "Port reopens"}


def test_ingest_records_when_a_folder_was_read(db_url: str, tmp_path: Path):
    folder = tmp_path / "drop"
    folder.mkdir()
    _jsonl(folder / "desk.jsonl", LINES)
    assert run("ingest", str(folder), "--db", db_url, "--no-analyse").exit_code == 0
    engine = open_store(db_url)
    with engine.connect() as conn:
        row = conn.execute(select(sources).where(sources.c.url == str(folder.resolve()))).one()
    engine.dispose()
    assert row.kind == "file" and row.last_fetched_at and row.last_error is None


def test_ingest_expected_items_counts_local_files_only(tmp_path: Path):
    _jsonl(tmp_path / "a.jsonl", LINES[:2])
    with (tmp_path / "a.jsonl").open("a", encoding="utf-8") as f:
        f.write("\n  \n")  # blank lines are not items
    (tmp_path / "b.txt").write_text("A headline\n\nA body.", encoding="utf-8")
    assert expected_items(expand_sources([str(tmp_path)])) == 3
    assert expected_items(expand_sources([str(tmp_path), "https://example.org/feed"])) is None
    assert expected_items([InputError("gone: no such file")]) == 0


def test_ingest_summary_groups_refusals_by_kind():
    summary = IngestSummary()
    for n in range(1, 6):
        summary.refuse("d.jsonl", f"d.jsonl:{n}: empty text")
    summary.refuse("d.jsonl", "d.jsonl:9: malformed JSON (Expecting value)")
    text = render_summary(summary)
    assert "refused 5 items (empty text): d.jsonl:1, d.jsonl:2, d.jsonl:3 and 2 more" in text
    assert "refused 1 item (malformed JSON): d.jsonl:9" in text
    assert "not an error" in text


def test_ingest_refusal_kind_drops_location_and_detail():
    assert refusal_kind("x.jsonl:4: malformed JSON (Expecting value)") == "malformed JSON"
    assert refusal_kind("https://a.example/f: feed item without a link (Storm)") == \
        "feed item without a link"


def test_ingest_keeps_a_folders_configured_name(db_url: str, tmp_path: Path):
    folder = tmp_path / "drop"
    folder.mkdir()
    _jsonl(folder / "desk.jsonl", LINES)
    engine = open_store(db_url)
    with engine.begin() as conn:
        from europenews.store.sources import ensure_source

        ensure_source(conn, str(folder.resolve()), "file", "Newsroom drop box")
    assert run("ingest", str(folder), "--db", db_url, "--no-analyse").exit_code == 0
    with engine.connect() as conn:
        row = conn.execute(select(sources).where(sources.c.url == str(folder.resolve()))).one()
    engine.dispose()
    assert row.name == "Newsroom drop box"
