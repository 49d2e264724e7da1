"""What ``run`` shows: failed fetches stay quiet unless asked for (the status lists them)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from rich.console import Console

from europenews.runner.display import AnalysisRate, setup_logging, status_lines, status_text

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


def _status(**run: int) -> dict:
    return {"phase": "running", "articles": {"total": 12_345, "failed": 2},
            "queues": {"analysis": 1_234, "clustering": 56, "fetching": 1}, "stories": 789,
            "run": {"new": 345, "analysed": 300, "polls": 40, "failed_polls": 3, **run},
            "sources": [{}] * 12, "sources_failing": 2, "pipeline_error": None}


def test_display_status_line_names_the_figures() -> None:
    line = status_text(_status(), rate=2.46)
    assert line.startswith("running · 12,345 articles (to analyse 1,234, to cluster 56)")
    for figure in ("789 stories", "this run: 345 new, 300 analysed", "2.5 articles/s",
                   "40 polls, 3 failed polls", "2 articles failed analysis",
                   "12 sources (2 failing, 1 fetching)"):
        assert figure in line
    assert "refused" not in line
    assert "5 items refused" in status_text(_status(refused=5))
    one = status_text(_status(refused=1, polls=1, failed_polls=1))
    assert "1 item refused" in one and "1 poll, 1 failed poll" in one


@pytest.mark.parametrize("width", [80, 60, 120])
def test_issue_24_status_line_fits_the_terminal_width(width: int) -> None:
    status = _status(refused=7)
    lines = status_lines(status, width, rate=12.0)
    assert all(len(line) <= width for line in lines), lines
    assert " · ".join(lines) == status_text(status, rate=12.0)  # broken between figures only
    assert len(lines) > 1


def test_display_analysis_rate_over_recent_samples() -> None:
    now = [0.0]
    rate = AnalysisRate(window=10.0, clock=lambda: now[0])
    assert rate.update(0) is None  # one sample: no rate yet
    now[0] = 5.0
    assert rate.update(10) == pytest.approx(2.0)
    now[0] = 30.0  # the old samples leave the window: only recent progress counts
    rate.update(10)
    now[0] = 40.0
    assert rate.update(60) == pytest.approx(5.0)
