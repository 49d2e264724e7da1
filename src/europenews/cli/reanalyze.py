"""``europenews reanalyze [--stage STAGE]``: re-run analysis on stored articles, no fetching."""

from __future__ import annotations

import json

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option, engine_options, model_option
from europenews.cli.progress import RichProgress
from europenews.config import settings_from_env
from europenews.stages.settings import STAGES


@cli.command()
@click.option("--stage", type=click.Choice(list(STAGES)), default=None,
              help="Re-run one stage (and the parts that depend on it); default: everything.")
@click.option("--summary-format", "summary_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True)
@db_option
@model_option
@engine_options
def reanalyze(stage: str | None, summary_format: str, db: str, model: str | None,
              engine: str | None, scheduler: str | None, workers: int | None) -> None:
    """Re-run the analysis (or one stage of it) on every stored article."""
    from europenews.analyze.backends import make_analyzer
    from europenews.stages.analysis import reanalyze_stored
    from europenews.store.engine import open_store

    settings = settings_from_env(model=model, db=db, engine=engine, scheduler=scheduler,
                                 workers=workers)
    store = open_store(settings.db)
    try:
        nlp = make_analyzer(settings)
    except BaseException:
        store.dispose()
        raise
    try:
        with RichProgress() as progress:
            summary = reanalyze_stored(store, nlp, stage, progress, settings.batch_size,
                                       settings.model)
    finally:
        store.dispose()
        if hasattr(nlp, "close"):
            nlp.close()
    if summary_format == "json":
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        click.echo(f"reanalysed {summary.analysed}, failed {summary.failed}"
                   + (f" (stage {stage})" if stage else ""), err=True)
        for _where, reason in summary.failures:
            click.echo(f"  failed: {reason}", err=True)
    if summary.failed:
        raise SystemExit(1)
