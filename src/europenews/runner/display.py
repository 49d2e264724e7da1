"""What ``run`` shows in the terminal: logs (text or JSON lines) and a live status line.

On a terminal the status line is redrawn in place under the logs (rich); otherwise (a pipe,
a service manager) the same figures are logged every ``every`` seconds. Everything goes to
standard error.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.logging import RichHandler
from rich.text import Text

from europenews.wording import plural

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and any ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        out.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def setup_logging(fmt: str, console: Console, level: int = logging.INFO) -> None:
    """Send EuropeNews' logs (and uvicorn's errors) to stderr in ``fmt`` (text | json)."""
    handler: logging.Handler
    if fmt == "json":
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
    elif console.is_terminal:
        handler = RichHandler(console=console, show_path=False, markup=False)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s",
                                               "%Y-%m-%d %H:%M:%S"))
    for name in ("europenews", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
    # The library notes every failed fetch; `run` retries quietly and the status page lists
    # every error, so only its warnings are shown unless asked for more.
    quiet = logging.WARNING if level > logging.DEBUG else level
    for name in ("europenews.ingest", "europenews.stages"):
        logging.getLogger(name).setLevel(quiet)


def _n(value: int) -> str:
    return f"{value:,}"


def status_parts(status: dict[str, Any], rate: float | None = None) -> list[str]:
    """The figures of a status snapshot as short phrases, most important first; ``rate`` is
    the recent analysis rate (articles/s), None when not measured yet."""
    a, q, run = status["articles"], status["queues"], status.get("run", {})
    sources = status["sources"]
    polls, failed_polls = run.get("polls", 0), run.get("failed_polls", 0)
    parts = [
        status.get("phase", "?"),
        f"{plural(a['total'], 'article')} (to analyse {_n(q['analysis'])}, "
        f"to cluster {_n(q['clustering'])})",
        plural(status["stories"], "story"),
        f"this run: {_n(run.get('new', 0))} new, {_n(run.get('analysed', 0))} analysed",
    ]
    if rate is not None:
        parts.append(f"{rate:.1f} articles/s")
    parts.append(f"{plural(polls, 'poll')}, {plural(failed_polls, 'failed poll')}")
    if run.get("refused"):
        parts.append(f"{plural(run['refused'], 'item')} refused")
    if a.get("failed"):
        parts.append(f"{plural(a['failed'], 'article')} failed analysis")
    parts.append(f"{plural(len(sources), 'source')} ({_n(status['sources_failing'])} failing, "
                 f"{_n(q['fetching'])} fetching)")
    if status.get("pipeline_error"):
        parts.append(f"analysis unavailable: {status['pipeline_error']}")
    return parts


def status_text(status: dict[str, Any], rate: float | None = None) -> str:
    """The status on one line (for logs)."""
    return " · ".join(status_parts(status, rate))


def status_lines(status: dict[str, Any], width: int, rate: float | None = None) -> list[str]:
    """The status in lines of at most ``width`` columns, broken between two figures, never
    inside one (a figure longer than the line gets a line of its own)."""
    lines: list[str] = []
    for part in status_parts(status, rate):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines


class AnalysisRate:
    """Articles analysed per second over the last ``window`` seconds of snapshots."""

    def __init__(self, window: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self._samples: deque[tuple[float, int]] = deque()

    def update(self, analysed: int) -> float | None:
        """Note the run's analysed count now; the rate, once two samples a second apart exist."""
        now = self.clock()
        self._samples.append((now, analysed))
        while len(self._samples) > 2 and now - self._samples[1][0] >= self.window:
            self._samples.popleft()
        first_at, first = self._samples[0]
        if now - first_at < 1.0:
            return None
        return max(analysed - first, 0) / (now - first_at)


class StatusDisplay:
    """Shows ``snapshot()`` as a live line (terminal) or a periodic log line (otherwise)."""

    def __init__(self, snapshot: Callable[[], dict[str, Any]], console: Console,
                 fmt: str = "text", every: float = 30.0) -> None:
        self.snapshot = snapshot
        self.console = console
        self.live_line = console.is_terminal and fmt == "text"
        self.every = every
        self._stop = threading.Event()
        self._live: Live | None = None
        self._thread: threading.Thread | None = None
        self._log = logging.getLogger("europenews.run.status")
        self._analysis_rate = AnalysisRate()

    def _rate(self, status: dict[str, Any]) -> float | None:
        return self._analysis_rate.update(int(status.get("run", {}).get("analysed", 0)))

    def _render(self) -> Text:
        try:
            status = self.snapshot()
            # Broken between figures to fit the terminal, rather than cut mid-word.
            lines = status_lines(status, max(self.console.width - 1, 20), self._rate(status))
            return Text("\n".join(lines), style="dim")
        except Exception as exc:  # a busy database must not kill the display
            return Text(f"status unavailable: {exc}", style="dim")

    def _periodic(self) -> None:
        while not self._stop.wait(self.every):
            try:
                status = self.snapshot()
            except Exception as exc:  # keep logging; the next round may work
                self._log.warning("status unavailable: %s", exc)
                continue
            self._log.info(status_text(status, self._rate(status)), extra={
                "articles": status["articles"], "queues": status["queues"],
                "run": status.get("run"), "sources_failing": status["sources_failing"]})

    def __enter__(self) -> StatusDisplay:
        if self.live_line:
            self._live = Live(get_renderable=self._render, console=self.console,
                              refresh_per_second=0.5, transient=True)
            self._live.start()
        else:
            self._thread = threading.Thread(target=self._periodic, name="status", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        if self._live is not None:
            self._live.stop()
