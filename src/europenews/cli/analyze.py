"""``europenews analyze``: analyse articles without storing them."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import click

from europenews.cli.main import cli
from europenews.cli.options import model_option
from europenews.cli.render import render_text
from europenews.config import settings_from_env
from europenews.contract import analysis_to_dict
from europenews.errors import EuropeNewsError, InputError
from europenews.ingest.bounds import bound_article
from europenews.ingest.files import is_url, read_file, read_stdin
from europenews.model import Article


def read_inputs(inputs: tuple[str, ...]) -> Iterator[Article | EuropeNewsError]:
    """Articles from files, URLs and stdin in input order, cleaned and bounded as the store
    keeps them (``ingest.bounds``); problems are yielded, not raised."""
    for item in inputs:
        try:
            for article in _read_one(item):
                yield article if isinstance(article, EuropeNewsError) else _bounded(article)
        except EuropeNewsError as exc:
            yield exc


def _bounded(article: Article) -> Article | EuropeNewsError:
    try:
        return bound_article(article)
    except EuropeNewsError as exc:  # nothing left of its text: this article only
        return exc


def _read_one(item: str) -> Iterator[Article | EuropeNewsError]:
    if item == "-":
        yield from read_stdin()
    elif is_url(item):
        from europenews.ingest.page import read_url

        yield read_url(item)
    else:
        yield from read_file(Path(item))


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    default=None,
    help="json: one object (one input); jsonl: one object per line; text: for people.",
)
@model_option
def analyze(inputs: tuple[str, ...], fmt: str | None, model: str | None) -> None:
    """Analyse articles (files, URLs or - for stdin) without storing them."""
    failures = 0

    def articles() -> Iterator[Article]:
        nonlocal failures
        for item in read_inputs(inputs):
            if isinstance(item, EuropeNewsError):
                failures += 1
                click.echo(f"error: {item}", err=True)
            else:
                yield item

    stream = articles()
    first = next(stream, None)
    if first is None:
        raise SystemExit(1)
    from europenews.analyze.pipeline import analyze_articles, build_pipeline

    nlp = build_pipeline(settings_from_env(model=model))
    single = len(inputs) == 1 and not inputs[0].lower().endswith((".jsonl", ".ndjson"))
    fmt = fmt or ("json" if single else "jsonl")
    count = 0
    for analysis in analyze_articles(nlp, itertools.chain([first], stream)):
        count += 1
        if fmt == "text":
            click.echo(render_text(analysis))
        elif fmt == "json" and single:
            click.echo(json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=2))
        else:
            click.echo(json.dumps(analysis_to_dict(analysis), ensure_ascii=False))
    if failures:
        raise SystemExit(1)
    if count == 0:
        raise InputError("no articles in the input")
