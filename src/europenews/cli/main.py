"""The ``europenews`` command group and the one place where errors meet the user.

Each command lives in its own module and adds itself to :data:`cli` with ``@cli.command()``;
this module imports none of them at import time, so there is no import cycle. The group
imports a command's module when that command is first asked for (:data:`COMMAND_MODULES`),
so a command starts without the libraries of the others (about 0.55 s of CPU before
``ingest`` could start its analysis workers, issue 19); :func:`load_commands` imports them
all.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import sys
import threading
import traceback
from typing import Any

import click

from europenews import __version__
from europenews.errors import EuropeNewsError


class UserFacingError(click.ClickException):
    """An error shown as one ``error: ...`` line."""

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


# Each command's name and the module of ``europenews.cli`` that defines it.
COMMAND_MODULES = {
    "alerts": "alerts", "analyze": "analyze", "brief": "brief", "cluster": "cluster",
    "eval": "evaluate", "export": "export", "ingest": "ingest", "reanalyze": "reanalyze",
    "run": "run", "search": "search", "serve": "serve",
}


def load_commands() -> None:
    """Import every command module (each adds its command to :data:`cli`)."""
    for module in COMMAND_MODULES.values():
        _import_command(module)


def _import_command(module: str) -> None:
    try:
        importlib.import_module(f"europenews.cli.{module}")
    except KeyboardInterrupt:  # Ctrl-C while a command's libraries (spaCy, FastAPI) import
        click.echo("error: interrupted", err=True)
        sys.exit(130)


class Cli(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            _import_command(COMMAND_MODULES[cmd_name])
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EuropeNewsError as exc:  # the one place where errors meet the user
            raise UserFacingError(str(exc)) from exc
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(141)
        except Exception as exc:
            if os.environ.get("EUROPENEWS_DEBUG"):
                traceback.print_exc()
            raise UserFacingError(f"internal error: {type(exc).__name__}: {exc}") from exc


EXIT_STATUS = """\b
Exit status (for cron and scripts):
  0    done. For ingest: every source was read; items that hold no
       article (a line without text) are "refused", listed in the
       summary, and are not failures.
  1    an error ("error: ..."), or for ingest: a source that could not
       be read or fetched, an article page that could not be fetched,
       or an article whose analysis failed (each listed).
  2    a usage error (unknown option, missing argument)
  130  interrupted (Ctrl-C); 141: the output pipe was closed
run exits 0 once stopped: a failing feed is retried with back-off and
shown on the Sources page."""


@click.group(cls=Cli, epilog=EXIT_STATUS)
@click.version_option(__version__, prog_name="europenews")
def cli() -> None:
    """EuropeNews: gather, understand and group the news."""


def main() -> None:
    """The ``europenews`` script; it leaves without tearing the interpreter down."""
    try:
        cli(prog_name="europenews")
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            leave(exc.code or 0)
        raise


def leave(status: int) -> None:
    """End the process with ``status`` once every exit handler has run and the output is
    flushed, without the interpreter's teardown.

    Tearing down frees every object of every module one by one: after an ``ingest`` that
    took about 0.5 s of CPU, the last serial step of the run with the analysis workers
    already gone (issue 19). What a process must do at exit is done first: ``atexit``
    handlers (logging, multiprocessing, temporary folders) and the standard streams. With a
    thread other than the main one still running (not a daemon), Python would wait for it:
    then the ordinary exit is taken.
    """
    if any(t is not threading.main_thread() and not t.daemon and t.is_alive()
           for t in threading.enumerate()):
        sys.exit(status)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe or stream: there is nothing more to say.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)
