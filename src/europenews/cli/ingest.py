"""``europenews ingest SOURCE...``: fetch/read, store, analyse and cluster articles."""

from __future__ import annotations

import json
import re

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option, engine_options, model_option
from europenews.cli.progress import RichProgress
from europenews.cli.render import plural
from europenews.config import settings_from_env
from europenews.ingest.fetch import FetchSettings
from europenews.stages.summary import IngestSummary

# Refused items listed by location, per kind of refusal (the JSON summary lists them all).
SHOWN_REFUSALS = 3


def refusal_kind(reason: str) -> str:
    """'data.jsonl:12: malformed JSON (Expecting value)' → 'malformed JSON'."""
    kind = reason.rsplit(": ", 1)[-1]
    return re.sub(r"\s*\(.*\)$", "", kind) or kind


def render_summary(summary: IngestSummary) -> str:
    """The end-of-run summary for people: the counts, refused items by kind (with where the
    first ones are), and every failure with its reason."""
    lines = [
        f"fetched {summary.fetched}, new {summary.new}, duplicates {summary.duplicates}, "
        f"refused {summary.refused}, failed {summary.failed}, analysed {summary.analysed}, "
        f"clustered {summary.clustered}"
        + (f", feeds not modified {summary.not_modified}" if summary.not_modified else "")
        + (f", analysed and clustered by the running job {summary.handed_over}"
           if summary.handed_over else "")
    ]
    kinds: dict[str, list[str]] = {}
    for where, reason in summary.refusals:
        kinds.setdefault(refusal_kind(reason), []).append(reason.rsplit(": ", 1)[0] or where)
    for kind, places in sorted(kinds.items(), key=lambda k: -len(k[1])):
        shown = ", ".join(places[:SHOWN_REFUSALS])
        more = f" and {plural(len(places) - SHOWN_REFUSALS, 'more')}" \
            if len(places) > SHOWN_REFUSALS else ""
        lines.append(f"  refused {plural(len(places), 'item')} ({kind}): {shown}{more}")
    for _where, reason in summary.failures:
        lines.append(f"  failed: {reason}")
    if summary.refused and not summary.failed:
        lines.append("  (refused items hold no article; they are not an error: exit status 0)")
    return "\n".join(lines)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@model_option
@engine_options
@click.option("--no-analyse", "no_analyse", is_flag=True,
              help="Only fetch and store; analyse later with another ingest or reanalyze.")
@click.option("--allow-private", is_flag=True, envvar="EUROPENEWS_ALLOW_PRIVATE",
              help="Allow fetching from loopback/private addresses (off by default).")
@click.option("--delay", type=float, default=1.0, show_default=True,
              help="Seconds between two requests to the same host.")
@click.option("--timeout", type=float, default=20.0, show_default=True,
              help="Seconds before a request is given up.")
@click.option("--no-robots", is_flag=True, help="Do not read robots.txt (your own sites only).")
@click.option("--summary-format", "summary_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="How the summary is printed (stdout).")
def ingest(sources: tuple[str, ...], db: str, model: str | None, engine: str | None,
           scheduler: str | None, workers: int | None, no_analyse: bool,
           allow_private: bool, delay: float, timeout: float, no_robots: bool,
           summary_format: str) -> None:
    """Store articles from files, folders, URLs, RSS/Atom feeds and OPML lists (re-runs are
    safe: nothing is stored twice).

    Exit status: 0 when every source was read, even if some items in them hold no article
    (a line without text: "refused", listed in the summary); 1 when a source could not be read
    or fetched, an article page could not be fetched or an article failed analysis (each is
    listed), or on an error such as a bad --db; 2 on a usage error."""
    settings = settings_from_env(model=model, db=db, engine=engine, scheduler=scheduler,
                                 workers=workers)
    fetch = FetchSettings.from_env(allow_private=allow_private or None, delay=delay,
                                   timeout=timeout, respect_robots=not no_robots)
    nlp = None
    if not no_analyse:
        from europenews.analyze.backends import make_analyzer

        # First of all: worker processes load the model while this process imports the
        # stages and reads and stores the sources.
        nlp = make_analyzer(settings)
    try:
        from europenews.stages.ingest import ingest_sources
        from europenews.stages.settings import IngestSettings
        from europenews.store.engine import open_store

        store = open_store(settings.db)
    except BaseException:
        if nlp is not None and hasattr(nlp, "close"):
            nlp.close()
        raise
    try:
        with RichProgress() as progress:
            summary = ingest_sources(
                sources, store, nlp,
                IngestSettings(fetch=fetch, batch_size=settings.batch_size, model=settings.model),
                progress,
            )
    finally:
        store.dispose()
        if nlp is not None and hasattr(nlp, "close"):
            nlp.close()
    if summary_format == "json":
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        click.echo(render_summary(summary), err=True)
    if summary.failed:
        raise SystemExit(1)
