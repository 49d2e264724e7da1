"""Number words of a language other than English, read from its lexicon's ``numbers.json``.

English keeps its own tables (``numbers.py``). A language that ships ``numbers.json`` gives its
units, tens, scales, the words that join parts ("et" in *vingt et un*), the tens that multiply
the unit before them (*quatre-vingts* = 4 × 20) and its vague quantities (*une dizaine*,
*plusieurs*: counted as unknown, the phrase kept). Numerals with thousands grouped by a space,
a no-break space or a dot (*1 200*, *1.200*) are read too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from europenews.errors import ConfigError

_DIGITS = re.compile(r"^\d+$")
_GROUPED = re.compile(r"^\d{1,3}(?:[ .\u00a0\u202f]\d{3})+$")
MAX_COUNT = 100_000  # larger "counts" are phone numbers, addresses or years


@dataclass(frozen=True, slots=True)
class NumberWords:
    """One language's number words (lower case)."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    joiners: frozenset[str]
    multiplied: frozenset[str]  # tens that multiply the unit before them ("quatre-vingts")
    vague: frozenset[str]


def read_number_words(text: str, where: str) -> NumberWords:
    """The number words in the JSON text of a ``numbers.json``."""
    try:
        raw = json.loads(text)
        return NumberWords(
            units={str(k): int(v) for k, v in raw["units"].items()},
            tens={str(k): int(v) for k, v in raw["tens"].items()},
            scales={str(k): int(v) for k, v in raw["scales"].items()},
            joiners=frozenset(str(w) for w in raw.get("joiners", [])),
            multiplied=frozenset(str(w) for w in raw.get("multiplied", [])),
            vague=frozenset(str(w) for w in raw.get("vague", [])),
        )
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{where}: malformed ({exc})") from exc


def is_number_word(word: str, numbers: NumberWords) -> bool:
    """A word that is (part of) an exact number: "trois", "vingt-deux", "1 200"."""
    w = word.lower()
    if _DIGITS.match(w) or _GROUPED.match(w):
        return True
    parts = [p for p in w.split("-") if p]
    return bool(parts) and all(
        p in numbers.units or p in numbers.tens or p in numbers.scales or p in numbers.joiners
        for p in parts
    ) and not all(p in numbers.joiners for p in parts)


def parse_words(words: Sequence[str], numbers: NumberWords) -> int | None:
    """The value of a run of number words or numerals, or None when it is no exact number
    ("vingt et un" → 21, "quatre-vingt-dix" → 90, "deux cents" → 200, "1 200" → 1200)."""
    parts: list[str] = []
    for word in words:
        w = word.lower().strip()
        if _GROUPED.match(w):
            w = re.sub(r"\D", "", w)
        parts += [p for p in w.split("-") if p] if not _DIGITS.match(w) else [w]
    # "1 200" split into two tokens: a numeral followed by groups of three digits
    if parts and all(_DIGITS.match(p) for p in parts):
        if len(parts) > 1 and not all(len(p) == 3 for p in parts[1:]):
            return None
        value = int("".join(parts))
        return value if value <= MAX_COUNT else None
    total, current, unit, seen = 0, 0, 0, False
    for p in parts:
        if p in numbers.joiners:
            continue
        if _DIGITS.match(p):
            current += int(p)
        elif p in numbers.units:
            unit = numbers.units[p]
            current += unit
            seen = True
            continue
        elif p in numbers.tens:
            if p in numbers.multiplied and 1 < unit < 10:
                current += unit * (numbers.tens[p] - 1)  # quatre-vingts: four twenties
            else:
                current += numbers.tens[p]
        elif p in numbers.scales:
            current = max(current, 1) * numbers.scales[p]
            if numbers.scales[p] >= 1000:
                total, current = total + current, 0
        else:
            return None
        unit, seen = 0, True
    value = total + current
    return value if seen and value <= MAX_COUNT else None


def is_vague_word(word: str, numbers: NumberWords) -> bool:
    """A quantity with no exact value ("dizaine", "plusieurs", "centaines")."""
    return word.lower() in numbers.vague
