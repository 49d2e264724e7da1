"""Name keys that say two spellings may be one name, for ``store/linking.py`` (pure functions)."""

from __future__ import annotations

from europenews.names import person_words, spelt_alike

# Kinds of ``entity_keys`` rows: a *name* key links on its own, a *short* one (surname, initials,
# last word) only with context, a *sound* one is a person's surname as ``names.sound_key``
# writes it, for names written in another language (``store/soundlink.py``).
NAME, SHORT, SOUND = "name", "short", "sound"

# A name written as one word or two ("SeaMicro" / "Sea Micro") is one name when the joined
# word is this long; shorter joins ("U S" → "us") collide with other names.
JOINED_MIN = 6


def joined_key(key: str) -> str:
    """The key of a name written as one word ("sea micro" → "seamicro"), or "" when the
    words are too short for that to say anything (initials: "u s")."""
    words = key.split()
    if not words or min(len(w) for w in words) < 2 or sum(map(len, words)) < JOINED_MIN:
        return ""
    return "".join(words)


def first_misspelt(a: str, b: str) -> bool:
    """Full names with one surname whose first names differ by a letter ("malcom dorsey" /
    "malcolm dorsey"; long first names only: "jill" and "joe" are two people)."""
    wa, wb = person_words(a), person_words(b)
    return (len(wa) > 1 and len(wb) > 1 and wa[-1] == wb[-1] and wa[0] != wb[0]
            and spelt_alike(wa[0], wb[0], min_length=5))
