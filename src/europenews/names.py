"""Name keys: compare people's and organisations' names across spellings.

Pure functions shared by in-article canonicalisation (analyze) and cross-article linking
(the store's entity table), so both agree on when two spellings are one name.
"""

from __future__ import annotations

import re
import unicodedata

# Transliteration variants of Slavic surnames: Zelenskyy / Zelensky / Zelenskiy / Zelenskyi,
# Kyiv / Kiev-style vowel pairs, Kharkiv / Charkiw, Olexandr / Oleksandr.
_ENDINGS = re.compile(r"(?:yy|iy|yi|ij|ii|yj)$")
_FOLDS = (
    (re.compile(r"kh|ch(?=[aeiouy])"), "h"),
    (re.compile(r"ck|ks|x"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"j"), "y"),
    (re.compile(r"(.)\1+"), r"\1"),
)
_WORDS = re.compile(r"[\w’'-]+")


def strip_accents(text: str) -> str:
    """'Zelenskyy' stays; 'Rutté' → 'Rutte'."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_key(word: str) -> str:
    """A spelling-tolerant key for one word of a name."""
    w = strip_accents(word).lower().strip(".'’")
    if w.endswith(("’s", "'s")):
        w = w[:-2]
    w = _ENDINGS.sub("y", w)
    for pattern, repl in _FOLDS:
        w = pattern.sub(repl, w)
    return w


def name_key(name: str) -> str:
    """A spelling-tolerant key for a whole name: 'Volodymyr Zelenskyy' == 'Volodymyr Zelensky'."""
    return " ".join(word_key(w) for w in _WORDS.findall(name) if w)
