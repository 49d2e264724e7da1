"""What the public site may say about sources and the running job.

A source's row in the store keeps what an operator needs: its full URL (which may carry feed
credentials, ``https://user:secret@host/feed``), a file path on the server, and the raw error
(which may name internal addresses or quote a server). Public pages and ``/api/sources``,
``/api/status`` show instead, per source, a name, the host and a short error class
(:func:`error_class`: "timed out", "HTTP 404", "not a feed", ...); the admin endpoints
(``serve --admin``, with the token) show everything.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

# Our own failure messages (ingest, stages) → the short class shown publicly, first match wins.
_CLASSES: tuple[tuple[str, str], ...] = (
    (r"internal error", "internal error"),
    (r": stopped$", "stopped"),
    (r"too slow|timed out|timeout", "timed out"),
    (r"body too large|too large", "too large"),
    (r"non-public address", "refused address"),
    (r"robots\.txt", "disallowed by robots.txt"),
    (r"cannot resolve", "host not found"),
    (r"too many redirects", "too many redirects"),
    (r"TLS|certificate|SSL", "TLS error"),
    (r"HTTP (\d{3})", "HTTP {0}"),
    (r"unsupported content type", "unsupported content type"),
    (r"not a readable RSS/Atom feed", "not a feed"),
    (r"not an OPML document", "not an OPML list"),
    (r"malformed JSON|not a JSON object|expected a JSON object", "malformed JSON"),
    (r"no article text|empty text|no text left|missing 'text'", "no article text"),
    (r"binary|not valid UTF|cannot parse HTML|cannot read", "unreadable content"),
    (r"no such file|not found|is a folder", "not found"),
    (r"only http|not a valid URL|no host in URL", "bad URL"),
    (r"analysis failed", "analysis failed"),
    (r"Error|error|refused|reset|closed", "connection failed"),
)


def error_class(message: str | None) -> str | None:
    """A short, fixed description of a stored failure message (None when there is none)."""
    if not message:
        return None
    for pattern, label in _CLASSES:
        if found := re.search(pattern, message):
            return label.format(*found.groups())
    return "error"


def source_host(location: str) -> str | None:
    """The host of a source URL, without credentials or port (None for a local path)."""
    if "://" not in location:
        return None
    try:
        return urlsplit(location).hostname or None
    except ValueError:
        return None


def source_name(location: str, title: str | None) -> str:
    """What to call a source publicly: its title (the feed's or the configured name), else
    its host; a local folder or file is never named by its path."""
    if title:
        return title
    return source_host(location) or "local files"


def public_status(status: dict[str, Any]) -> dict[str, Any]:
    """The status JSON (``europenews.status/1``) as the public may see it: sources by name,
    host and error class; failures by source name and class; the analysis pipeline's error by
    its class; no internal addresses (the Dask dashboard)."""
    out = {k: v for k, v in status.items() if k not in ("dask_dashboard", "recent_failures")}
    names: dict[str, str] = {}
    sources = []
    for s in status.get("sources", []):
        url = str(s.get("url") or "")
        name = s.get("name")
        # A name that is only the key itself (a URL or a path) is no name to show.
        name = source_name(url, None if name == url else name)
        names[url] = name
        sources.append({
            "name": name, "host": source_host(url), "kind": s.get("kind"),
            "configured": s.get("configured"), "state": s.get("state"),
            "last_fetched_at": s.get("last_fetched_at"), "last_status": s.get("last_status"),
            "error": error_class(s.get("last_error")),
            "failure_count": s.get("failure_count"), "next_due_at": s.get("next_due_at"),
        })
    if "sources" in status:
        out["sources"] = sources
    if "recent_failures" in status:
        out["recent_failures"] = [
            {"at": f.get("at"), "source": names.get(str(f.get("source")))
             or source_name(str(f.get("source") or ""), None),
             "error": error_class(f.get("error"))}
            for f in status["recent_failures"]]
    if status.get("pipeline_error"):
        out["pipeline_error"] = str(status["pipeline_error"]).split(":", 1)[0]
    return out


def public_source_row(row: dict[str, Any]) -> dict[str, Any]:
    """One row of ``store.views.source_status`` as the public may see it."""
    url = str(row.get("url") or "")
    return {
        "id": row.get("id"), "name": source_name(url, row.get("title")),
        "host": source_host(url), "kind": row.get("kind"),
        "last_fetched_at": row.get("last_fetched_at"), "last_status": row.get("last_status"),
        "error": error_class(row.get("last_error")),
        "failure_count": row.get("failure_count"), "next_due_at": row.get("next_due_at"),
        "articles_today": row.get("articles_today"), "articles_total": row.get("articles_total"),
        "last_article_at": row.get("last_article_at"),
    }


__all__ = ["error_class", "public_source_row", "public_status", "source_host", "source_name"]
