from __future__ import annotations

import pytest

from europenews.errors import InputError
from europenews.ingest.feeds import looks_like_feed, parse_feed
from europenews.ingest.opml import parse_opml

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Vote passes</title><link href="https://example.org/vote"/>
<updated>2024-05-01T10:00:00+02:00</updated><author><name>Ana</name></author></entry>
</feed>"""


def test_feeds_atom_items_with_utc_dates() -> None:
    feed = parse_feed(ATOM, "atom")
    [item] = feed.items
    assert feed.title == "Atom News"
    assert (item.url, item.title, item.published, item.author) == (
        "https://example.org/vote", "Vote passes", "2024-05-01T08:00:00Z", "Ana")


def test_feeds_broken_xml_still_yields_items() -> None:
    broken = (b'<rss version="2.0"><channel><title>T</title><item><title>A & B</title>'
              b"<link>https://example.org/a</link></item><item><title>cut")
    feed = parse_feed(broken, "broken")
    assert feed.items[0].url == "https://example.org/a"


@pytest.mark.parametrize("body", [b"", b"<html><body>hello</body></html>", b"\x00\x01binary"],
                         ids=["empty", "html", "binary"])
def test_feeds_non_feed_is_refused(body: bytes) -> None:
    with pytest.raises(InputError, match="not a readable RSS/Atom feed"):
        parse_feed(body, "x")


def test_feeds_sniffing() -> None:
    assert looks_like_feed(ATOM)
    assert looks_like_feed(b"{}", "application/rss+xml")
    assert not looks_like_feed(b"<!doctype html><html>", "text/html")


def test_opml_lists_nested_feeds_once() -> None:
    body = (b'<opml version="2.0"><body><outline text="Europe">'
            b'<outline xmlUrl="https://a.example/rss" title="A"/>'
            b'<outline xmlUrl="https://b.example/atom"/></outline>'
            b'<outline xmlUrl="https://a.example/rss"/></body></opml>')
    feeds = parse_opml(body, "list.opml")
    assert [f.url for f in feeds] == ["https://a.example/rss", "https://b.example/atom"]
    assert feeds[0].title == "A"


def test_opml_refuses_other_documents() -> None:
    with pytest.raises(InputError, match="not an OPML document"):
        parse_opml(b"<rss></rss>", "x.opml")


def test_opml_ignores_external_entities() -> None:
    body = (b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<opml><body><outline xmlUrl="https://a.example/&x;"/></body></opml>')
    feeds = parse_opml(body, "x.opml")
    assert all("root:" not in f.url for f in feeds)
