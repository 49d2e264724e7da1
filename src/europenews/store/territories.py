"""Countries and territories by their CLDR names in many languages (through ``babel``): the
lookups ``store/crosslang.py`` and ``store/institutions.py`` share."""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

import babel
import simplemma

from europenews.names import consonants, core_key, name_key, sound_key, word_key
from europenews.translit import LEMMA_LANGUAGES, fold, stem_word

# CLDR locales whose country and territory names map to the English one.
CLDR_LANGUAGES = ("bg", "cs", "de", "es", "hr", "it", "nl", "pl", "pt", "ru", "sk", "sl", "sr",
                  "uk", "be", "ro", "hu", "sv", "da", "fi", "el", "lt", "lv", "et")
WORD = re.compile(r"[\w’'-]+")
# Languages that put a name's head noun last (*Wielka Brytania*, *Велика Британія*): the last
# word of a longer name is the country's word. Elsewhere it is as often an adjective (*Islas
# Vírgenes Británicas*), so only one-word names count.
HEAD_LAST = frozenset({"bg", "cs", "pl", "ru", "sk", "sl", "sr", "uk", "hr", "be"})
# A country's word shorter than this says too little (Korea, Mali).
MIN_COUNTRY_WORD = 5


def lemmas(words: list[str], language: str) -> list[str]:
    """Each word's lemma when simplemma knows the language, else the words."""
    if language not in LEMMA_LANGUAGES:
        return words
    return [simplemma.lemmatize(w, lang=language) for w in words]


@functools.cache
def territories() -> tuple[tuple[str, str, str], ...]:
    """(language, name in it, English name) of every CLDR territory in ``CLDR_LANGUAGES``."""
    english = babel.Locale("en").territories
    return tuple((code, name, english[territory]) for code in CLDR_LANGUAGES
                 for territory, name in babel.Locale.parse(code).territories.items()
                 if territory in english)


@functools.cache
def _plain_territories() -> dict[str, str]:
    out: dict[str, str] = {}
    for _, name, english in territories():
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
                out.setdefault(fold(" ".join(lemmas(WORD.findall(name), language))),
                               english[territory])
    return out


@functools.cache
def stem_territories() -> dict[str, str]:
    """Country/territory names in any of ``CLDR_LANGUAGES`` with each word's case ending cut
    → the English name, for the forms the lemmatiser does not bring back (*Wielkiej Brytanii*,
    *Velké Británii* ~ *Velká Británie*); a stemmed name two territories share names neither."""
    found: dict[str, set[str]] = {}
    for code, name, english in territories():
        found.setdefault(stem_words(fold(name, code)), set()).add(english)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def stem_words(folded: str) -> str:
    return " ".join(stem_word(w) for w in WORD.findall(folded))


def territory_of(text: str, language: str) -> str | None:
    """The English CLDR name of the country or territory ``text`` names in ``language``
    (as written, as its words' lemmas, with their case endings cut, or as its initials), or
    None. A country's head word alone (*Británie*, *Британии* ~ *Wielka Brytania*) is not
    read as the country: it joined more articles across languages than the stories' key route
    bears (docs/benchmarks-archive.md, session 10)."""
    names = territory_names(language)
    return (names.get(fold(" ".join(lemmas(WORD.findall(text), language))))
            or names.get(fold(text)) or stem_territories().get(stem_words(fold(text, language)))
            or territory_of_initials(text, language) or short_forms(language).get(fold(text))
            or skeleton_territories().get(skeleton_words(fold(text, language))))


@functools.cache
def short_forms(language: str) -> dict[str, str]:
    """Folded short form of a country in ``language`` that is not its CLDR name's initials
    (Russian *США*, Bulgarian *САЩ*, Polish *RFN*; ``data/country_short.json``) → the English
    CLDR name."""
    text = resources.files("europenews.store").joinpath("data/country_short.json").read_text(
        "utf-8")
    return {fold(short): english for english, by_language in json.loads(text).items()
            if not english.startswith("_") for short in by_language.get(language, ())}


