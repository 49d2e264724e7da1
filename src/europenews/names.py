"""Name keys: compare people's and organisations' names across spellings.

Pure functions shared by in-article canonicalisation (analyze) and cross-article linking
(the store's entity table), so both agree on when two spellings are one name.
"""

from __future__ import annotations

import re
import unicodedata

# Transliteration variants of Slavic surnames: Zelenskyy / Zelensky / Zelenskiy / Zelenskyi.
_ENDINGS = ((r"(?:yy|iy|yi|ij|ii)$", "y"),)
_FOLD = ((r"kh", "h"), (r"ck", "k"), (r"ph", "f"), (r"w", "v"), (r"j", "y"), (r"(.)\1+", r"\1"))


def strip_accents(text: str) -> str:
    """'Zelenskyy' stays; 'Rutté' → 'Rutte'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_key(word: str) -> str:
    """A spelling-tolerant key for one word of a name."""
    w = strip_accents(word).lower().strip(".'’")
    for pattern, repl in _ENDINGS:
        w = re.sub(pattern, repl, w)
    for pattern, repl in _FOLD:
        w = re.sub(pattern, repl, w)
    return w


def name_key(name: str) -> str:
    """A spelling-tolerant key for a whole name: 'Volodymyr Zelenskyy' == 'Volodymyr Zelensky'."""
    words = re.findall(r"[\w’'-]+", name)
    return " ".join(word_key(w) for w in words if w)
