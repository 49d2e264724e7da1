"""People by other spellings of their surname: misspelt by a letter, or written in another
language.

A person named in another language is linked to the store's people by the sound of the name.

An article in Polish, German or Russian writes a person the store knows from English in its
own spelling and declines it: *Wołodymyra Zełenskiego*, *Wolodymyr Selenskyj*, *Асию Биби*.
Every person keeps a *sound* key, its surname as :func:`names.sound_key` writes it
(*Selenskyj*, *Zełenski*, *Zelenskyy* → ``selenski``), and a person named in a language other
than English or French finds the people whose surname sounds alike up to a case ending
(:func:`names.inflected_alike`: ``ionsona`` ~ ``ionson``, ``bibiova`` ~ ``bibi``). A full name
whose first name agrees too (declined, spelt otherwise or an initial) links on its own; a
surname alone, or a person the store knows by a surname alone, still needs shared context.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, bindparam, func, or_, select

from europenews.names import (
    consonants,
    first_names_agree,
    inflected_alike,
    person_words,
    sound_key,
    spelt_alike,
)
from europenews.store import linkrows
from europenews.store.namekeys import NAME, SHORT, SOUND
from europenews.store.schema import entities, entity_keys
from europenews.translit import stem_word

# A sound key shorter than this says too little to look up by its beginning.
MIN_SOUND = 4
# First names decline on shorter stems (Asia / Asii / Asię, Ivan / Ivana).
MIN_FIRST_STEM = 3


def surname_sound(key: str) -> str:
    """The sound key of a person's name key's surname ('' for an empty key)."""
    words = person_words(key)
    return sound_key(words[-1]) if words else ""


def _first_agree(a: str, b: str) -> bool:
    return first_names_agree(a, b) or inflected_alike(sound_key(a), sound_key(b), MIN_FIRST_STEM)


# "c" is "k" before a back vowel or a consonant as English spells a name (Corbyn / Корбин);
# before e, i and y it is the ts or s sound Slavic languages write with it.
_HARD_C = re.compile(r"c(?![eiy])")
# A surname of fewer consonants than this says too little to be matched without its vowels.
MIN_SKELETON = 3


def skeleton(word: str) -> str:
    """One name word's first letter and consonants as it sounds, case ending cut ('' when it
    is too short to say): *Johnson*, *Джонсън*, *Johnsonem*, *Джонсона* → ``~insn``; *Jacobs*,
    *Джейкобс* → ``~ikbs``. Transliterations from English sounds write the vowels most
    differently (Bulgarian *ъ* for an unstressed *o*, Russian *ей* for *ay*)."""
    bones = consonants(sound_key(_HARD_C.sub("k", stem_word(word))))
    return "~" + bones if len(bones) >= MIN_SKELETON else ""


def surname_skeleton(key: str) -> str:
    """The skeleton of a person's name key's surname ('' for an empty or short one)."""
    words = person_words(key)
    return skeleton(words[-1]) if words else ""


# A surname this short (as its sound key) has too few letters for the keys above: *May*, *Мей*.
MAX_SHORT_SURNAME = 4
# Czech gives a woman's foreign surname its feminine ending (May → Mayová, Mayovou, Mayové).
_FEMININE = re.compile(r"ov(?:a|e|ou|ej|y)$")


def short_surname_key(key: str) -> str:
    """The key of a full name whose surname is short (``MAX_SHORT_SURNAME`` letters of sound or
    fewer, a Czech feminine ending cut): the first name's skeleton, the surname's consonants
    and its length (*Theresa May*, *Тереза Мэй*, *Theresu Mayovou* → ``~~trs|m3``). '' for a
    surname alone, a long surname or a first name too short for a skeleton."""
    words = person_words(key)
    if len(words) < 2:
        return ""
    first = skeleton(words[0])
    surname = sound_key(_FEMININE.sub("", words[-1]) if len(words[-1]) > 5 else words[-1])
    if not first or not surname or len(surname) > MAX_SHORT_SURNAME:
        return ""
    return f"~{first}|{consonants(surname)}{len(surname)}"


def sound_keys(key: str) -> set[str]:
    """The sound keys a person is stored with: its surname's sound and skeleton, and for a
    short surname the full name's key (:func:`short_surname_key`)."""
    return {k for k in (surname_sound(key), surname_skeleton(key), short_surname_key(key))
            if k}


def _skeletons_agree(words: list[str], known: list[str]) -> bool:
    """Two full names with the same first-name and surname skeletons (Kenny Jacobs /
    Кенни Джейкобс); first names without one (too short) must agree otherwise."""
    first, other = skeleton(words[0]), skeleton(known[0])
    if not (first and other):
        return _first_agree(words[0], known[0])
    return first == other and skeleton(words[-1]) == skeleton(known[-1])


