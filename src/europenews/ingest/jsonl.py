"""JSON lines: the one reader of ``.jsonl`` data (article files, evaluation sets, ``cluster``).

:func:`parse_jsonl` turns lines into objects, naming the line of every problem; a caller that
reads articles reports a bad line and goes on, a caller that scores a data set stops at it
(:func:`read_jsonl`). Lines end at ``\\n``, ``\\r\\n`` or ``\\r``, as a file opened in text mode
reads them, so a JSON string that holds a raw U+2028 stays on its line.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from europenews.errors import InputError

JsonObject = dict[str, Any]


def parse_json(text: str, where: str) -> Any:
    """The JSON value in ``text``; an InputError naming ``where`` when it is malformed or
    nested too deeply to read (``[[[...]]]`` thousands deep exhausts Python's recursion
    limit: one hostile document must fail alone, not end the batch it came in)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: malformed JSON ({exc.msg}, line {exc.lineno})") from exc
    except RecursionError as exc:
        raise InputError(f"{where}: malformed JSON (nested too deeply)") from exc


def parse_jsonl(lines: Iterable[str], where: str) -> Iterator[tuple[int, JsonObject] | InputError]:
    """Each non-blank line as ``(line number, object)``, or an InputError naming
    ``where:line`` when the line is not JSON or not a JSON object; in order."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}:{number}: malformed JSON ({exc.msg})")
            continue
        except RecursionError:
            yield InputError(f"{where}:{number}: malformed JSON (nested too deeply)")
            continue
        if not isinstance(value, dict):
            yield InputError(f"{where}:{number}: not a JSON object")
            continue
        yield number, value


def text_lines(text: str) -> Iterator[str]:
    """The lines of text in memory, split as a file in text mode splits them."""
    return iter(io.StringIO(text, newline=None))


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[JsonObject]:
    """The objects of a ``.jsonl`` (or ``.jsonl.gz``) file, streamed, up to ``limit``; the
    first bad line raises an InputError (a data set with a broken line is not scored)."""
    if limit is not None and limit <= 0:
        return
    count = 0
    try:
        with _open_text(path) as handle:
            for item in parse_jsonl(handle, str(path)):
                if isinstance(item, InputError):
                    raise item
                yield item[1]
                count += 1
                if count == limit:  # stop before reading on: what follows is not looked at
                    return
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc


def _open_text(path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")
