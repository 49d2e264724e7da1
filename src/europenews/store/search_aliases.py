"""Search for names as people write them: a query word that spells a known name is widened to
the other spellings the store has seen for it.

"Zelensky" finds articles that write "Zelenskyy" or "Zelenskiy": the word's name key
(:func:`europenews.names.word_key`) is looked up among the canonical entities (by name key,
known alias, or a person's surname), and every word of their recorded aliases with the same key
is a spelling to search for too. Only plain words are widened; a "quoted phrase", a prefix*
and the words on either side of OR are searched as written.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, select

from europenews.names import word_key
from europenews.store.entities import entity_ids_for_name
from europenews.store.schema import entities, entity_aliases

_TERM = re.compile(r'"([^"]*)"|(\S+)')
MIN_LETTERS = 4  # shorter words are too often ordinary words to be worth a lookup
MAX_WORDS = 8  # words looked up per query (each is a few indexed lookups)
MAX_ENTITIES = 20  # entities whose aliases are read per word
MAX_SPELLINGS = 6  # other spellings added per word


def expandable_words(query: str) -> list[str]:
    """The plain words of ``query`` that may be widened (see the module docstring)."""
    terms = _TERM.findall(query)
    out: list[str] = []
    for i, (phrase, word) in enumerate(terms):
        if phrase or not word or word == "OR" or word.endswith("*"):
            continue
        neighbours = [terms[j][1] for j in (i - 1, i + 1) if 0 <= j < len(terms)]
        if "OR" in neighbours:
            continue
        if len(re.sub(r"\W", "", word)) >= MIN_LETTERS and re.fullmatch(r"[\w’'-]+", word):
            out.append(word)
    return list(dict.fromkeys(out))[:MAX_WORDS]


def _alias_words(conn: Connection, entity_ids: list[int]) -> set[str]:
    names = set(conn.execute(select(entity_aliases.c.alias)
                             .where(entity_aliases.c.entity_id.in_(entity_ids))
                             .limit(50 * MAX_ENTITIES)).scalars())
    names |= set(conn.execute(select(entities.c.name)
                              .where(entities.c.id.in_(entity_ids))).scalars())
    return {w for name in names for w in re.findall(r"\w+", name)}


def name_spellings(conn: Connection, query: str) -> dict[str, tuple[str, ...]]:
    """For each widenable word of ``query`` that spells a known name, the other spellings of
    that name seen in the store (``{"Zelensky": ("Zelenskiy", "Zelenskyy")}``); words with no
    other spelling are left out."""
    out: dict[str, tuple[str, ...]] = {}
    for word in expandable_words(query):
        key = word_key(word)
        ids = entity_ids_for_name(conn, word)[:MAX_ENTITIES]
        if not key or not ids:
            continue
        spellings = {w for w in _alias_words(conn, ids)
                     if word_key(w) == key and w.casefold() != word.casefold()}
        # One spelling per case-insensitive form, the capitalised one when there is a choice
        # (later entries win: lower-case ones come first).
        unique = {w.casefold(): w for w in sorted(spellings, key=lambda w: (not w.islower(), w))}
        if unique:
            out[word] = tuple(sorted(unique.values(), key=str.casefold)[:MAX_SPELLINGS])
    return out
