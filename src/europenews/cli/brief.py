"""``europenews brief STORY_ID``: a story's brief as Markdown, JSON or HTML."""

from __future__ import annotations

import json

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option
from europenews.errors import InputError


@cli.command()
@click.argument("story_id")
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default="md",
              show_default=True, help="md: reads like a news brief; json: the API's body; "
                                      "html: a page on its own.")
@db_option
def brief(story_id: str, fmt: str, db: str) -> None:
    """Print a story's brief: headline, lead, who said what, figures with their evidence,
    where and when, sources; every part from the story's own articles."""
    from europenews.store.engine import map_db_errors, open_store
    from europenews.store.views_brief import story_brief

    engine = open_store(db)
    try:
        with map_db_errors(), engine.connect() as conn:
            found = story_brief(conn, story_id)
    finally:
        engine.dispose()
    if found is None:
        raise InputError(f"story {story_id}: not in the store (see `europenews export --what "
                         "stories` or the site's story pages for ids)")
    if fmt == "json":
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "html":
        from europenews.web.briefpage import standalone_html

        click.echo(standalone_html(found))
    else:
        from europenews.stories.brief_markdown import brief_markdown

        click.echo(brief_markdown(found), nl=False)
