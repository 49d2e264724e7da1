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
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.logging import RichHandler
from rich.text import Text

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


def status_text(status: dict[str, Any]) -> str:
    """The one-line summary of a status snapshot."""
    a, q, run = status["articles"], status["queues"], status.get("run", {})
    sources = status["sources"]
    line = (
        f"{status.get('phase', '?')} · articles {a['total']} (waiting: analysis {q['analysis']},"
        f" stories {q['clustering']}) · stories {status['stories']} · this run: fetched "
        f"{run.get('fetched', 0)}, new {run.get('new', 0)}, analysed {run.get('analysed', 0)},"
        f" clustered {run.get('clustered', 0)}, failed {run.get('failed', 0)} · sources "
        f"{len(sources)} ({status['sources_failing']} failing, {q['fetching']} fetching)"
    )
    if status.get("pipeline_error"):
        line += f" · analysis unavailable: {status['pipeline_error']}"
    return line


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

    def _render(self) -> Text:
        try:
            # Wraps on narrow terminals rather than hiding the failure counts at the end.
            return Text(status_text(self.snapshot()), style="dim")
        except Exception as exc:  # a busy database must not kill the display
            return Text(f"status unavailable: {exc}", style="dim")

    def _periodic(self) -> None:
        while not self._stop.wait(self.every):
            try:
                status = self.snapshot()
            except Exception as exc:  # keep logging; the next round may work
                self._log.warning("status unavailable: %s", exc)
                continue
            self._log.info(status_text(status), extra={
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
