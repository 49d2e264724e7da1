"""``europenews run``: poll the configured sources, analyse, cluster and serve, until stopped."""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
from dataclasses import replace
from types import FrameType

import click

from europenews.cli.main import cli
from europenews.cli.options import engine_options
from europenews.configfile import (
    FeedSource,
    default_config_text,
    load_config,
    parse_duration,
)
from europenews.store.engine import safe_url

log = logging.getLogger("europenews.run")


def _install_signal_handlers(stop: threading.Event) -> None:
    """First SIGINT/SIGTERM: set ``stop`` (every stage ends after the article in hand) and
    exit; a second one: exit now."""

    def handle(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            os._exit(128 + signum)  # the store is consistent between any two transactions
        log.info("%s received: finishing the article in hand, then stopping",
                 signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)


@cli.command()
@click.option("--config", "config_path", envvar="EUROPENEWS_CONFIG", default=None,
              help="Configuration file (default ./europenews.toml, else the built-in one).")
@click.option("--db", envvar="EUROPENEWS_DB", default=None,
              help="Database URL; overrides the configuration (sqlite:///x.db, postgresql://...).")
@click.option("--host", default=None, help="Address to serve on (configuration: 127.0.0.1).")
@click.option("--port", type=int, envvar="PORT", default=None,
              help="Port to serve on (configuration: 8000; 0 picks a free one).")
@click.option("--feed", "feeds", multiple=True, metavar="URL",
              help="Also poll this feed (repeatable).")
@click.option("--interval", default=None, metavar="DURATION",
              help="Poll every feed this often, e.g. 30s or 5m (overrides the configuration).")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Logs on stderr as text or as JSON lines.")
@click.option("--once", is_flag=True,
              help="Poll every source once, analyse and cluster what came, then exit "
                   "(no web server unless --serve).")
@click.option("--serve/--no-serve", default=None,
              help="Serve the site (default: yes, except with --once).")
@click.option("--allow-private", is_flag=True, envvar="EUROPENEWS_ALLOW_PRIVATE",
              help="Allow feeds on loopback/private addresses (off by default).")
@engine_options
@click.option("-v", "--verbose", is_flag=True, help="Log every fetch failure and debug details.")
@click.option("--print-config", is_flag=True,
              help="Print the built-in configuration (a starting point for your own) and exit.")
def run(config_path: str | None, db: str | None, host: str | None, port: int | None,
        feeds: tuple[str, ...], interval: str | None, log_format: str, once: bool,
        serve: bool | None, allow_private: bool, engine: str | None, scheduler: str | None,
        workers: int | None, verbose: bool, print_config: bool) -> None:
    """The main job: keep the configured sources polled, analyse and cluster what arrives,
    and serve the site, until stopped (Ctrl-C / SIGTERM finish the article in hand)."""
    if print_config:
        click.echo(default_config_text(), nl=False)
        return
    from rich.console import Console

    from europenews.runner.display import StatusDisplay, setup_logging
    from europenews.runner.service import Service

    config = load_config(config_path).with_overrides(db=db, host=host, port=port,
                                                     engine=engine, scheduler=scheduler,
                                                     workers=workers)
    if feeds:
        config = replace(config, feeds=config.feeds + tuple(FeedSource(url=f) for f in feeds))
    if interval is not None:
        seconds = parse_duration(interval, "--interval")
        config = replace(config, polling=replace(config.polling, interval=seconds),
                         feeds=tuple(replace(f, interval=None) for f in config.feeds))
    if allow_private:
        config = replace(config, fetch=replace(config.fetch, allow_private=True))
    console = Console(stderr=True)
    setup_logging(log_format, console, logging.DEBUG if verbose else logging.INFO)
    service = Service(config, once=once, serve=(not once) if serve is None else serve)
    # Handlers first: a Ctrl-C while starting up takes the same clean way out.
    _install_signal_handlers(service.stop)
    try:
        service.start()
        where = str(config.path) if config.path else "built-in default"
        log.info("EuropeNews %s — %d feeds, %d folders; configuration: %s; database: %s",
                 f"serving {service.url}" if service.url else "running (no web server)",
                 len(config.feeds), len(config.folders), where, safe_url(config.settings.db),
                 extra={"url": service.url})
        if service.url:
            click.echo(f"EuropeNews is running on {service.url}  (Ctrl-C to stop)", err=True)
        with StatusDisplay(service.status, console, log_format):
            service.wait()
    finally:
        service.shutdown()
    counters = service.state.counters()
    log.info("stopped: %s", ", ".join(f"{k} {v}" for k, v in counters.items()),
             extra={"run": counters})
    if once:
        click.echo(json.dumps(counters))
