"""``europenews cluster``: online story clustering of a JSONL stream, without a database."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from europenews.cli.main import cli
from europenews.errors import InputError

if TYPE_CHECKING:
    from europenews.stories.cluster import OnlineClusterer
    from europenews.stories.items import StoryItem

READ_AHEAD = 64  # articles read ahead of the output, for batched headline vectors


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
    from europenews.stories.cluster import OnlineClusterer
    from europenews.stories.minilm import default_embedder

    path = Path(input_path)
    if not path.exists() or path.is_dir():
        raise InputError(f"{input_path}: no such file")
    clusterer = OnlineClusterer(embedder=default_embedder())
    for _, item in _items(path, input_path, clusterer):
        assignment = clusterer.assign(item)
        out: dict[str, object] = {"id": item.id, "story": assignment.story_id}
        if details:
            out["duplicate_of"] = assignment.duplicate_of
            out["is_new_story"] = assignment.is_new_story
        click.echo(json.dumps(out, ensure_ascii=False))
        sys.stdout.flush()  # each assignment is out as soon as it is made


def _items(path: Path, name: str, clusterer: OnlineClusterer) -> Iterator[tuple[int, StoryItem]]:
    """The file's items, read a few ahead so the headline model encodes them in one batch
    (each vector depends on its own headline only: no later article is used)."""
    from europenews.ingest.jsonl import read_jsonl
    from europenews.stories.items import story_item_from_dict

    chunk: list[tuple[int, StoryItem]] = []
    for number, record in enumerate(read_jsonl(path), 1):
        if "text" not in record and "title" not in record:
            clusterer.prefetch(item for _, item in chunk)
            yield from chunk  # the articles before the faulty line are printed, as always
            raise InputError(f"{name}:{number}: article has neither text nor title")
        chunk.append((number, story_item_from_dict(record, default_id=str(number))))
        if len(chunk) == READ_AHEAD:
            clusterer.prefetch(item for _, item in chunk)
            yield from chunk
            chunk = []
    clusterer.prefetch(item for _, item in chunk)
    yield from chunk
