"""Which stored organisation or place a name of several words may join on context alone
(``store/linking.py`` asks this of every candidate found by a short form), and which
organisation names name a kind of body rather than one body (they never link across
articles)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources

from sqlalchemy.engine import Connection

from europenews.names import FACILITY_WORDS, FUNCTION_WORDS, core_key, name_key, word_key
from europenews.store import entitywrites, linkrows
from europenews.store.namekeys import NAME


def _core_words(key: str) -> set[str]:
    """The words that tell one body from another: no function words, no facility words
    ("Betty Ford Center" and "Betty Ford Clinic" are both "betty ford"), plurals folded."""
    words = (w[:-1] if len(w) > 3 and w.endswith("s") else w for w in key.split())
    return {w for w in words if w not in FUNCTION_WORDS and w not in FACILITY_WORDS}


@functools.cache
def _generic_bodies() -> tuple[frozenset[str], frozenset[str]]:
    """``data/generic_bodies.txt``: its generic words (with the facility words), and the names
    made of such words that still name one body ("State Department": the US foreign ministry,
    not any state's department; the file's ``=`` lines)."""
    text = resources.files("europenews.store").joinpath("data/generic_bodies.txt").read_text(
        encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    words = frozenset(word_key(w) for w in lines if w and not w.startswith(("#", "=")))
    one_body = frozenset(core_key(name_key(w[1:].strip())) for w in lines if w.startswith("="))
    return words | FACILITY_WORDS, one_body


def generic_name(key: str) -> bool:
    """Whether an organisation's name key is made only of the words every town's or state's
    bodies are named with ("sherif ofice", "police department", "ems", "state police"): such a
    name says which kind of body, not which one, so linking it by name across articles chained
    every sheriff's office of the country into one entity, which then took one specific office's
    name on context. A name with one telling word ("Osceola County Sheriff's Office", "U.S.
    Navy") is not generic."""
    generic, one_body = _generic_bodies()
    if key in one_body:
        return False
    words = [w for w in key.split() if w not in FUNCTION_WORDS]
    return bool(words) and all(w in generic or (w.endswith("s") and w[:-1] in generic)
                               for w in words)


def full_names_hold(keys: Iterable[str]) -> bool:
    """Whether full names of several words may all name one body: each one's telling words
    hold or are held by every other's ("Interior Department" / "Department of Interior"), not
    "Memphis Police Department" / "Milwaukee Police Department"."""
    cores = [_core_words(k) for k in keys if len(k.split()) > 1]
    return all(a <= b or b <= a for a in cores for b in cores)


def names_agree(conn: Connection, key: str, candidate: int) -> bool:
    """A name of several words may join a stored entity on context only when one of that
    entity's own names holds all its telling words or is held by them ("Bellevue Hospital" /
    "Bellevue Hospital Center", "Falcons" / "Brandvik Falcons"), and none of the full names the
    entity is already known by is another body's ("Osceola County Sheriff's Office" does not
    join a "Sheriff's Office" that already holds "Pasco County Sheriff's Office", nor "West
    Adams Street" a "West" that holds "West 21st Street"). Two full
    names that share only a head word or a tail ("Mercy Hospital" / "Reid Hospital", "Detroit
    Free Press" / "Associated Press") are two bodies, whatever else their articles share:
    context links between them had chained a hundred hospitals, police departments and
    newspapers into single entities."""
    mine = _core_words(key)

    def holds(theirs: set[str]) -> bool:
        return mine <= theirs or theirs <= mine

    if not any(holds(_core_words(k)) for k in linkrows.keys_of_kind(conn, candidate, NAME)):
        return False
    known = (_core_words(core_key(name_key(a))) for a in entitywrites.aliases_of(conn, candidate))
    return all(holds(k) for k in known if len(k) > 1)
