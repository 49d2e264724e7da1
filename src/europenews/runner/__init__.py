"""The ``europenews run`` job: scheduler, fetch workers, analysis writer and web server.

``status_snapshot(engine, state=None)`` gives the status JSON (``/api/status``) for anyone
holding an engine; ``Service`` is the job itself.
"""

from __future__ import annotations

from europenews.runner.state import RunState, status_snapshot

__all__ = ["RunState", "status_snapshot"]
