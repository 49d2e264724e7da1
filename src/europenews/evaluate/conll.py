"""Read CoNLL-2003 files as documents of running text with gold entity character spans.

Recipe of ``../shared/data/ner/conll2003/README.md``: a sentence's tokens are joined with
single spaces, a document's sentences with newlines; tags are IOB1 (``B-`` only between two
adjacent entities of one type); the start of the file is a document boundary.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from europenews.errors import InputError


@dataclass(frozen=True, slots=True)
class ConllDoc:
    """One document: its running text, token character offsets and gold (start, end, type)."""

    text: str
    tokens: tuple[tuple[int, int], ...]
    gold: frozenset[tuple[int, int, str]]


def _sentences(path: Path) -> Iterator[list[tuple[str, str]] | None]:
    """Yield sentences as (token, tag) lists, and ``None`` at every document boundary."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read CoNLL file ({exc})") from exc
    sentence: list[tuple[str, str]] = []
    for line in lines:
        parts = line.split()
        if not parts:
            if sentence:
                yield sentence
                sentence = []
            continue
        if parts[0] == "-DOCSTART-":
            if sentence:
                yield sentence
                sentence = []
            yield None
            continue
        if len(parts) < 2:
            raise InputError(f"{path}: not a CoNLL-2003 line: {line!r}")
        sentence.append((parts[0], parts[-1]))
    if sentence:
        yield sentence


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, type) from IOB1 (or IOB2) tags."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if not continues and start >= 0:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, label
    return spans


def _build(sentences: list[list[tuple[str, str]]]) -> ConllDoc:
    offsets: list[tuple[int, int]] = []
    gold: set[tuple[int, int, str]] = set()
    lines: list[str] = []
    pos = 0
    for sentence in sentences:
        first = len(offsets)
        for word, _ in sentence:
            offsets.append((pos, pos + len(word)))
            pos += len(word) + 1  # one space, or the newline after the last token
        lines.append(" ".join(word for word, _ in sentence))
        # Entities never cross sentences, so spans are read sentence by sentence.
        for s, e, label in _spans([tag for _, tag in sentence]):
            gold.add((offsets[first + s][0], offsets[first + e - 1][1], label))
    return ConllDoc("\n".join(lines), tuple(offsets), frozenset(gold))


def read_conll(path: Path, limit: int | None = None) -> list[ConllDoc]:
    """The file's documents in order (at most ``limit``)."""
    docs: list[ConllDoc] = []
    current: list[list[tuple[str, str]]] = []
    for sentence in _sentences(path):
        if sentence is None:
            if current:
                docs.append(_build(current))
                current = []
        else:
            current.append(sentence)
        if limit is not None and len(docs) >= limit:
            return docs
    if current:
        docs.append(_build(current))
    if not docs:
        raise InputError(f"{path}: no CoNLL-2003 documents found")
    return docs[:limit] if limit is not None else docs
