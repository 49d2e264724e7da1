"""``europenews search QUERY``: full-text search over stored articles."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--since", default=None, help="Published on or after (ISO date).")
@click.option("--until", default=None, help="Published before (ISO date).")
@click.option("--source", default=None, help="Only this source (publisher / host name).")
@click.option("--entity", default=None, help="Only articles mentioning this person/organisation "
              "(any spelling: Zelensky finds Zelenskyy).")
@click.option("--place", default=None, help="Only articles mentioning this place.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
              show_default=True, help="text: lines for people; json: one array; jsonl: a line "
              "per hit.")
@db_option
def search(query: tuple[str, ...], since: str | None, until: str | None, source: str | None,
           entity: str | None, place: str | None, limit: int, fmt: str, db: str) -> None:
    """Full-text search: words and "quoted phrases" must all match; OR widens."""
    from europenews.store.engine import open_store
    from europenews.store.search import SearchFilters, search_articles

    engine = open_store(db)
    try:
        with engine.connect() as conn:
            hits = search_articles(conn, " ".join(query), limit,
                                   SearchFilters(since, until, source, entity, place))
    finally:
        engine.dispose()
    if fmt == "json":
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for h in hits:
            click.echo(json.dumps(asdict(h), ensure_ascii=False))
    else:
        for h in hits:
            date = (h.published or "")[:10] or "----------"
            click.echo(f"{date}  {h.source or '-'}  {h.title or '(untitled)'}  [{h.id}]")
            if h.snippet:
                click.echo("    " + " ".join(h.snippet.split()))
        if not hits:
            click.echo("no matches", err=True)
