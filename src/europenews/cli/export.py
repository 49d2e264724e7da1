"""``europenews export``: stored articles, quotes, events or places as JSONL, CSV or GeoJSON.

The rows come from ``store/exports.py``, the formats from ``europenews.formats`` (the same as
the API's exports: CSV cells that a spreadsheet would run as formulas are neutralised).
"""

from __future__ import annotations

import sys

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option
from europenews.errors import InputError
from europenews.formats import WRITERS

GEO_KINDS = ("events", "places")


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
    from europenews.store.engine import map_db_errors, open_store
    from europenews.store.exports import EXPORTERS

    what = what or ("events" if fmt == "geojson" else "articles")
    if fmt == "geojson" and what not in GEO_KINDS:
        raise InputError(f"--format geojson: needs --what events or places (not {what})")
    engine = open_store(db)
    try:
        with map_db_errors(), engine.connect() as conn:
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
