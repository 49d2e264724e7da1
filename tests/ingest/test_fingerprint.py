from __future__ import annotations

import pytest

from europenews.ingest.fingerprint import article_keys, canonical_url, content_hash
from europenews.model import Article


@pytest.mark.parametrize(("url", "canonical"), [
    ("HTTPS://Example.COM:443/a/b?utm_source=rss&id=7#comments", "https://example.com/a/b?id=7"),
    ("http://example.com", "http://example.com/"),
    ("http://example.com:8080/x?b=2&a=1", "http://example.com:8080/x?a=1&b=2"),
    ("https://example.com/x?fbclid=abc&gclid=d", "https://example.com/x"),
], ids=["tracking-case-port-fragment", "empty-path", "sorted-query", "click-ids"])
def test_fingerprint_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_fingerprint_text_hash_ignores_spacing_and_case() -> None:
    assert content_hash("The  Council\nmet.") == content_hash("the council met.")
    assert content_hash("The council met.") != content_hash("The council did not meet.")


def test_fingerprint_ids_are_deterministic() -> None:
    a = article_keys(Article(text="x", url="https://example.com/a?utm_medium=feed"))
    b = article_keys(Article(text="y", url="https://example.com/a"))
    c = article_keys(Article(text="x"))
    assert a.id == b.id and a.url_key == b.url_key
    assert c.url_key is None and c.id == article_keys(Article(text=" x ")).id


def test_fingerprint_thin_text_counts_its_title_long_text_does_not() -> None:
    notice = "Subscribe to keep reading."
    a = article_keys(Article(text=notice, title="Depot fire"))
    b = article_keys(Article(text=notice, title="Bridge reopens"))
    assert a.content_hash != b.content_hash
    assert a.text_only_hash == b.text_only_hash == content_hash(notice)
    long_text = "word " * 200
    c = article_keys(Article(text=long_text, title="One headline"))
    d = article_keys(Article(text=long_text, title="Another headline"))
    assert c.content_hash == d.content_hash and c.text_only_hash is None


def test_fingerprint_keeps_the_url_as_given_and_keys_on_its_canonical_form() -> None:
    given = "http://news.example:80/a/b?z=1&utm_source=rss&a=2"
    keys = article_keys(Article(text="x", url=f" {given} "))
    assert keys.url == given
    assert keys.url_key == article_keys(Article(text="y", url="http://NEWS.example/a/b?a=2&z=1")).url_key
