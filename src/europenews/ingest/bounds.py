"""What an article may cost: control characters removed and every field bounded, before the
article is stored, analysed or indexed for search.

A source decides how much text it sends; the cost of analysing and searching an article grows
with its length (a 990,000-character page took minutes and gigabytes to analyse). So a text
longer than :data:`MAX_TEXT_CHARS` keeps its beginning, cut at a paragraph, sentence or word
boundary, and a title longer than :data:`MAX_TITLE_CHARS` is shortened the same way; the
article says so in ``Article.truncated`` (stored, and shown with the article), so a reader
knows the page was longer. Nothing is refused for being long.

Control characters are removed from every field (tab, newline and carriage return stay in the
text): PostgreSQL refuses a NUL byte in text, and no reader needs the others. Lone surrogates
(``"\\ud800"`` in JSON) cannot be written as UTF-8 by any database driver and go too. The C1
controls U+0080–U+009F are nearly always Windows-1252 punctuation decoded as Latin-1 (U+0092
for ’, U+0093/U+0094 for “ ”): they become that punctuation rather than disappear.
"""

from __future__ import annotations

import re
from dataclasses import replace

from europenews.errors import InputError
from europenews.langid import identify_language, language_code, settle_language
from europenews.model import Article

# About 15,000 words: longer than nearly every news article, and analysed in seconds.
MAX_TEXT_CHARS = 100_000
MAX_TITLE_CHARS = 300
# The other fields: the store's column widths (PostgreSQL refuses longer values) or, for free
# text, a length no real byline or outlet name reaches.
FIELD_LIMITS = {"id": 1000, "url": 4000, "published": 40, "source": 300, "language": 16,
                "author": 300}
ELLIPSIS = "…"
# Fields whose shortened value would be wrong rather than short: dropped when too long.
_DROP_WHEN_TOO_LONG = frozenset({"id", "url", "published", "language"})

# C0 controls but tab, newline and carriage return; DEL; C1 controls; lone surrogates; and
# the two noncharacters U+FFFE/U+FFFF (a byte-order mark read the wrong way round).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _c1_as_cp1252(code: int) -> str | None:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: nothing there
        return None


# What each of those characters becomes (None: removed).
_CLEAN: dict[int, str | None] = {
    **dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]),
    **{code: _c1_as_cp1252(code) for code in range(0x80, 0xA0)},
    **dict.fromkeys(range(0xD800, 0xE000)),
    0xFFFE: None, 0xFFFF: None,
}
# In one-line fields (title, author, ...) line breaks and tabs become spaces.
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]+")


def clean_text(value: str) -> str:
    """``value`` without control characters (tab, newline and carriage return are kept; C1
    controls become the Windows-1252 punctuation they stand for)."""
    if _CONTROL.search(value) is None:  # the usual case: nothing to do
        return value
    return value.translate(_CLEAN)


def clean_line(value: str) -> str:
    """A one-line field: control characters removed, line breaks and tabs as one space."""
    return _LINE_BREAKS.sub(" ", clean_text(value)).strip()


def cut_text(text: str, limit: int) -> str:
    """The beginning of ``text``, at most ``limit`` characters, ending at a paragraph break,
    else a sentence end, else a space, when one lies in the last fifth (a hard cut otherwise)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    floor = int(limit * 0.8)
    for boundary in ("\n", ". ", " "):
        at = head.rfind(boundary)
        if at >= floor:
            return head[:at + len(boundary)].rstrip()
    return head


def cut_line(value: str, limit: int) -> str:
    """A one-line field shortened to ``limit`` characters, with an ellipsis when cut."""
    if len(value) <= limit:
        return value
    return cut_text(value, limit - len(ELLIPSIS)).rstrip(" ,;:-") + ELLIPSIS


def bound_article(article: Article, max_text: int = MAX_TEXT_CHARS,
                  max_title: int = MAX_TITLE_CHARS) -> Article:
    """The article with control characters removed and every field within its limit;
    ``truncated`` names the fields that were shortened ("text", "title")."""
    truncated = list(article.truncated)
    text = clean_text(article.text)
    if len(text) > max_text:
        text = cut_text(text, max_text)
        truncated.append("text")
    title = clean_line(article.title) if article.title is not None else None
    if title is not None and len(title) > max_title:
        title = cut_line(title, max_title)
        truncated.append("title")
    if not text.strip():
        where = article.url or article.id or "article"
        raise InputError(f"{where}: no text left once control characters are removed")
    values: dict[str, str | None] = {}
    for name, limit in FIELD_LIMITS.items():
        value = getattr(article, name)
        if value is None:
            continue
        value = clean_line(value)
        if len(value) > limit and name in _DROP_WHEN_TOO_LONG:
            value = ""  # a date, language code, id or URL that long is not one: unknown
        values[name] = cut_line(value, limit) or None
    # Every article leaves here with a language: the one it declares (as an ISO 639-1 code),
    # else the one its text reads as.
    language = language_code(values.get("language"))
    values["language"] = language or identify_language(
        f"{title}\n{text}" if title and not text.startswith(title) else text)
    return replace(article, text=text, title=title or None,
                   truncated=tuple(dict.fromkeys(truncated)), **values)


def with_declared_language(article: Article, declared: str | None) -> Article:
    """The article with the language its text reads as, ``declared`` (a feed's or a page's
    own statement) being the prior: a headline that could be either goes the declared way,
    a text clearly in another language does not."""
    code = language_code(declared)
    if code is None:
        return article
    return replace(article, language=settle_language(article.text, article.title, code))


__all__ = ["MAX_TEXT_CHARS", "MAX_TITLE_CHARS", "bound_article", "clean_line", "clean_text",
           "cut_line", "cut_text", "with_declared_language"]
