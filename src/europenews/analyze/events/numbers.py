"""Number words and numerals → integers ("three" → 3, "1,200" → 1200, "twenty-one" → 21).

Vague quantities ("dozens", "scores", "several") are recognised but have no value: callers keep
the phrase and report ``None`` for the figure.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "none": 0, "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1,
    "two": 2, "both": 2, "pair": 2, "couple": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Ordinal-free words that mean "a number we cannot know exactly".
VAGUE = frozenset(
    {
        "dozens", "scores", "hundreds", "thousands", "millions", "several", "many",
        "numerous", "multiple", "some", "few", "countless", "tens",
    }
)  # fmt: skip
_NUMERAL = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


def word_value(word: str) -> int | None:
    """The integer a single token stands for, or None ("seven" → 7, "1,200" → 1200)."""
    w = word.lower().strip()
    if _NUMERAL.match(w):
        return int(w.replace(",", ""))
    if w in UNITS:
        return UNITS[w]
    if w in TENS:
        return TENS[w]
    if "-" in w:  # "twenty-one"
        head, _, tail = w.partition("-")
        if head in TENS and tail in UNITS and UNITS[tail] < 10:
            return TENS[head] + UNITS[tail]
    return None


def parse_number(words: list[str]) -> int | None:
    """The value of a run of number words ("two hundred and five" → 205), or None."""
    total, current, seen = 0, 0, False
    for raw in words:
        w = raw.lower()
        if w in ("and", "-"):
            continue
        if w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0
            seen = True
            continue
        value = word_value(w)
        if value is None:
            return None
        if current % (10 if value < 10 else 100) or (current and value >= 100):
            return None  # "twenty one" and "hundred five" fill zeros; "three four" is no number
        current += value
        seen = True
    return total + current if seen else None


def is_vague(word: str) -> bool:
    """True for quantity words with no exact value ("dozens", "scores", "several")."""
    return word.lower() in VAGUE
