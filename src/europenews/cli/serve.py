"""``europenews serve``: the web site and JSON API over the database."""

from __future__ import annotations

import os
import secrets

import click

from europenews.cli.main import cli
from europenews.cli.options import db_option
from europenews.config import settings_from_env


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (127.0.0.1 keeps the site local).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              envvar="PORT", help="TCP port (PORT in the environment also works).")
@db_option
@click.option("--admin", is_flag=True,
              help="Enable the admin endpoints (/api/admin/...); they need the token from "
                   "EUROPENEWS_ADMIN_TOKEN (one is generated and printed if unset).")
def serve(host: str, port: int, db: str, admin: bool) -> None:
    """Serve the web site and JSON API (read-only unless --admin)."""
    from europenews.web.app import serve_app

    settings = settings_from_env(db=db)
    token = None
    if admin:
        token = os.environ.get("EUROPENEWS_ADMIN_TOKEN") or secrets.token_urlsafe(24)
        if "EUROPENEWS_ADMIN_TOKEN" not in os.environ:
            click.echo(f"admin token: {token}", err=True)
    serve_app(settings, host=host, port=port, admin_token=token,
              announce=lambda line: click.echo(line, err=True))
