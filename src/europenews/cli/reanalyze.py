"""``europenews reanalyze [--stage STAGE]``: re-run analysis on stored articles, no fetching."""

from __future__ import annotations

import json

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option, model_option
from europenews.cli.progress import RichProgress
from europenews.config import settings_from_env
from europenews.ingest.process import STAGES


@cli.command()
@click.option("--stage", type=click.Choice(list(STAGES)), default=None,
              help="Re-run one stage (and the parts that depend on it); default: everything.")
@click.option("--summary-format", "summary_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True)
@db_option
@model_option
def reanalyze(stage: str | None, summary_format: str, db: str, model: str | None) -> None:
    """Re-run the analysis (or one stage of it) on every stored article."""
    from europenews.analyze.pipeline import build_pipeline
    from europenews.ingest.process import reanalyse_stored
    from europenews.store.engine import open_store

    settings = settings_from_env(model=model, db=db)
    engine = open_store(settings.db)
    nlp = build_pipeline(settings)
    try:
        with RichProgress() as progress:
            summary = reanalyse_stored(engine, nlp, stage, progress, settings.batch_size,
                                       settings.model)
    finally:
        engine.dispose()
    if summary_format == "json":
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        click.echo(f"reanalysed {summary.analysed}, failed {summary.failed}"
                   + (f" (stage {stage})" if stage else ""), err=True)
        for _where, reason in summary.failures:
            click.echo(f"  failed: {reason}", err=True)
    if summary.failed:
        raise SystemExit(1)
