"""``europenews eval``: score the project on the evaluation sets and print JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from europenews.cli.main import cli
from europenews.cli.options import model_option
from europenews.config import settings_from_env
from europenews.errors import InputError


def _emit(result: dict[str, Any]) -> None:
    click.echo(json.dumps(result, indent=2))


def _existing(path: str) -> Path:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or folder")
    return p


@cli.group(name="eval")
def eval_group() -> None:
    """Score EuropeNews on an evaluation data set (formats in ../shared/data/*/README.md)."""


@eval_group.command(name="ner")
@click.argument("data")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@model_option
def eval_ner(data: str, limit: int | None, model: str | None) -> None:
    """Entity P/R/F1 on a CoNLL-2003 file."""
    from europenews.evaluate.ner import evaluate_ner

    _emit(evaluate_ner(_existing(data), settings_from_env(model=model), limit=limit))


@eval_group.command(name="quotes")
@click.argument("data")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@model_option
def eval_quotes(data: str, limit: int | None, model: str | None) -> None:
    """Quote, quote+speaker, +cue P/R/F1 on a PolNeAR-format folder.

    Every quote is scored, shown or not; the member "shown" gives the same figures for the
    shown quotes only."""
    from europenews.evaluate.quotes import evaluate_quotes

    _emit(evaluate_quotes(_existing(data), settings_from_env(model=model), limit=limit))


@eval_group.command(name="geo")
@click.argument("data")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@model_option
def eval_geo(data: str, limit: int | None, model: str | None) -> None:
    """Toponym P/R and A@161 on a TR-News XML file."""
    from europenews.evaluate.geo import evaluate_geo

    _emit(evaluate_geo(_existing(data), settings_from_env(model=model), limit=limit))


@eval_group.command(name="events")
@click.argument("data")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@model_option
def eval_events(data: str, limit: int | None, model: str | None) -> None:
    """Killed/injured exact and ±1 accuracy on the casualty data."""
    from europenews.evaluate.events import evaluate_events

    _emit(evaluate_events(_existing(data), settings_from_env(model=model), limit=limit))


@eval_group.command(name="stories")
@click.argument("data")
@click.option("--limit", type=int, default=None, help="Use only the first N articles of each set.")
@click.option(
    "--seed",
    "seeds",
    type=int,
    multiple=True,
    help="Shuffle seed (default 13); repeat it to run the shuffled sets once per seed and "
    "report the mean F1s.",
)
def eval_stories(data: str, limit: int | None, seeds: tuple[int, ...]) -> None:
    """Pairwise and BCubed P/R/F1 on the clustering sets."""
    from europenews.evaluate.stories import SEED, evaluate_stories

    _emit(evaluate_stories(_existing(data), limit=limit, seeds=seeds or (SEED,)))


@eval_group.command(name="entities")
@click.argument("data")
@click.option("--gold-mentions", is_flag=True,
              help="Hand the gold mention spans to the pipeline: score only the linking.")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--topics", default=None,
              help="Comma-separated topics to score (the others are skipped).")
@model_option
def eval_entities(data: str, gold_mentions: bool, limit: int | None, topics: str | None,
                  model: str | None) -> None:
    """BCubed P/R/F1 of store-wide entity linking on an entity-documents JSONL file."""
    from europenews.evaluate.entities import evaluate_entities

    chosen = frozenset(t.strip() for t in topics.split(",")) if topics else None
    result = evaluate_entities(_existing(data), settings_from_env(model=model),
                               gold_mentions=gold_mentions, limit=limit, topics=chosen)
    # The contract's line comes last: the scores and the number of mentions scored.
    click.echo(json.dumps({k: v for k, v in result.items() if k not in ("bcubed", "mentions")}))
    click.echo(json.dumps({"bcubed": result["bcubed"], "mentions": result["mentions"]}))


@eval_group.command(name="wikineural")
@click.argument("data")
@click.option("--language", required=True,
              help="ISO 639-1 code: the folder under DATA; several, comma-separated, add the "
                   "macro F1 over them.")
@click.option("--part", type=click.Choice(["dev", "report", "all"]), default="all",
              help="dev: even-numbered sentences; report: odd-numbered ones.")
@click.option("--limit", type=int, default=None, help="Score only the first N sentences.")
@model_option
def eval_wikineural(data: str, language: str, part: str, limit: int | None,
                    model: str | None) -> None:
    """Names in another language: exact-span P/R/F1 for PER, LOC, ORG on WikiNEuRal."""
    from europenews.evaluate.wikineural import evaluate_wikineural

    _emit(evaluate_wikineural(_existing(data), language.lower(), settings_from_env(model=model),
                              part=part, limit=limit))


@eval_group.command(name="langid")
@click.argument("data")
@click.option("--part", type=click.Choice(["dev", "report", "all"]), default="all",
              help="dev / report: the two halves of the items, split by a checksum of the id.")
def eval_langid(data: str, part: str) -> None:
    """Language identification accuracy per kind (title, lead, sentence) and language."""
    from europenews.evaluate.langid import evaluate_langid

    _emit(evaluate_langid(_existing(data), part=part))
