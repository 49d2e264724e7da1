"""Issue 23: generated malformed feeds, pages, JSON and OPML through the parsers (Hypothesis,
a bounded number of examples). Whatever comes in, a parser gives its result or one of our
errors (InputError, FetchError), and what would be stored is clean and bounded.

``EUROPENEWS_FUZZ_EXAMPLES=2000`` fuzzes longer than the suite's default."""

from __future__ import annotations

import contextlib
import json
import os
import re

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from europenews.errors import FetchError, InputError  # noqa: E402
from europenews.ingest.bounds import MAX_TEXT_CHARS, MAX_TITLE_CHARS, bound_article  # noqa: E402
from europenews.ingest.feeds import parse_feed  # noqa: E402
from europenews.ingest.files import iter_jsonl  # noqa: E402
from europenews.ingest.html import extract_html  # noqa: E402
from europenews.ingest.jsonl import parse_json  # noqa: E402
from europenews.ingest.opml import parse_opml  # noqa: E402
from europenews.ingest.page import article_from_body  # noqa: E402
from europenews.model import Article  # noqa: E402
from europenews.store.search import fts5_query  # noqa: E402
from europenews.store.snippets import make_snippet  # noqa: E402

EXAMPLES = int(os.environ.get("EUROPENEWS_FUZZ_EXAMPLES", "60"))
# The suite's short run is the same every time (CI must not flake); a long run explores anew.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                derandomize=EXAMPLES <= 100,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
OURS = (InputError, FetchError)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

FEED_PARTS = [
    "<?xml version='1.0' encoding='utf-8'?>", "<rss version='2.0'>", "</rss>", "<channel>",
    "</channel>", "<item>", "</item>", "<title>", "</title>", "<link>", "</link>",
    "<description>", "</description>", "<pubDate>", "</pubDate>", "<![CDATA[", "]]>",
    "<feed xmlns='http://www.w3.org/2005/Atom'>", "</feed>", "<entry>", "</entry>",
    "<link href='http://x.test/a'/>", "&amp;", "&#0;", "&#x110000;", "&undefined;",
    "<!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>]>", "&b;",
    "<!ENTITY x SYSTEM 'file:///etc/passwd'>", "&x;", "<script>alert(1)</script>",
    "http://x.test/item", "Mon, 32 Foo 2024 25:61:00 GMT", "\x00", "\ufeff", "<", ">",
]
HTML_PARTS = [
    "<!doctype html>", "<html>", "</html>", "<head>", "<title>", "</title>", "<body>",
    "</body>", "<article>", "</article>", "<p>", "</p>", "<div>", "</div>", "<script>",
    "</script>", "<meta charset='koi8-r'>", "<meta http-equiv='refresh' content='0;url=x'>",
    "<table><tr><td>", "<!--", "-->", "<svg onload=alert(1)>", "&nbsp;", "&#xD800;", "\x00",
    "The council met on Monday and approved the harbour plan after a long debate. ",
]


def _document(parts: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(parts), st.text(max_size=30))
    return st.lists(piece, max_size=60).map("".join)


def _nested(depth: int, opener: str = "[", closer: str = "]") -> str:
    return opener * depth + closer * depth


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "title", "id", "url", "published", "source", "language", "x"]),
        inner, max_size=6),
    max_leaves=20,
)


def _check_article(article: Article) -> None:
    try:
        bounded = bound_article(article)
    except InputError:
        return
    assert not CONTROL.search(bounded.text) and bounded.text.strip()
    assert len(bounded.text) <= MAX_TEXT_CHARS
    assert bounded.title is None or (len(bounded.title) <= MAX_TITLE_CHARS
                                     and not CONTROL.search(bounded.title))


@FUZZ
@given(st.one_of(_document(FEED_PARTS).map(lambda s: s.encode("utf-8", "surrogatepass")),
                 st.binary(max_size=300),
                 st.integers(1, 20_000).map(lambda d: b"<rss><channel><item>" + _nested(
                     d, "<x>", "</x>").encode() + b"</item></channel></rss>")))
def test_issue_23_fuzz_feeds(body: bytes) -> None:
    try:
        feed = parse_feed(body, "http://x.test/feed")
    except OURS:
        return
    for item in feed.items:
        assert item.url is None or isinstance(item.url, str)


@FUZZ
@given(st.one_of(_document(HTML_PARTS), st.binary(max_size=300),
                 st.integers(1, 20_000).map(lambda d: "<html><body>" + _nested(
                     d, "<div>", "</div>") + "<p>Text.</p></body></html>")))
def test_issue_23_fuzz_pages(data: str | bytes) -> None:
    try:
        article = extract_html(data, "http://x.test/page", url="http://x.test/page")
    except OURS:
        return
    _check_article(article)


@FUZZ
@given(st.one_of(json_values.map(json.dumps), st.text(max_size=200),
                 st.integers(1, 200_000).map(_nested),
                 st.integers(1, 50_000).map(lambda d: '{"text": "x", "title": ' + _nested(d)
                                            + "}")))
def test_issue_23_fuzz_json(text: str) -> None:
    with contextlib.suppress(*OURS):
        parse_json(text, "doc.json")
    for item in iter_jsonl(text + "\n" + text, "doc.jsonl", "doc"):
        if not isinstance(item, InputError):
            _check_article(item)


@FUZZ
@given(st.one_of(_document(HTML_PARTS + FEED_PARTS).map(str.encode), st.binary(max_size=300),
                 json_values.map(lambda v: json.dumps(v).encode())),
       st.sampled_from(["text/html", "text/html; charset=unknown-x", "application/json",
                        "text/plain", "text/plain; charset=utf-16", "application/xml",
                        "image/png", "", "text/html; charset=\"\""]))
def test_issue_23_fuzz_fetched_bodies(body: bytes, content_type: str) -> None:
    try:
        article = article_from_body(body, content_type, "http://x.test/a")
    except OURS:
        return
    _check_article(article)


@FUZZ
@given(st.one_of(_document(["<opml version='2.0'>", "</opml>", "<body>", "</body>",
                            "<outline xmlUrl='http://x.test/f' text='F'/>", "<outline>",
                            "</outline>", "&b;", "<!DOCTYPE o [<!ENTITY b 'x'>]>"]).map(
    str.encode), st.binary(max_size=200)))
def test_issue_23_fuzz_opml(body: bytes) -> None:
    try:
        feeds = parse_opml(body, "list.opml")
    except OURS:
        return
    assert all(f.url for f in feeds)


@FUZZ
@given(st.text(max_size=300), st.text(max_size=2000), st.text(max_size=100) | st.none())
def test_issue_23_fuzz_search_queries_and_snippets(query: str, text: str,
                                                   title: str | None) -> None:
    expression = fts5_query(query)
    assert expression.count("*") <= 3 and expression.count('"') % 2 == 0
    snippet = make_snippet(text, title, query)
    assert isinstance(snippet, str) and len(snippet) <= 2000
