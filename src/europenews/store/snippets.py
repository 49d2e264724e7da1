"""Search snippets built in Python from a bounded stretch of the text, at a fixed cost.

SQLite's FTS5 ``snippet()`` scores every match of every hit against every other, so one
stored page repeating a word thousands of times pinned a core for minutes. A snippet here
looks at the first :data:`WINDOW` characters of the text only, and stops reading once it has
:data:`MAX_MATCHES` matches to choose from, so it costs the same whatever the document holds
(and less the denser it is).

Matching follows the index closely enough to mark the right words: case and accents are
ignored, a ``word*`` term matches words starting with it, and a plain term also matches the
same word with a common English ending (the index stems with Porter: "drone" finds "drones").
Matches are marked ``[like this]``, as the web pages and the CLI expect.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

WINDOW = 10_000  # characters of the text a snippet is taken from (about 1,600 words)
WORDS = 16  # words in a snippet
MAX_MATCHES = 24  # matches considered when choosing where the snippet starts
ELLIPSIS = "…"

_WORD = re.compile(r"\w+")
_QUERY_TERM = re.compile(r'"([^"]*)"|(\S+)')
_ENDINGS = ("ing", "ed", "es", "s", "ly", "er")


@dataclass(frozen=True, slots=True)
class Term:
    """One word of a query: its folded form, and whether it is a prefix (``word*``)."""

    word: str
    prefix: bool = False

    @property
    def forms(self) -> frozenset[str]:
        return frozenset(stems(self.word))


# Letters that carry their mark in the letter itself (no combining accent to drop).
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i"})


def fold(word: str) -> str:
    """Lower case without accents ("Zelenskyy" → "zelenskyy", "Łódź" → "lodz")."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)) \
        .translate(_PLAIN_LETTERS)


def stems(word: str) -> set[str]:
    """A folded word and its forms without one common English ending ("drones" → drones,
    drone, dron): two words match when these share one."""
    out = {word}
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.add(word[:-len(ending)])
    return out


def query_terms(query: str) -> list[Term]:
    """The words a query looks for (``OR`` and punctuation left out)."""
    terms: list[Term] = []
    for phrase, word in _QUERY_TERM.findall(query):
        if word == "OR":
            continue
        prefix = bool(word) and word.endswith("*")
        words = _WORD.findall(phrase or word)
        terms.extend(Term(fold(w), prefix and i == len(words) - 1) for i, w in enumerate(words))
    return list(dict.fromkeys(terms))


class _Matcher:
    """Which query terms a text word matches, as a bit mask (the terms' forms worked out
    once; this runs for every word of the window, so it is kept lean)."""

    def __init__(self, terms: list[Term]) -> None:
        self.prefixes = [(1 << i, t.word) for i, t in enumerate(terms) if t.prefix]
        self.forms: dict[str, int] = {}
        for i, t in enumerate(terms):
            if not t.prefix:
                for form in t.forms:
                    self.forms[form] = self.forms.get(form, 0) | (1 << i)

    def __call__(self, raw: str) -> int:
        word = fold(raw)
        forms = self.forms
        found = forms.get(word, 0)
        if len(word) > 4:
            for ending in _ENDINGS:
                if word.endswith(ending):
                    found |= forms.get(word[:-len(ending)], 0)
        for bit, prefix in self.prefixes:
            if word.startswith(prefix):
                found |= bit
        return found


def matches(word: str, term: Term) -> bool:
    """Whether a text word is one the term finds."""
    return _Matcher([term])(word) != 0


def _marked(text: str, spans: list[tuple[int, int, bool]]) -> str:
    out, last = [], spans[0][0]
    for start, end, hit in spans:
        out.append(text[last:start])
        out.append(f"[{text[start:end]}]" if hit else text[start:end])
        last = end
    return "".join(out)


def make_snippet(text: str, title: str | None, query: str) -> str:
    """About :data:`WORDS` words around the best matches in the beginning of ``text`` (the
    title when only the title matches; the opening words when nothing can be marked)."""
    matcher = _Matcher(query_terms(query))
    window = text[:WINDOW]
    words: list[tuple[int, int, int]] = []
    hits: list[int] = []
    stop_at = len(window)
    for m in _WORD.finditer(window):
        if m.start() > stop_at:
            break
        words.append((m.start(), m.end(), found := matcher(m.group())))
        if found:
            hits.append(len(words) - 1)
            if len(hits) == MAX_MATCHES:  # enough to choose from: read one snippet further
                stop_at = m.end() + 40 * WORDS
    if not hits and title:
        title_words = [(m.start(), m.end(), bool(matcher(m.group())))
                       for m in _WORD.finditer(title)]
        if any(hit for _, _, hit in title_words):
            return _marked(title, title_words)
    if not words:
        return window[:200]
    first = _best_start(words, hits)
    snippet = _marked(window, [(s, e, bool(found)) for s, e, found in
                               words[first:first + WORDS]])
    if first > 0:
        snippet = ELLIPSIS + snippet
    if first + WORDS < len(words) or stop_at < len(window) or len(text) > len(window):
        snippet += ELLIPSIS
    return snippet


def _best_start(words: list[tuple[int, int, int]], hits: list[int]) -> int:
    """Where the snippet starts: the window with the most distinct terms matched (the first
    such), starting a few words before its first match."""
    best, best_score = 0, -1
    for at in hits:
        start = max(0, at - 3)
        found = 0
        for _, _, bits in words[start:start + WORDS]:
            found |= bits
        if (score := found.bit_count()) > best_score:
            best, best_score = start, score
    return best


__all__ = ["WINDOW", "make_snippet", "query_terms"]
