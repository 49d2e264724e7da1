"""RSS / Atom feeds (feedparser): the items' links, titles, dates and summaries.

feedparser tolerates broken XML; a document it recovers nothing from is refused with an
:class:`InputError`, so a broken feed is reported rather than mistaken for an empty one.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass

import feedparser  # type: ignore[import-untyped]

from europenews.errors import InputError


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str | None
    title: str | None
    published: str | None  # ISO 8601 UTC
    summary: str | None
    author: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]
    language: str | None = None  # the channel's declared language (RSS <language>, Atom xml:lang)


def looks_like_feed(body: bytes, content_type: str = "") -> bool:
    """A quick sniff: an RSS/Atom/RDF root element, or a feed content type."""
    ctype = content_type.lower()
    if any(t in ctype for t in ("rss", "atom", "rdf")):
        return True
    head = body[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _iso(parsed: time.struct_time | None) -> str | None:
    if parsed is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed)))


def parse_feed(body: bytes, where: str) -> Feed:
    """The feed in ``body``; raises InputError when it is not a feed at all."""
    try:
        parsed = feedparser.parse(body, sanitize_html=True, resolve_relative_uris=True,
                                  response_headers={"content-location": where})
    except RecursionError as exc:  # elements nested thousands deep
        raise InputError(f"{where}: not a readable RSS/Atom feed (nested too deeply)") from exc
    except (ValueError, LookupError, TypeError, AttributeError, AssertionError) as exc:
        # feedparser's own failures on hostile markup (``&#x110000;`` is a ValueError there)
        raise InputError(f"{where}: not a readable RSS/Atom feed ({type(exc).__name__})") \
            from exc
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")()
        reason = reason or str(parsed.get("bozo_exception") or "no feed found")
        raise InputError(f"{where}: not a readable RSS/Atom feed ({reason})")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or None
        if link is None:
            for candidate in entry.get("links", ()):
                if candidate.get("href"):
                    link = candidate["href"]
                    break
        summary = entry.get("summary") or None
        items.append(FeedItem(
            url=link,
            title=(entry.get("title") or "").strip() or None,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            summary=summary,
            author=entry.get("author") or None,
        ))
    return Feed(title=(parsed.feed.get("title") or "").strip() or None, items=tuple(items),
                language=(parsed.feed.get("language") or "").strip() or None)
