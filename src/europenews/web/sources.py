"""What the public Sources page and ``/api/sources`` say about each source.

A source is shown by its name (the configured name, else what it calls itself, else its host
or file name) and its host: never its full URL or file path, which may carry credentials, tokens
or the layout of the server's disks. Its state is one of ``failing`` (with since when, the
number of failures in a row, a short error class such as "HTTP 503" and a cleaned-up detail),
``waiting`` (not fetched yet) or ``ok``. Failing sources come first, the longest failing first.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

# (pattern in the stored error, the short class shown), first match wins.
_CLASSES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), label) for pattern, label in (
        (r"(?:^|: )internal error", "internal error"),
        (r"^analysis failed", "analysis failed"),
        (r"\bHTTP (\d{3})\b", "HTTP {0}"),
        (r"timed out|too slow|timeout", "timed out"),
        (r"cannot resolve host|name or service not known|getaddrinfo", "host not found"),
        (r"non-public address", "blocked address"),
        (r"robots\.txt", "blocked by robots.txt"),
        (r"redirect", "too many redirects"),
        (r"too large", "too large"),
        (r"ssl|certificate|tls", "TLS error"),
        (r"connect|connection|network is unreachable", "connection failed"),
        (r"unsupported content type", "not a feed or page"),
        (r"not a readable RSS/Atom feed", "not a feed"),
        (r"not an OPML document", "not an OPML list"),
        (r"no article text", "no article text"),
        (r"no such file|not found", "not found"),
        (r"binary", "binary file"),
        (r"not valid UTF", "bad encoding"),
        (r"malformed JSON|not a JSON object", "malformed JSON"),
        (r"cannot read|permission denied|is a folder", "cannot read"),
        (r"only http and https", "unsupported URL"),
    ))
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s'\"<>()]+", re.I)
# Network addresses in an error ("refused by 10.20.30.40:8080", "[fd00::5]:80"): the
# public does not learn the server's network from them.
_ADDRESS = re.compile(
    r"\[[0-9a-f:.%\w]+\](?::\d+)?"  # [fd00::5]:80
    r"|(?<![\w:])[0-9a-f:]*:\d{1,3}(?:\.\d{1,3}){3}\b"  # ::ffff:10.0.0.1
    r"|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"  # 10.20.30.40:8080
    # fe80::1, 2001:db8:0:0:1:0:0:1 (a "::" or a hex letter: not a time such as 10:00:00)
    r"|(?<![\w:])(?=[0-9a-f:]*(?:::|[a-f]))[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])",
    re.I)
_PATH = re.compile(r"(?<![\w.:/])(?:~|[A-Za-z]:)?[/\\](?:[^\s/\\:'\"]+[/\\])*([^\s/\\:'\"]+)")
DETAIL_CHARS = 240


def error_class(error: str | None) -> str | None:
    """A short name for the kind of failure ("HTTP 503", "timed out", "not found", ...)."""
    if not error:
        return None
    for pattern, label in _CLASSES:
        if m := pattern.search(error):
            return label.format(*m.groups())
    return "error"


def error_detail(error: str | None, location: str) -> str | None:
    """The stored error fit to show anyone: the source's own location dropped from its start,
    any URL reduced to its host, any network address to "an address", any file path to its
    file name, an internal error to those words (the server log has the rest)."""
    if not error:
        return None
    text = error.removeprefix(f"{location}: ")
    if text.startswith("internal error"):
        return "internal error (the server log has the details)"
    text = _URL.sub(lambda m: urlsplit(m.group()).hostname or "a URL", text)
    text = _ADDRESS.sub("an address", text)
    text = _PATH.sub(lambda m: m.group(1), text)
    return text if len(text) <= DETAIL_CHARS else text[:DETAIL_CHARS - 1] + "…"


def source_host(location: str) -> str | None:
    """The host of a URL source; None for a local file or folder."""
    if "://" not in location:
        return None
    return urlsplit(location).hostname or None


def source_name(row: dict[str, Any]) -> str:
    """The configured name, else the source's own title, else its host or file name."""
    location = str(row["url"])
    fallback = source_host(location) or PurePath(location).name or "source"
    return str(row.get("name") or row.get("title") or fallback)


def source_state(row: dict[str, Any]) -> str:
    """``failing``, ``waiting`` (never fetched) or ``ok``."""
    if row.get("last_error"):
        return "failing"
    return "waiting" if row.get("last_fetched_at") is None else "ok"


def public_source(row: dict[str, Any]) -> dict[str, Any]:
    """One row of the ``sources`` table (with its article counts) as the public sees it."""
    location = str(row["url"])
    return {
        "id": row["id"],
        "name": source_name(row),
        "host": source_host(location),
        "kind": row["kind"],
        "state": source_state(row),
        "not_modified": row.get("last_status") == 304,
        "failing_since": row.get("failing_since") if row.get("last_error") else None,
        "failure_count": int(row.get("failure_count") or 0),
        "error_class": error_class(row.get("last_error")),
        "error": error_detail(row.get("last_error"), location),
        "last_fetched_at": row.get("last_fetched_at"),
        "next_due_at": row.get("next_due_at"),
        "articles_today": row.get("articles_today", 0),
        "articles_total": row.get("articles_total", 0),
        "last_article_at": row.get("last_article_at"),
    }


_ORDER = {"failing": 0, "waiting": 1, "ok": 2}


def ordered(views: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Failing sources first (the longest failing first), then waiting ones, then the rest;
    by name within each."""
    return sorted(views, key=lambda s: (_ORDER[s["state"]], s["failing_since"] or "",
                                        s["name"].casefold(), s["id"]))
