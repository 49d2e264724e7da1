"""``europenews export``: stored articles, quotes, events, places, stories or entity mentions
as JSONL, CSV or GeoJSON.

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
# store.exports.EXPORT_KINDS, spelled out so that `--help` does not load the store.
WHAT = ("articles", "quotes", "events", "places", "stories", "mentions")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(list(WRITERS)), required=True,
              help="jsonl: one object per line; csv: a table; geojson: points with coordinates.")
@click.option("--what", type=click.Choice(list(WHAT)),
              default=None, help="What to export (default: articles; events for geojson).")
@click.option("--since", default=None, help="Published on or after (ISO date).")
@click.option("--until", default=None, help="Published before (ISO date).")
@click.option("--source", default=None, help="Only this source (publisher / host name).")
@click.option("--output", "-o", default="-", help="File to write (default: standard output).")
@db_option
def export(fmt: str, what: str | None, since: str | None, until: str | None,
           source: str | None, output: str, db: str) -> None:
    """Write stored articles, quotes, events (with coordinates), places, stories or entity
    mentions for other tools.

    \b
    One object (JSONL line, CSV row) per item:
    - quotes: article, title, url, source, published, text, start, end, kind,
      speaker, speaker_entity, speaker_mention, cue, shown (false: a less certain
      attribution the pages do not show), confidence.
    - events: article, url, title, source, published, main (false for an article's
      other events), type, killed, injured, missing, kidnapped, arrested, weapon,
      actor, date (YYYY-MM-DD or null), place, country, lat, lon, figures_source, text.
    - stories: id, headline, first_seen, last_seen (publication dates), seen and
      seen_from (the latest date known: published | text | fetched), article_count,
      source_count, articles [{id, url, title, published, source, duplicate_of}],
      casualties [{kind, value, outlets, articles, given_by, confidence, shown,
      primary, latest, inferred_zero, none_reported, evidence [{article, outlet,
      start, end, in_title}]}] exactly as the story page shows them: per kind
      (killed first) the story's figure, the other shown values, then those not
      confident enough to show (in_title: the figure was read from the title, the
      text reporting none; start = end = 0). --since/--until bound seen.
    - mentions: article, url, start, end, text, type, entity (the store-wide entity
      id, as in /entities/ID), name (its canonical name).
    """
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
