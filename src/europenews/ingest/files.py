"""Read articles from local files and standard input.

Every problem becomes an :class:`InputError` naming the file (and line), so a batch can
report it in one line and carry on with the good inputs.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from europenews.errors import InputError
from europenews.ingest.html import extract_html
from europenews.ingest.jsonl import parse_json, parse_jsonl, text_lines
from europenews.model import Article

MAX_FILE_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

ARTICLE_FIELDS = ("id", "title", "text", "url", "published", "source", "language", "author")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is missing, a folder or too large."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    if path.is_dir():
        raise InputError(f"{path}: is a folder")
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path}: too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes, where: str) -> str:
    """Decode UTF-8 text (or UTF-16 that says so with its byte-order mark, as Windows tools
    save it), refusing binary data and other encodings with a clear message."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not valid UTF-16 (byte {exc.start})") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start})") from exc
    return text.removeprefix("\ufeff")


def _reads_like_headline(line: str) -> bool:
    return 3 <= len(line.split()) <= 25 and len(line) <= 200 and not line.endswith((".", ":"))


# A line that is a web address (a scraper's first line; corpora space their punctuation:
# "http : / / www . example . com / story"), never a headline.
_ADDRESS_LINE = re.compile(r"^(?:https?\s*:\s*/\s*/|www\s*\.)\S*(?:\s*\S+)*$", re.IGNORECASE)


def guess_title(text: str) -> str | None:
    """The first non-empty line, unless it is a web address or a one- or two-word masthead or
    desk name ("EuropeNews", "World news") standing above a line that reads like the
    headline."""
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not _ADDRESS_LINE.match(line.strip())]
    if not lines:
        return None
    if len(lines) > 1 and len(lines[0].split()) <= 2 and _reads_like_headline(lines[1]):
        return lines[1]
    return lines[0]


def article_from_text(text: str, where: str, article_id: str | None) -> Article:
    """A plain-text article; its first line (past a masthead) is taken as the title."""
    if not text.strip():
        raise InputError(f"{where}: empty text")
    # No language: ingest.bounds reads it off the text.
    return Article(text=text, id=article_id, title=guess_title(text), language=None)


def article_from_json(obj: Any, where: str, default_id: str | None) -> Article:
    """An article from a JSON object of the contract's input shape (only ``text`` required)."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: missing 'text'")
    if not text.strip():
        raise InputError(f"{where}: empty text")
    values: dict[str, Any] = {k: obj.get(k) for k in ARTICLE_FIELDS if k != "text"}
    for key, value in values.items():
        if isinstance(value, list | dict):
            values[key] = None  # a field that should be a string but holds a structure
        elif value is not None and not isinstance(value, str):
            values[key] = str(value)
    if values.get("id") is None:
        values["id"] = default_id
    if values.get("title") is None and values.get("url") is None:
        # A local text without a title or an address (a corpus, an export) is headed by its
        # first line, as a text file is: its story is not "(untitled)".
        values["title"] = guess_title(text)
    return Article(text=text, **values)


def iter_jsonl(data: str, where: str, stem: str) -> Iterator[Article | InputError]:
    """Each good line as an Article, each bad line as an InputError, in order."""
    for item in parse_jsonl(text_lines(data), where):
        if isinstance(item, InputError):
            yield item
            continue
        lineno, obj = item
        try:
            yield article_from_json(obj, f"{where}:{lineno}", f"{stem}:{lineno}")
        except InputError as exc:
            yield exc


def read_file(path: Path) -> Iterator[Article | InputError]:
    """The articles in one file; a whole-file problem is raised, a per-line one yielded."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type {suffix!r} (use .txt, .html, .json, .jsonl)"
        )
    data = read_bytes(path)
    where = str(path)
    if suffix in HTML_SUFFIXES:
        yield extract_html(data, where=where, url=None, article_id=path.stem)
        return
    text = decode_text(data, where)
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(text, where, path.stem)
    elif suffix in JSON_SUFFIXES:
        obj = parse_json(text, where)
        items = obj if isinstance(obj, list) else [obj]
        for n, item in enumerate(items, start=1):
            default_id = path.stem if len(items) == 1 else f"{path.stem}:{n}"
            yield article_from_json(item, where, default_id)
    else:
        yield article_from_text(text, where, path.stem)


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Article | InputError]:
    """Standard input: a JSON object, JSON lines, or plain text."""
    data = decode_text((stream or sys.stdin.buffer).read(), "<stdin>")
    stripped = data.lstrip()
    if stripped.startswith("{"):
        try:
            obj = json.loads(data)
        except json.JSONDecodeError:  # not one object: JSON lines
            yield from iter_jsonl(data, "<stdin>", "stdin")
            return
        except RecursionError as exc:
            raise InputError("<stdin>: malformed JSON (nested too deeply)") from exc
        yield article_from_json(obj, "<stdin>", "stdin")
        return
    yield article_from_text(data, "<stdin>", "stdin")


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))