def sound_candidates(conn: Connection, key: str) -> tuple[set[int], set[int]]:
    """People a person's name key (written in another language) may be: (by name, only with
    context)."""
    words = person_words(key)
    surname = surname_sound(key)
    # A name is also looked up by its surname's skeleton (Джонсън ~ Johnson), in the same
    # query; a surname alone found so links only on shared context, as any surname alone.
    bones = surname_skeleton(key)
    strong, weak = _short_surname_candidates(conn, key), set[int]()
    if len(surname) >= MIN_SOUND or bones:
        strong, weak = _sound_candidates(conn, words, surname, bones)
        strong |= _short_surname_candidates(conn, key)
    return strong, weak - strong


def _short_surname_candidates(conn: Connection, key: str) -> set[int]:
    """People with the same short-surname key (Theresa May / Тереза Мэй): both names agree
    as far as they can say, so they link on their own."""
    short = short_surname_key(key)
    if not short:
        return set()
    return {int(e) for e in conn.execute(select(entity_keys.c.entity_id).where(
        entity_keys.c.kind == SOUND, entity_keys.c.key == short)).scalars()}


def _sound_candidates(conn: Connection, words: list[str], surname: str,
                      bones: str) -> tuple[set[int], set[int]]:
    # Keys that begin as this one does (an index range, not a scan of every person), and the
    # skeleton itself.
    wanted = [entity_keys.c.key == bones] if bones else []
    if len(surname) >= MIN_SOUND:
        wanted.append(_with_prefix(surname[:MIN_SOUND]))
    rows = conn.execute(select(entity_keys.c.entity_id, entity_keys.c.key).where(
        entity_keys.c.kind == SOUND, or_(*wanted))).all()
    ids = {int(r.entity_id) for r in rows
           if not r.key.startswith("~") and len(surname) >= MIN_SOUND
           and inflected_alike(surname, r.key)}
    by_bones = {int(r.entity_id) for r in rows if bones and r.key == bones}
    if len(words) < 2:
        return set(), ids | by_bones
    if not ids and not by_bones:
        return set(), set()
    full, strong = set(), set()
    for r in conn.execute(select(entity_keys.c.entity_id, entity_keys.c.key).where(
            entity_keys.c.entity_id.in_(sorted(ids | by_bones)), entity_keys.c.kind == NAME)):
        known = person_words(r.key)
        if len(known) < 2:
            continue
        full.add(int(r.entity_id))
        if (inflected_alike(surname, sound_key(known[-1]))
                and _first_agree(words[0], known[0])) or (
                int(r.entity_id) in by_bones and _skeletons_agree(words, known)):
            strong.add(int(r.entity_id))
    return strong, ids - full


def _with_prefix(prefix: str) -> Any:
    """Keys that begin with ``prefix``, as an index range."""
    return (entity_keys.c.key >= prefix) & (entity_keys.c.key < _next_prefix(prefix))


def _next_prefix(prefix: str) -> str:
    """The first string after every string that begins with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


# Built once with bound parameters (built per name, it cost more than running it, issue 19).
_NEAR_SURNAMES = (
    select(entity_keys.c.entity_id, entity_keys.c.key)
    .where(entity_keys.c.kind == SHORT,
           # The first two letters as an index range (keys are lower case), and the type
           # checked per key found: a LIKE joined to the persons read every person in the
           # store for each name (issue 19).
           entity_keys.c.key >= bindparam("lo"), entity_keys.c.key < bindparam("hi"),
           func.length(entity_keys.c.key).between(bindparam("shortest"), bindparam("longest")),
           select(entities.c.id).where(entities.c.id == entity_keys.c.entity_id,
                                       entities.c.type == "person").exists()))


def _near_surnames(conn: Connection, surname: str) -> list[tuple[int, str]]:
    """(entity id, key) of the persons' short keys that begin with the surname's first two
    letters and are at most a letter longer or shorter (kept while linking holds its reads:
    an article names a surname again and again)."""
    params = {"lo": surname[:2], "hi": _next_prefix(surname[:2]),
              "shortest": len(surname) - 1, "longest": len(surname) + 1}
    return linkrows.held(conn, ("near surnames", surname), lambda: [
        (int(r.entity_id), str(r.key)) for r in conn.execute(_NEAR_SURNAMES, params)])


def misspelt_candidates(conn: Connection, key: str) -> set[int]:
    """Persons whose surname differs from this one by a letter (Halm / Halme, Wojcikowski /
    Wojcikowksi), with the same first name when both have one."""
    words = key.split()
    surname = words[-1]
    if len(surname) < 4:
        return set()
    found = set()
    for entity_id, known in _near_surnames(conn, surname):
        if known == surname or not spelt_alike(known, surname, min_length=4):
            continue
        if len(words) > 1 and not any(
                len(k.split()) > 1 and first_names_agree(k.split()[0], words[0])
                for k in linkrows.keys_of_kind(conn, entity_id, NAME)):
            continue
        found.add(entity_id)
    return found
