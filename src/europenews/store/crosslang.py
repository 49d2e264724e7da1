"""One entity across languages (issue #22, part B): a name's key from its Latin, lemmatised form.

An entity named in an article that is not in English or French is keyed, for linking, by its
name rewritten word by word: the lemma (``simplemma``: *Zełenskiego* → *Zełenski*, *Niemczech*
→ *Niemcy*), Cyrillic transliterated with one scheme and diacritics folded (*Зеленський* →
*zelenskiy*; ``europenews/translit.py``), a Slavic surname's *-ski*/*-cki* written *-sky*/
*-cky* as English spells it; a place whose name CLDR lists as a country or territory in any of
the languages takes its English CLDR name (*Niemcy* = *Deutschland* = *Germany*). The keys of
``europenews.names`` then do the rest (Zelensky = Zelenskiy). The entity keeps the name and
aliases it was written with; only its keys change.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

import babel
import simplemma

from europenews.model import Entity
from europenews.names import core_key, name_key, sound_key, word_key
from europenews.store.bodies import body_of
from europenews.translit import LEMMA_LANGUAGES, fold

# Languages whose entities keep their own keys: English is the store's language, French has its
# own pipeline and lexicons (its names are mostly written as in English already).
OWN_KEYS = frozenset({"en", "fr"})
# CLDR locales whose country and territory names map to the English one.
CLDR_LANGUAGES = ("bg", "cs", "de", "es", "hr", "it", "nl", "pl", "pt", "ru", "sk", "sl", "sr",
                  "uk", "be", "ro", "hu", "sv", "da", "fi", "el", "lt", "lv", "et")
_SLAVIC_SURNAME = re.compile(r"(?<=[sc]k)i$")
_WORD = re.compile(r"[\w’'-]+")
# Case endings of Slavic nouns (after folding), longest first: a foreign name the lemmatiser
# does not know is declined all the same (Ryanaira, Ryanairu, Islamabadem, Bibiove).
_CASE_ENDINGS = ("ovi", "ove", "ova", "iho", "ego", "emu", "ami", "ach", "iej", "ej", "om", "em",
                 "ho", "ie", "a", "u", "e", "y", "i")
MIN_STEM = 4


@functools.cache
def _territories() -> tuple[tuple[str, str, str], ...]:
    """(language, name in it, English name) of every CLDR territory in ``CLDR_LANGUAGES``."""
    english = babel.Locale("en").territories
    return tuple((code, name, english[territory]) for code in CLDR_LANGUAGES
                 for territory, name in babel.Locale.parse(code).territories.items()
                 if territory in english)


@functools.cache
def _plain_territories() -> dict[str, str]:
    out: dict[str, str] = {}
    for _, name, english in _territories():
        out.setdefault(fold(name), english)
    return out


@functools.cache
def territory_names(language: str) -> dict[str, str]:
    """Folded country/territory name in any of ``CLDR_LANGUAGES`` → its English CLDR name;
    ``language``'s names also as their words' lemmas, the form an inflected name lemmatises
    to (*Niemczech* → *Niemcy*, *Republiki Czeskiej* → *republika czeski*)."""
    out = dict(_plain_territories())
    english = babel.Locale("en").territories
    if language in CLDR_LANGUAGES:
        for territory, name in babel.Locale.parse(language).territories.items():
            if territory in english:
                out.setdefault(fold(" ".join(_lemmas(_WORD.findall(name), language))),
                               english[territory])
    return out


@functools.cache
def _stem_territories() -> dict[str, str]:
    """Country/territory names in any of ``CLDR_LANGUAGES`` with each word's case ending cut
    → the English name, for the forms the lemmatiser does not bring back (*Wielkiej Brytanii*,
    *Velké Británii* ~ *Velká Británie*); a stemmed name two territories share names neither."""
    found: dict[str, set[str]] = {}
    for code, name, english in _territories():
        found.setdefault(_stem_words(fold(name, code)), set()).add(english)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _stem_words(folded: str) -> str:
    return " ".join(_stem(w) for w in _WORD.findall(folded))


def _lemmas(words: list[str], language: str, person: bool = False) -> list[str]:
    """Each word's lemma; for a person's name only a lemma that cuts an ending off the word
    (*Zełenskiego* → *Zełenski*): the lemmatiser takes foreign names for common words and
    rewrites their stems (Bulgarian *Биби* → *Биба*), and linking matches declined names
    itself (``names.inflected_alike``)."""
    if language not in LEMMA_LANGUAGES:
        return words
    lemmas = [simplemma.lemmatize(w, lang=language) for w in words]
    if person:
        return [lemma if w.casefold().startswith(lemma.casefold()) else w
                for w, lemma in zip(words, lemmas, strict=True)]
    return lemmas


# Cached: linking asks for the same names again and again (an entity's keys, then its stem
# keys; the same country in every article of a language), and lemmatising is the cost.
@functools.lru_cache(maxsize=65536)
def latin_form(text: str, language: str | None, place: bool = False,
               person: bool = False) -> str:
    """``text`` lemmatised word by word, in Latin letters without diacritics (Title Case)."""
    if language is None or language in OWN_KEYS:
        return text
    if not person:
        body = body_of(text, language)
        if body is not None:
            return body
    words = _lemmas(_WORD.findall(text), language, person)
    if place:
        territories = territory_names(language)
        whole = (territories.get(fold(" ".join(words))) or territories.get(fold(text))
                 or _stem_territories().get(_stem_words(fold(text, language))))
        if whole is not None:
            return whole
    return " ".join(_SLAVIC_SURNAME.sub("y", fold(w, language)).replace("dzh", "j").title()
                    for w in words)


def across_languages(entity: Entity, language: str | None) -> Entity:
    """The entity with its name and mentions in their cross-language form, for keying only."""
    if language is None or language in OWN_KEYS:
        return entity
    place, person = entity.type == "place", entity.type == "person"
    mentions = tuple(replace(m, text=latin_form(m.text, language, place, person))
                     if m.text[:1].isupper() else m for m in entity.mentions)
    return replace(entity, name=latin_form(entity.name, language, place, person),
                   mentions=mentions)


def _stem(word: str) -> str:
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[:-len(ending)]
    return word


def stem_keys(entity: Entity, language: str | None) -> frozenset[str]:
    """Extra name keys of an organisation or a place in a Slavic-style declining language: its
    name and mentions with each word's case ending cut (*Ryanaira*, *Ryanairu* → *ryanair*).
    Added beside the full keys, so the undeclined name still meets them; none for people
    (their surname key is one, and "-a" ends many first names and surnames)."""
    if language is None or language in OWN_KEYS or entity.type not in ("organization", "place"):
        return frozenset()
    place = entity.type == "place"
    texts = [entity.name, *(m.text for m in entity.mentions if m.text[:1].isupper())]
    out = set()
    for text in texts:
        words = latin_form(text, language, place).casefold().split()
        out.add(core_key(name_key(" ".join(_stem(w) for w in words))))
    return frozenset(k for k in out if k)


@functools.cache
def _country_keys() -> frozenset[str]:
    """Name keys of every country and territory as CLDR writes it in English and in
    ``CLDR_LANGUAGES`` (also Latin-folded): *pakistan*, *niemcy*, *germany*."""
    names = set(babel.Locale("en").territories.values())
    names.update(fold(name, code) for code, name, _ in _territories())
    return frozenset(core_key(name_key(n)) for n in names)


def foreign_shorts(shorts: frozenset[str], key: str, type_: str,
                   language: str | None) -> frozenset[str]:
    """An organisation's short keys (links with context) in a language other than English and
    French, without those that say nothing of which organisation it is: a country's name
    (*Верховный суд Пакистана* and *Tehreek-e-Labbaik Pakistan* both end in *Pakistan*, and
    one article about Pakistan is context for both), and the last word of a longer name (the
    English short form of "Brandvik Falcons"; in these languages a name's last word is most
    often its kind: *Airways*, *Najwyższy*, *unie*)."""
    if language is None or language in OWN_KEYS or type_ not in ("organization", "place"):
        return shorts
    words = key.split()
    if type_ == "place":
        bones = skeleton(words[0]) if len(words) == 1 else ""
        return shorts | {bones} if bones else shorts
    last = words[-1] if len(words) > 1 else ""
    return frozenset(s for s in shorts if s not in _country_keys() and s != last)


_VOWELS = re.compile(r"[aeiouy]")
# Fewer consonants than this say too little (Ryanair → "rnr" would meet many names).
MIN_BONES = 4


def skeleton(word: str) -> str:
    """A one-word name's consonants as it sounds, case ending cut, marked with a leading "~"
    (*Londyn*, *London* → ``~lndn``; *Пенджаб*, *Pendżab*, *Paňdžáb* → ``~pndsb``): the vowels
    are what transliterations and languages most often write otherwise. '' when it is short."""
    sound = sound_key(_stem(word_key(word)))
    bones = sound[:1] + _VOWELS.sub("", sound[1:])
    consonants = len(_VOWELS.sub("", bones))
    return "~" + bones if consonants >= MIN_BONES else ""
