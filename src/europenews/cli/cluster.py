"""``europenews cluster``: online story clustering of a JSONL stream, without a database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from europenews.cli.main import cli
from europenews.errors import InputError


@cli.command()
@click.argument("input_path", metavar="INPUT.jsonl")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl"]),
    default="jsonl",
    show_default=True,
    help='One {"id", "story"} object per article, printed as soon as it is assigned.',
)
@click.option("--details", is_flag=True, help="Also print duplicate_of and is_new_story.")
def cluster(input_path: str, fmt: str, details: bool) -> None:
    """Assign each article of INPUT.jsonl(.gz) to a story, in order, using only earlier ones."""
    from europenews.ingest.jsonl import read_jsonl
    from europenews.stories.cluster import OnlineClusterer
    from europenews.stories.items import story_item_from_dict
    from europenews.stories.minilm import default_embedder

    path = Path(input_path)
    if not path.exists() or path.is_dir():
        raise InputError(f"{input_path}: no such file")
    # Headline vectors when the model's wheel is installed, one article at a time: the output
    # streams (an answer per line before the input ends), so nothing is read ahead to batch.
    clusterer = OnlineClusterer(embedder=default_embedder())
    for number, record in enumerate(read_jsonl(path), 1):
        if "text" not in record and "title" not in record:
            raise InputError(f"{input_path}:{number}: article has neither text nor title")
        item = story_item_from_dict(record, default_id=str(number))
        assignment = clusterer.assign(item)
        out: dict[str, object] = {"id": item.id, "story": assignment.story_id}
        if details:
            out["duplicate_of"] = assignment.duplicate_of
            out["is_new_story"] = assignment.is_new_story
        click.echo(json.dumps(out, ensure_ascii=False))
        sys.stdout.flush()  # each assignment is out as soon as it is made
