"""What ``run`` shows: failed fetches stay quiet unless asked for (the status lists them)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from rich.console import Console

from europenews.runner.display import setup_logging, status_text

NAMES = ("europenews", "uvicorn.error", "europenews.ingest", "europenews.stages")


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """setup_logging changes process-wide loggers: put them back afterwards."""
    saved = {n: (logging.getLogger(n).handlers[:], logging.getLogger(n).level,
                 logging.getLogger(n).propagate) for n in NAMES}
    yield
    for name, (handlers, level, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate


@pytest.mark.parametrize(("level", "expected"), [(logging.INFO, logging.WARNING),
                                                 (logging.DEBUG, logging.DEBUG)],
                         ids=["default", "verbose"])
def test_display_source_failures_are_logged_only_when_verbose(
        restored_logging: None, level: int, expected: int) -> None:
    setup_logging("json", Console(stderr=True), level)
    assert logging.getLogger("europenews.stages.collect").getEffectiveLevel() == expected
    assert logging.getLogger("europenews.run").getEffectiveLevel() == level


def test_display_status_line_names_the_figures() -> None:
    status = {"phase": "running", "articles": {"total": 7},
              "queues": {"analysis": 2, "clustering": 1, "fetching": 1}, "stories": 3,
              "run": {"new": 5}, "sources": [{}, {}], "sources_failing": 1,
              "pipeline_error": None}
    line = status_text(status)
    assert line.startswith("running · articles 7 (waiting: analysis 2, stories 1)")
    assert "sources 2 (1 failing, 1 fetching)" in line
