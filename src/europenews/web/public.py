"""What the public ``/api/status`` may say about sources and the running job.

The status snapshot (``stages.status``) is made for the operator: every source by its full URL
(which may carry feed credentials, ``https://user:secret@host/feed``) or file path, raw errors
(which may name internal addresses), the analysis pipeline's exception, the Dask dashboard's
address. The public answer names each source as the Sources page does (``web/sources.py``:
name, host, error class and a cleaned detail) and leaves the rest out; ``/api/admin/status``
(``serve --admin``, with the token) gives the snapshot in full.
"""

from __future__ import annotations

from typing import Any

from europenews.web.sources import error_class, error_detail, source_host, source_name


def _name(url: str, name: Any) -> str:
    # A name that is only the key itself (a URL or a path) is no name to show.
    return source_name({"url": url, "name": None if name == url else name})


def public_status(status: dict[str, Any]) -> dict[str, Any]:
    """The status JSON (``europenews.status/1``) as the public may see it: sources by name,
    host and error class; failures by source name and class; the pipeline's error by its
    class; no internal address (the Dask dashboard)."""
    out = {k: v for k, v in status.items() if k not in ("dask_dashboard", "recent_failures")}
    names: dict[str, str] = {}
    sources = []
    for s in status.get("sources", []):
        url = str(s.get("url") or "")
        names[url] = name = _name(url, s.get("name"))
        sources.append({
            "name": name, "host": source_host(url), "kind": s.get("kind"),
            "configured": s.get("configured"), "state": s.get("state"),
            "last_fetched_at": s.get("last_fetched_at"), "last_status": s.get("last_status"),
            "error_class": error_class(s.get("last_error")),
            "error": error_detail(s.get("last_error"), url),
            "failure_count": s.get("failure_count"), "failing_since": s.get("failing_since"),
            "next_due_at": s.get("next_due_at"),
        })
    if "sources" in status:
        out["sources"] = sources
    if "recent_failures" in status:
        out["recent_failures"] = [
            {"at": f.get("at"),
             "source": names.get(str(f.get("source"))) or _name(str(f.get("source")), None),
             "error_class": error_class(f.get("error"))}
            for f in status["recent_failures"]]
    if status.get("pipeline_error"):
        out["pipeline_error"] = str(status["pipeline_error"]).split(":", 1)[0]
    return out


__all__ = ["public_status"]
