"""Atom (RFC 4287) feeds of any list the site shows: stories, a search, an entity, a place,
an alert's hits. Pure: entries in, XML text out.

Every entry has the id, title, link and updated time Atom requires; ids are ``tag:`` URIs
built from the site's own ids, so a feed reader keeps an entry when its title changes. Times
are RFC 3339; a date the outlets gave without a time or zone is read as UTC midnight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from europenews.dates import parse_timestamp

TAG = "tag:europenews,2026:"
MEDIA_TYPE = "application/atom+xml"


@dataclass(frozen=True, slots=True)
class AtomEntry:
    id: str  # the site's own id of the item ("story/s12ab", "hit/7")
    title: str
    link: str  # absolute URL of its page
    updated: str | None  # ISO time as stored
    summary: str = ""
    published: str | None = None


def rfc3339(value: str | None, fallback: datetime | None = None) -> str:
    """An ISO time as RFC 3339 in UTC (``2026-12-06T09:00:00Z``); unknown: ``fallback``."""
    parsed = parse_timestamp(value) if value else None
    when = parsed or fallback or datetime(1970, 1, 1)
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(feed_id: str, title: str, self_url: str, site_url: str,
              entries: Sequence[AtomEntry], now: datetime | None = None) -> str:
    """The feed document. ``updated`` is the newest entry's time (``now`` for an empty feed)."""
    now = now or datetime.now(UTC)
    stamps = [rfc3339(e.updated, now) for e in entries]
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<id>{escape(TAG + feed_id)}</id>",
        f"<title>{escape(title)}</title>",
        f"<updated>{max(stamps, default=rfc3339(None, now))}</updated>",
        f"<link rel=\"self\" type=\"{MEDIA_TYPE}\" href={quoteattr(self_url)}/>",
        f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(site_url)}/>",
        "<author><name>EuropeNews</name></author>",
        "<generator>EuropeNews</generator>",
    ]
    for entry, stamp in zip(entries, stamps, strict=True):
        parts += [
            "<entry>",
            f"<id>{escape(TAG + entry.id)}</id>",
            f"<title>{escape(entry.title or '(untitled)')}</title>",
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(entry.link)}/>",
            f"<updated>{stamp}</updated>",
        ]
        if entry.published:
            parts.append(f"<published>{rfc3339(entry.published, now)}</published>")
        if entry.summary:
            parts.append(f"<summary>{escape(entry.summary)}</summary>")
        parts.append("</entry>")
    parts.append("</feed>")
    return "\n".join(parts) + "\n"
