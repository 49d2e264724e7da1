"""A single web page (or text/JSON document) at a URL, as an Article."""

from __future__ import annotations

import codecs

from europenews.errors import FetchError, InputError
from europenews.ingest.fetch import Fetcher, FetchSettings, fetch_bytes
from europenews.ingest.files import article_from_json, article_from_text, decode_text
from europenews.ingest.html import extract_html
from europenews.ingest.jsonl import parse_json
from europenews.model import Article


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            name = value.strip().strip("\"'")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def article_from_body(body: bytes, content_type: str, url: str) -> Article:
    """Read the article in a fetched body, by its content type (HTML via main-text extraction)."""
    ctype = content_type.split(";")[0].strip().lower()
    charset = _charset(content_type)
    if ctype in ("text/plain",):
        text = body.decode(charset, "replace") if charset else decode_text(body, url)
        return article_from_text(text, url, url)
    if ctype in ("application/json",):
        return article_from_json(parse_json(decode_text(body, url), url), url, url)
    if ctype and "html" not in ctype and "xml" not in ctype:
        raise FetchError(f"{url}: unsupported content type {ctype!r}", url=url)
    if b"\x00" in body[:8192]:
        raise InputError(f"{url}: binary content, not HTML")
    # The HTTP header's charset wins over guessing (pages in windows-1252, koi8-r, ...).
    data: bytes | str = body.decode(charset, "replace") if charset else body
    return extract_html(data, where=url, url=url, article_id=url)


def read_url(url: str, fetcher: Fetcher | None = None) -> Article:
    """Fetch ``url`` and read the article in it."""
    if fetcher is None:
        body, content_type = fetch_bytes(url)
        return article_from_body(body, content_type, url)
    result = fetcher.fetch(url)
    return article_from_body(result.body, result.content_type, result.url)


__all__ = ["FetchSettings", "article_from_body", "read_url"]
