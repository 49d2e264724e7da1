"""``europenews search QUERY``: full-text search over stored articles."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option
from europenews.ingest.headlines import clean_headline
from europenews.wording import plural


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--since", default=None, help="Published on or after (ISO date).")
@click.option("--until", default=None, help="Published before (ISO date).")
@click.option("--source", default=None, help="Only this source (publisher / host name).")
@click.option("--entity", default=None, help="Only articles mentioning this person/organisation "
              "(any spelling: Zelensky finds Zelenskyy).")
@click.option("--place", default=None, help="Only articles mentioning this place.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance",
              show_default=True, help="relevance: best first; date: newest first.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
              show_default=True, help="text: lines for people; json: one array; jsonl: a line "
              "per hit.")
@db_option
def search(query: tuple[str, ...], since: str | None, until: str | None, source: str | None,
           entity: str | None, place: str | None, limit: int, sort: str, fmt: str,
           db: str) -> None:
    """Full-text search: words and "quoted phrases" must all match; OR widens; a name also
    finds its other known spellings (Zelensky finds Zelenskyy). How many articles match is
    printed on standard error."""
    from europenews.store.engine import open_store
    from europenews.store.search import SearchFilters, count_matches, search_articles
    from europenews.store.search_aliases import name_spellings

    text = " ".join(query)
    filters = SearchFilters(since, until, source, entity, place)
    engine = open_store(db)
    try:
        with engine.connect() as conn:
            hits = search_articles(conn, text, limit, filters, sort)
            total, exact = count_matches(conn, text, filters)
            spellings = name_spellings(conn, text) if text.strip() else {}
    finally:
        engine.dispose()
    click.echo(match_line(total, exact, len(hits), sort, spellings), err=True)
    if fmt == "json":
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for h in hits:
            click.echo(json.dumps(asdict(h), ensure_ascii=False))
    else:
        for h in hits:
            date = (h.published or "")[:10] or "undated   "
            title = clean_headline(h.title, h.source, h.url) or "(untitled)"
            click.echo(f"{date}  {h.source or '-'}  {title}  [{h.id}]")
            if h.snippet:
                click.echo("    " + " ".join(h.snippet.split()))


def match_line(total: int, exact: bool, shown: int, sort: str,
               spellings: Mapping[str, tuple[str, ...]]) -> str:
    """'12 articles match (showing 10, best first; also searched: Zelenskyy for Zelensky)'."""
    if total == 0:
        return "no matches"
    count = plural(total, "article") if exact else f"more than {plural(total, 'article')}"
    verb = "matches" if total == 1 and exact else "match"
    order = "newest first" if sort == "date" else "best first"
    also = "; ".join(f"{', '.join(others)} for {word}" for word, others in spellings.items())
    return (f"{count} {verb} (showing {shown}, {order}"
            + (f"; also searched: {also}" if also else "") + ")")
