from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from europenews.cli.main import cli

TEXT = ("Shelling in Kherson\n\nRussian shelling killed two people in Kherson on Wednesday, "
        "regional governor Oleksandr Prokudin said. \"We will rebuild,\" Prokudin said.")


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    monkeypatch.setattr("europenews.analyze.pipeline.build_pipeline", lambda settings=None: nlp)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def filled(db_url: str, tmp_path: Path) -> str:
    path = tmp_path / "kherson.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run("ingest", str(path), "--db", db_url)
    assert result.exit_code == 0, result.output
    return db_url


def test_export_articles_jsonl_carries_analysis(filled: str) -> None:
    result = run("export", "--format", "jsonl", "--db", filled)
    [row] = [json.loads(x) for x in result.stdout.splitlines()]
    assert row["text"] == TEXT and row["title"] == "Shelling in Kherson"
    assert {"entities", "quotes", "events", "places"} <= set(row)


def test_export_places_geojson_has_coordinates(filled: str) -> None:
    result = run("export", "--format", "geojson", "--what", "places", "--db", filled)
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in collection["features"]}
    assert "Kherson" in names
    lon, lat = next(f["geometry"]["coordinates"] for f in collection["features"]
                    if f["properties"]["name"] == "Kherson")
    assert 46 < lat < 47.5 and 32 < lon < 33.5


def test_export_quotes_csv(filled: str) -> None:
    result = run("export", "--format", "csv", "--what", "quotes", "--db", filled)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert any(r["text"].startswith("We will rebuild") for r in rows)


def test_export_geojson_of_articles_is_refused(filled: str) -> None:
    result = run("export", "--format", "geojson", "--what", "articles", "--db", filled)
    assert result.exit_code == 1 and "needs --what events or places" in result.stderr


def test_export_csv_neutralises_formulas(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "formula.json"
    path.write_text(json.dumps({"title": "=HYPERLINK(\"http://example.invalid\")",
                                "text": "@SUM(A1) was written at the start of this text.",
                                "source": "+Herald"}), encoding="utf-8")
    assert run("ingest", str(path), "--db", db_url).exit_code == 0
    result = run("export", "--format", "csv", "--db", db_url)
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["title"] == "'=HYPERLINK(\"http://example.invalid\")"
    assert row["text"].startswith("'@SUM(A1)") and row["source"] == "'+Herald"
    # Nested analysis fields are JSON text, which starts with no formula character.
    assert json.loads(row["entities"]) is not None


def test_export_database_error_is_one_line(db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("drops a table from the SQLite file")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE analyses"))
    engine.dispose()
    result = run("export", "--format", "jsonl", "--db", db_url)
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: store: OperationalError: no such table: analyses"


def test_export_stories_carry_articles_and_casualties_as_the_page_shows(filled: str) -> None:
    result = run("export", "--format", "jsonl", "--what", "stories", "--db", filled)
    assert result.exit_code == 0, result.output
    [story] = [json.loads(x) for x in result.stdout.splitlines()]
    assert {"id", "headline", "first_seen", "last_seen", "seen", "articles",
            "casualties"} <= set(story)
    [article] = story["articles"]
    assert {"id", "url", "title", "published", "source"} <= set(article)
    assert story["seen_from"] == "fetched" and story["first_seen"] is None
    killed = [c for c in story["casualties"] if c["kind"] == "killed"]
    # The article's "two" comes first when it is confident enough to show, else after the
    # story's "no confident death figure" 0 (the figure model decides; the title here names no
    # death, which the model of session 7 reads as weaker evidence).
    two = next(c for c in killed if c["value"] == 2)
    assert killed[0] is two if two["shown"] else (
        killed[0]["value"] == 0 and killed[0]["inferred_zero"] and killed[1] is two)
    for figure in story["casualties"]:
        assert {"kind", "value", "outlets", "given_by", "confidence", "shown"} <= set(figure)
    # The same list as the API's story (what the story page shows).
    from europenews.store.engine import open_store
    from europenews.store.views import story_detail

    engine = open_store(filled)
    with engine.connect() as conn:
        detail = story_detail(conn, story["id"])
    engine.dispose()
    assert detail is not None and detail["casualties"] == story["casualties"]


def test_export_mentions_give_offsets_and_store_wide_entity_ids(filled: str) -> None:
    result = run("export", "--format", "jsonl", "--what", "mentions", "--db", filled)
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert rows and {"article", "url", "start", "end", "text", "type", "entity"} <= set(rows[0])
    assert all(TEXT[r["start"]:r["end"]] == r["text"] for r in rows)
    prokudin = {r["entity"] for r in rows if "Prokudin" in r["text"]}
    assert len(prokudin) == 1  # "Oleksandr Prokudin" and "Prokudin": one store-wide entity
    page = run("export", "--format", "jsonl", "--what", "articles", "--db", filled)
    [article] = [json.loads(x) for x in page.stdout.splitlines()]
    assert {r["article"] for r in rows} == {article["id"]}


def test_export_events_say_which_is_main_with_iso_dates(filled: str) -> None:
    result = run("export", "--format", "jsonl", "--what", "events", "--db", filled)
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert rows and rows[0]["main"] is True and rows[0]["country"] == "UA"
    assert all(r["date"] is None or len(r["date"]) == 10 for r in rows)
