"""OPML feed lists: the feed URLs (``xmlUrl``) in an OPML document, in document order."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]

from europenews.errors import InputError


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str | None


def looks_like_opml(body: bytes) -> bool:
    return b"<opml" in body[:4096].lower()


def parse_opml(body: bytes, where: str) -> list[OpmlFeed]:
    """The feeds listed in an OPML document (nested outlines included, duplicates dropped)."""
    # No entities, no network, no DTDs: an OPML file is untrusted input.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
        name = None if root is None else etree.QName(root).localname.lower()
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: not an OPML document ({exc})") from exc
    except (ValueError, RecursionError) as exc:  # a tag lxml recovered but cannot name
        raise InputError(f"{where}: not an OPML document ({type(exc).__name__})") from exc
    if name != "opml":
        raise InputError(f"{where}: not an OPML document")
    seen: set[str] = set()
    feeds = []
    for outline in root.iter("{*}outline", "outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in seen:
            seen.add(url)
            feeds.append(OpmlFeed(url, outline.get("title") or outline.get("text")))
    return feeds
