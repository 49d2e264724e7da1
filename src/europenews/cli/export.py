"""``europenews export``: stored articles, quotes, events or places as JSONL, CSV or GeoJSON."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option
from europenews.errors import InputError

GEO_KINDS = ("events", "places")


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """CSV with the keys of the first row as header; nested values as JSON text."""
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def geojson_features(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Point features for rows with coordinates (rows without are left out)."""
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            continue
        props = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        yield {"type": "Feature",
               "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
               "properties": props}


def write_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection, written feature by feature (no list of everything in memory)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in geojson_features(rows):
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}


@cli.command()
@click.option("--format", "fmt", type=click.Choice(list(WRITERS)), required=True,
              help="jsonl: one object per line; csv: a table; geojson: points with coordinates.")
@click.option("--what", type=click.Choice(["articles", "quotes", "events", "places"]),
              default=None, help="What to export (default: articles; events for geojson).")
@click.option("--since", default=None, help="Published on or after (ISO date).")
@click.option("--until", default=None, help="Published before (ISO date).")
@click.option("--source", default=None, help="Only this source (publisher / host name).")
@click.option("--output", "-o", default="-", help="File to write (default: standard output).")
@db_option
def export(fmt: str, what: str | None, since: str | None, until: str | None,
           source: str | None, output: str, db: str) -> None:
    """Write stored articles, quotes, events (with coordinates) or places for other tools."""
    from europenews.store.engine import open_store
    from europenews.store.exports import EXPORTERS

    what = what or ("events" if fmt == "geojson" else "articles")
    if fmt == "geojson" and what not in GEO_KINDS:
        raise InputError(f"--format geojson: needs --what events or places (not {what})")
    engine = open_store(db)
    try:
        with engine.connect() as conn:
            rows = EXPORTERS[what](conn, since=since, until=until, source=source)
            if output == "-":
                count = WRITERS[fmt](rows, sys.stdout)
            else:
                try:
                    with open(output, "w", encoding="utf-8", newline="") as handle:
                        count = WRITERS[fmt](rows, handle)
                except OSError as exc:
                    raise InputError(f"{output}: cannot write ({exc.strerror})") from exc
    finally:
        engine.dispose()
    click.echo(f"exported {count} {what}", err=True)
