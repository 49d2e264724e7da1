"""Output formats for rows of plain data: JSONL, formula-safe CSV and GeoJSON.

``europenews export`` writes them to a file and the API's ``format=`` downloads stream them
chunk by chunk (``STREAMS``). Both go through the functions here, so a row reads the same
whichever way it left.

- JSONL: one JSON object per line, UTF-8 as is (``ensure_ascii=False``).
- CSV: the header is the first row's keys (``columns`` heads an empty table); list and dict values
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


def iter_csv(rows: Iterable[dict[str, Any]],
             columns: Sequence[str] | None = None) -> Iterator[str]:
    """The rows as CSV text, one chunk per row (the header comes with the first).

    The header is the first row's keys; ``columns`` is the header of an empty table (without
    it, no rows give no text at all)."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if writer is None and columns is not None:
        csv.DictWriter(buffer, fieldnames=list(columns)).writeheader()
        yield buffer.getvalue()


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str],
              columns: Sequence[str] | None = None) -> int:
    """Write the rows as CSV (see :func:`iter_csv`); the number of rows written (the header
    not counted)."""
    counted = _Counted(rows)
    for chunk in iter_csv(counted, columns):
        out.write(chunk)
    return counted.n


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


def _collection(features: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": [\n'
    for n, feature in enumerate(features):
        yield (",\n" if n else "") + json.dumps(feature, ensure_ascii=False)
    yield "\n]}\n"


def iter_geojson(rows: Iterable[dict[str, Any]],
                 properties: Sequence[str] | None = None) -> Iterator[str]:
    """A FeatureCollection as text, feature by feature (no list of everything in memory)."""
    return _collection(geojson_features(rows, properties))


def write_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write a FeatureCollection feature by feature (see :func:`iter_geojson`); the number
    of features written."""
    counted = _Counted(geojson_features(rows))
    for chunk in _collection(counted):
        out.write(chunk)
    return counted.n


def iter_jsonl(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The rows as JSON lines, one chunk per row."""
    for row in rows:
        yield jsonl_line(row)


class _Counted:
    """The rows, counting those taken."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows, self.n = rows, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            self.n += 1
            yield row


# The streaming writers by format name (what ``europenews export --format`` offers).
WRITERS: dict[str, Callable[[Iterable[dict[str, Any]], IO[str]], int]] = {
    "jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson,
}
# The same formats as text chunks (the API's streamed downloads), with their media types.
STREAMS: dict[str, Callable[[Iterable[dict[str, Any]]], Iterator[str]]] = {
    "jsonl": iter_jsonl, "csv": iter_csv, "geojson": iter_geojson,
}
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
               "geojson": "application/geo+json"}