# A name of fewer consonants than this says too little to be matched without its vowels.
MIN_SKELETON = 5


def skeleton_words(folded: str) -> str:
    """Each word's consonants as it sounds (``names.sound_key``), its first letter kept:
    *velka britanie*, *velyka brytaniya*, *velika britanija*, *wielkiej brytanii* → ``vlk
    brtn``. The vowels are what languages and transliterations write otherwise."""
    out = (consonants(sound_key(word_key(word))) for word in WORD.findall(folded))
    return " ".join(w for w in out if w)


@functools.cache
def skeleton_territories() -> dict[str, str]:
    """Country names of two words or more in any of ``CLDR_LANGUAGES``, by
    :func:`skeleton_words` → the English name, for the full names a language writes otherwise
    than CLDR (Czech *Velká Británie* beside CLDR's *Spojené království*; CLDR's Ukrainian
    *Велика Британія* has the same consonants). Only skeletons one territory has and of
    MIN_SKELETON consonants or more; one-word names never (a country's head word alone is
    not read as the country, see :func:`territory_of`)."""
    found: dict[str, set[str]] = {}
    for code, name, english in territories():
        if len(WORD.findall(name)) < 2:
            continue
        bones = skeleton_words(fold(name, code))
        if len(bones.replace(" ", "")) >= MIN_SKELETON:
            found.setdefault(bones, set()).add(english)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def plain(folded: str) -> str:
    """Transliterations write one vowel as i or y (Британия: britaniya, brytaniya)."""
    return folded.replace("y", "i")


@functools.cache
def country_words() -> dict[str, str]:
    """Stem of a country's one-word name, or of the capitalised last word of a longer one
    (*Brytania* of *Wielka Brytania*), in any CLDR language → its English name; only stems
    one country has."""
    found: dict[str, set[str]] = {}
    for code, name, english in territories():
        words = WORD.findall(name)
        # A lower-case last word is a common noun (Združeno *kraljestvo*), not the country's.
        if len(words) == 1 or (words and code in HEAD_LAST and words[-1][:1].isupper()):
            found.setdefault(plain(stem_word(fold(words[-1], code))), set()).add(english)
    return {k: next(iter(v)) for k, v in found.items()
            if len(v) == 1 and len(k) >= MIN_COUNTRY_WORD}


def _initials(name: str) -> str:
    """The first letters of a name's words (a hyphenated word is two: Южно-Африканская)."""
    words = re.findall(r"\w+", name)
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


@functools.cache
def _initials_of(language: str) -> tuple[tuple[str, str], ...]:
    """(initials, English name) of ``language``'s CLDR names of two words or more, of
    countries and territories (two-letter codes; not the regions, *Western Africa*)."""
    english = babel.Locale("en").territories
    if language not in CLDR_LANGUAGES:
        return ()
    return tuple((letters, english[code])
                 for code, name in babel.Locale.parse(language).territories.items()
                 if code in english and code.isalpha() and (letters := _initials(name)))


MAX_ACRONYM = 5


def territory_of_initials(text: str, language: str) -> str | None:
    """The country an acronym in capitals names in ``language``: the initials of its CLDR name
    in that language (Slovene *ZDA*, Croatian *SAD*, Polish *RPA*, Bulgarian *ОАЕ*), when they
    are one country's. Only exactly: an acronym with a letter more (Russian *США*, the
    initials of a longer name than CLDR's) would as often fit another country (*СА*)."""
    if not (text.isupper() and text.isalpha() and 2 <= len(text) <= MAX_ACRONYM):
        return None
    found = {english for letters, english in _initials_of(language) if text == letters}
    return next(iter(found)) if len(found) == 1 else None


@functools.cache
def country_keys() -> frozenset[str]:
    """Name keys of every country and territory as CLDR writes it in English and in
    ``CLDR_LANGUAGES`` (also Latin-folded): *pakistan*, *niemcy*, *germany*."""
    names = set(babel.Locale("en").territories.values())
    names.update(fold(name, code) for code, name, _ in territories())
    return frozenset(core_key(name_key(n)) for n in names)
