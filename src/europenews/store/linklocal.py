"""What linking knows about one article entity (``store/linking.py``): its keys.

An article entity is linked by its *name* keys (links on its own) and *short* keys (links only
with shared context); an entity named in an article neither English nor French is keyed on its
name's cross-language form (``store/crosslang``), and takes the type the gazetteers give its
name (``store/crosstypes``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from europenews.model import Entity
from europenews.names import (
    core_key,
    initials_of,
    name_key,
    name_shorts,
    nicknamed,
    person_words,
    surname_of,
)
from europenews.store.crosslang import (
    OWN_KEYS,
    across_languages,
    foreign_shorts,
    institution_shorts,
    known_place,
    stem_keys,
)
from europenews.store.crosstypes import gazetteer_type
from europenews.store.namehold import generic_name
from europenews.store.namekeys import inverted_key, joined_key


@dataclass(frozen=True, slots=True)
class Local:
    """What linking knows about one article entity."""

    entity: Entity
    key: str  # name key of its name (persons: without "Jr.")
    names: frozenset[str]  # keys that name it on their own
    shorts: frozenset[str]  # keys that name it only with context
    foreign: bool = False  # named in a language other than English and French
    shown: str | None = None  # the name a new entity is shown by, when not the entity's own
    nicknames: frozenset[str] = frozenset()  # nicknames written inside the name ("The Jaw")

    @property
    def is_person(self) -> bool:
        return self.entity.type == "person"

    @property
    def generic(self) -> bool:
        """An organisation named by a kind of body only ("Sheriff's Office", "EMS"): it never
        links across articles (``namehold.generic_name``)."""
        return self.entity.type == "organization" and generic_name(self.key)

    @property
    def single(self) -> bool:
        """A one-word name: a surname, a first name, an acronym or a club's short name."""
        return len(self.key.split()) == 1

    @property
    def twin(self) -> tuple[str, str] | None:
        """What makes two new entities of one article one (*Madryt*, *Madrytu*): their type
        and key; none for a surname alone or a generic body."""
        return None if self.generic or (self.is_person and self.single) else (
            self.entity.type, self.key)


def keys_looked_up(locals_: Iterable[Local]) -> dict[str, set[str]]:
    """The stored keys linking's first pass looks up for these article entities, by type
    (read at once: ``keyrows.read_key_rows``)."""
    wanted: dict[str, set[str]] = {}
    for local in locals_:
        if local.is_person:  # and its full names (``entitymerge.same_thing``)
            wanted.setdefault("person", set()).update({local.key, *local.nicknames,
                                                       *local.names})
        elif not local.generic:
            wanted.setdefault(local.entity.type, set()).update(local.names | local.shorts)
    return wanted


def person_key(text: str) -> str:
    return " ".join(person_words(name_key(text)))


def name_like(e: Entity, key: str) -> list[str]:
    """Mention texts that spell the entity's name (not "he" or "the president")."""
    words = set(key.split())
    out = []
    for m in e.mentions:
        if m.kind is not None:
            continue  # a pronoun or a description ("She", "CEO") is no spelling
        mkey = name_key(m.text)
        if mkey and m.text[:1].isupper() and set(mkey.split()) <= words:
            out.append(m.text)
        elif m.text.isupper() and len(m.text) > 1 and mkey == initials_of(key):
            out.append(m.text)  # "BGO" beside "Baltic Grid Operators"
    return out


def local_entity(e: Entity) -> Local | None:
    """The keys one article entity is linked by (None when its name has no letters)."""
    if e.type == "person":
        nick = nicknamed(e.name)  # keyed by the name: Carmine "The Jaw" Falcone is Carmine Falcone
        key = person_key(nick[0] if nick else e.name)
        if not key:
            return None
        names = {k for k in (person_key(t) for t in name_like(e, key)) if len(k.split()) > 1}
        if len(key.split()) > 1:
            names.add(key)
        # A nickname of two words or more names the person on its own ("The Jaw").
        nicknames = {k for m in e.mentions if m.kind is None and (nick := nicknamed(m.text))
                     and len((k := name_key(nick[1])).split()) > 1}
        return Local(e, key, frozenset(names | nicknames), frozenset({surname_of(key)}),
                     nicknames=frozenset(nicknames))
    key = core_key(name_key(e.name))
    if not key:
        return None
    names = {key, name_key(e.name)} | {core_key(name_key(t)) for t in name_like(e, key)}
    names |= {v for k in names if len(k.split()) > 1
              for v in (joined_key(k), inverted_key(k))} - {""}
    shorts = name_shorts(key)
    if len(key.split()) > 1 and e.type == "organization":
        shorts.add(key.split()[-1])  # "Falcons" for "Brandvik Falcons"
    return Local(e, key, frozenset(names), frozenset(shorts - {""}))


def local_across_languages(e: Entity, language: str | None,
                           country: str | None = None) -> Local | None:
    """:func:`local_entity` keyed on the name's cross-language form (``store/crosslang``), of
    the type the gazetteers give the name (``store/crosstypes``: a demonym is its country)."""
    e, people_of = gazetteer_type(e, language)
    keyed = (across_languages(e, language, country) if people_of is None
             else replace(e, name=people_of, mentions=()))
    local = local_entity(keyed)
    if local is None:
        return None
    return replace(local, entity=e, names=local.names | stem_keys(e, language),
                   shorts=(institution_shorts(e, language)
                           or foreign_shorts(local.shorts, local.key, e.type, language)),
                   foreign=language not in OWN_KEYS and language is not None,
                   # A known city or country is shown by its English name, whatever case it
                   # came in; the name as written stays an alias.
                   shown=people_of or (known_place(e.name, language) if e.type == "place"
                                       else None))
