"""Name keys that say two spellings may be one name, for ``store/linking.py`` (pure functions)."""

from __future__ import annotations

import functools
from importlib import resources

from europenews.names import inverted_key as inverted_key  # linklocal, tests
from europenews.names import name_key, person_words, run_on_name, spelt_alike, word_key
from europenews.translit import CASE_ENDINGS, MIN_STEM

# Kinds of ``entity_keys`` rows: a *name* key links on its own, a *short* one (surname, initials,
# last word) only with context, a *sound* one is a person's surname as ``names.sound_key``
# writes it, for names written in another language (``store/soundlink.py``), a *nick* one a
# nickname the person was written with inside the full name (``keyrows.nickname_holders``).
NAME, SHORT, SOUND, NICK = "name", "short", "sound", "nick"

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


@functools.cache
def _short_forms() -> frozenset[tuple[str, str]]:
    """(short form, full first name) pairs of ``data/nicknames.tsv``, as name keys."""
    text = resources.files("europenews.store").joinpath("data/nicknames.tsv").read_text(
        encoding="utf-8")
    pairs = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            short, *full = line.split("\t")
            pairs |= {(word_key(short.strip()), word_key(f.strip())) for f in full if f.strip()}
    return frozenset(pairs)


def first_nickname(a: str, b: str) -> bool:
    """Full names with one surname whose first names are a short form and the name it is
    short for ("mo dorsey" / "maurice dorsey", "bill tarrant" / "william tarrant"): one
    person or two of a family, so a link only with shared context."""
    wa, wb = person_words(a), person_words(b)
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1] or wa[0] == wb[0]:
        return False
    pairs = _short_forms()
    return (wa[0], wb[0]) in pairs or (wb[0], wa[0]) in pairs


def declined(word: str, base: str) -> bool:
    """Whether ``word`` is ``base`` with a case ending of a declining language (*ryanairu*,
    *ryanaira* / *ryanair*; ``translit.CASE_ENDINGS``), the base of MIN_STEM letters or more."""
    return (len(base) >= MIN_STEM and word.startswith(base)
            and word[len(base):] in CASE_ENDINGS)


def better_name(old: str, new: str, type_: str) -> bool:
    """Whether ``new`` is the more complete name ("Barack Obama" over "Obama"; "George W.
    Bush" over "W. Bush"; a name over its initials); never a run-on over a headline verb,
    which any clean name replaces."""
    if run_on_name(old) != run_on_name(new):
        return run_on_name(old)

    def words(name: str) -> list[str]:
        key = name_key(name)
        return person_words(key) if type_ == "person" else key.split()

    old_w, new_w = words(old), words(new)
    if len(new_w) != len(old_w):
        return len(new_w) > len(old_w)
    if old_w and new_w and old_w[:-1] == new_w[:-1] and declined(old_w[-1], new_w[-1]):
        return True  # "Ryanairu" named first: "Ryanair" is the name's own form
    return len(old_w[0]) == 1 < len(new_w[0]) if old_w and new_w else False
