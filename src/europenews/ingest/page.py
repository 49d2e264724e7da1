"""A single web page (or text/JSON document) at a URL, as an Article."""

from __future__ import annotations

import json

from europenews.errors import FetchError, InputError
from europenews.ingest.fetch import fetch_bytes
from europenews.ingest.files import article_from_json, article_from_text, decode_text
from europenews.ingest.html import extract_html
from europenews.model import Article


def read_url(url: str) -> Article:
    """Fetch ``url`` and read the article in it (HTML via main-text extraction)."""
    body, content_type = fetch_bytes(url)
    ctype = content_type.split(";")[0].strip().lower()
    try:
        if ctype in ("text/plain",):
            return article_from_text(decode_text(body, url), url, url)
        if ctype in ("application/json",):
            return article_from_json(json.loads(decode_text(body, url)), url, url)
        if ctype and "html" not in ctype and "xml" not in ctype:
            raise FetchError(f"{url}: unsupported content type {ctype!r}", url=url)
        article = extract_html(body, where=url, url=url, article_id=url)
    except json.JSONDecodeError as exc:
        raise InputError(f"{url}: malformed JSON ({exc.msg})") from exc
    return article
