"""Main-text extraction from HTML pages (trafilatura)."""

from __future__ import annotations

import trafilatura
from trafilatura.settings import Document

from europenews.errors import InputError
from europenews.langid import language_code, settle_language
from europenews.model import Article


def extract_html(
    data: bytes | str,
    where: str,
    url: str | None = None,
    article_id: str | None = None,
) -> Article:
    """The article in an HTML page: main text, title, date, author, language."""
    if isinstance(data, bytes) and b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary file, not HTML")
    try:
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except (ValueError, TypeError, LookupError, AttributeError, AssertionError) as exc:
        # trafilatura's (and lxml's, htmldate's) failures on broken or hostile markup
        raise InputError(f"{where}: cannot parse HTML ({type(exc).__name__}: {exc})") from exc
    except RecursionError as exc:  # elements nested thousands deep
        raise InputError(f"{where}: cannot parse HTML (nested too deeply)") from exc
    # A Document unless asked for a dict (not done here); None when nothing was extracted.
    if not isinstance(doc, Document) or not doc.text or not doc.text.strip():
        raise InputError(f"{where}: no article text found in the page")
    published = doc.date or None
    return Article(
        text=doc.text,
        id=article_id,
        title=doc.title or None,
        url=url or doc.url or None,
        published=published,
        source=doc.sitename or doc.hostname or None,
        # A page's lang attribute is often its template's: a prior the text is checked against.
        language=settle_language(doc.text, doc.title or None, language_code(doc.language)),
        author=doc.author or None,
    )
