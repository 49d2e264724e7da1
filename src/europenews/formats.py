"""Output formats for rows of plain data: JSONL, formula-safe CSV and GeoJSON.

``europenews export`` streams them to a file; the API's ``format=`` exports build them in
memory. Both go through the functions here, so a row reads the same whichever way it left.

- JSONL: one JSON object per line, UTF-8 as is (``ensure_ascii=False``).
- CSV: the header is the first row's keys (or the ``columns`` given); list and dict values
  are written as JSON text; a text cell that a spreadsheet would run as a formula (it starts
  with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``, which
  spreadsheets show as text. Every CSV that leaves EuropeNews (``export``, the API's
  ``format=csv``) is written here, so no cell escapes this rule.
- GeoJSON: one ``Point`` feature per row that has ``lat`` and ``lon`` (rows without are left
  out); the other keys (or the ``properties`` named) become the feature's properties.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

# What spreadsheets read as the start of a formula (Excel, LibreOffice, Google Sheets). A
# leading tab or carriage return is dropped by some of them on import, uncovering what follows.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def jsonl_line(row: dict[str, Any]) -> str:
    """One row as a JSON line (with its newline)."""
    return json.dumps(row, ensure_ascii=False) + "\n"


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write the rows as JSON lines; the number written."""
    n = 0
    for row in rows:
        out.write(jsonl_line(row))
        n += 1
    return n


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    """The rows as one JSONL text."""
    return "".join(jsonl_line(row) for row in rows)


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: nested values as JSON text, formulas neutralised."""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in FORMULA_START:
        return "'" + value
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str],
              columns: Sequence[str] | None = None) -> int:
    """Write the rows as CSV; the number of rows written (the header not counted).

    Without ``columns`` the header is the first row's keys and no rows write nothing at all;
    with ``columns`` the header is written even when there are no rows."""
    writer: csv.DictWriter[str] | None = None
    if columns is not None:
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        n += 1
    return n


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """The rows as one CSV text (see :func:`write_csv`)."""
    out = io.StringIO()
    write_csv(rows, out, columns)
    return out.getvalue()


def geojson_features(rows: Iterable[dict[str, Any]],
                     properties: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
    """Point features for the rows with coordinates. Properties: the keys named in
    ``properties`` (null when a row lacks one), else every key but ``lat`` and ``lon``."""
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            continue
        if properties is None:
            props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        else:
            props = {k: row.get(k) for k in properties}
        yield {"type": "Feature",
               "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
               "properties": props}


def feature_collection(rows: Iterable[dict[str, Any]],
                       properties: Sequence[str] | None = None) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the rows (see :func:`geojson_features`)."""
    return {"type": "FeatureCollection", "features": list(geojson_features(rows, properties))}


def write_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write a FeatureCollection feature by feature (no list of everything in memory); the
    number of features written."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in geojson_features(rows):
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


# The streaming writers by format name (what ``europenews export --format`` offers).
WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], IO[str]], int]] = {
    "jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson,
}
