"""``europenews alerts``: try rules on articles (``replay``), list stored rules and hits,
and deliver pending hits (``deliver``: webhooks and e-mail, as ``run`` does)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option, model_option
from europenews.errors import InputError


@cli.group()
def alerts() -> None:
    """Alerts on extracted facts: named rules ([[alerts]] in the configuration)."""


def _read_rules(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text") from exc


@alerts.command()
@click.argument("rules_file", metavar="RULES.toml")
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLES.jsonl...")
@model_option
def replay(rules_file: str, articles: tuple[str, ...], model: str | None) -> None:
    """Feed ARTICLES through the whole pipeline, in order, into a throwaway store and print
    one JSON line per hit: {"alert", "story", "articles": [{"id", "url", ...}], "fact"}, as
    each story stands at the end (one line per rule and story).

    Exit status: 0 when some rule fired, 1 when none did (or on an error)."""
    from europenews.alerts.replay import replay as run_replay
    from europenews.alerts.rules import parse_rules_toml
    from europenews.analyze.backends import make_analyzer
    from europenews.cli.progress import RichProgress
    from europenews.config import settings_from_env

    rules = parse_rules_toml(_read_rules(rules_file), rules_file)
    if not rules:
        raise InputError(f"{rules_file}: no [[alerts]] rule")
    for path in articles:
        if not Path(path).exists():
            raise InputError(f"{path}: no such file")
    settings = settings_from_env(model=model)
    nlp = make_analyzer(settings)
    try:
        with RichProgress() as progress:
            hits, summary = run_replay(rules, articles, nlp, progress=progress)
    finally:
        if hasattr(nlp, "close"):
            nlp.close()
    for hit in hits:
        click.echo(json.dumps(hit, ensure_ascii=False))
    click.echo(f"{len(hits)} hits from {summary.clustered} articles", err=True)
    if not hits:
        raise SystemExit(1)


@alerts.command("list")
@db_option
def list_alerts(db: str) -> None:
    """Print the stored rules (one JSON line each) with their number of hits."""
    from europenews.store.alerts import list_hits, list_rules
    from europenews.store.engine import map_db_errors, open_store

    engine = open_store(db)
    try:
        with map_db_errors(), engine.connect() as conn:
            for stored in list_rules(conn):
                rule = json.loads(stored.rule)
                rule.pop("secret", None)
                hits = list_hits(conn, stored.name, limit=1000)
                click.echo(json.dumps({"rule": rule, "origin": stored.origin,
                                       "hits": len(hits)}, ensure_ascii=False))
    finally:
        engine.dispose()
