"""Output formats shared by `europenews export` and the API."""

from __future__ import annotations

import csv
import io
import json

import pytest

from europenews.formats import (
    csv_cell,
    feature_collection,
    to_csv,
    to_jsonl,
    write_csv,
    write_geojson,
    write_jsonl,
)

ROWS = [
    {"name": "Mariupol", "lat": 47.1, "lon": 37.5, "tags": ["port", "siege"]},
    {"name": "Nowhere", "lat": None, "lon": None, "tags": []},
]


@pytest.mark.parametrize(("value", "cell"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1 555", "'+1 555"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("plain words", "plain words"),
    ("", ""),
    (-4, -4),
    (None, None),
    (["a", "b"], '["a", "b"]'),
], ids=["equals", "plus", "minus", "at", "tab", "carriage-return", "text", "empty", "number",
        "none", "list"])
def test_formats_csv_cell_neutralises_formulas(value, cell):
    assert csv_cell(value) == cell


def test_formats_csv_header_is_the_first_rows_keys():
    text = to_csv([{"a": "=1", "b": 2}, {"a": "x", "b": None}])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=1", "2"], ["x", ""]]


def test_formats_csv_without_rows_writes_the_given_header_or_nothing():
    assert to_csv([], columns=["id"]).splitlines() == ["id"]
    out = io.StringIO()
    assert write_csv(iter([]), out) == 0 and out.getvalue() == ""


def test_formats_jsonl_keeps_unicode_and_counts_rows():
    out = io.StringIO()
    assert write_jsonl(iter(ROWS), out) == 2
    assert out.getvalue() == to_jsonl(ROWS)
    assert "Zürich" in to_jsonl([{"city": "Zürich"}])
    assert [json.loads(line)["name"] for line in out.getvalue().splitlines()] == [
        "Mariupol", "Nowhere"]


def test_formats_geojson_keeps_only_rows_with_coordinates():
    out = io.StringIO()
    assert write_geojson(iter(ROWS), out) == 1
    written = json.loads(out.getvalue())
    assert written == feature_collection(ROWS)
    [feature] = written["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.5, 47.1]}
    assert feature["properties"] == {"name": "Mariupol", "tags": ["port", "siege"]}


def test_formats_geojson_properties_can_be_named():
    collection = feature_collection(ROWS, properties=["name", "kind"])
    assert collection["features"][0]["properties"] == {"name": "Mariupol", "kind": None}
