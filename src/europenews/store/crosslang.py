"""One entity across languages (issue #22, part B): a name's key from its Latin, lemmatised form.

An entity named in an article that is not in English or French is keyed, for linking, by its
name rewritten word by word: the lemma (``simplemma``: *Zełenskiego* → *Zełenski*, *Niemczech*
→ *Niemcy*), Cyrillic transliterated with one scheme and diacritics folded (*Зеленський* →
*zelenskiy*; ``europenews/translit.py``), a Slavic surname's *-ski*/*-cki* written *-sky*/
*-cky* as English spells it; a place whose name CLDR lists as a country or territory in any of
the languages takes its English CLDR name (*Niemcy* = *Deutschland* = *Germany*), and a city
its GeoNames name (*Bruksela* = *Брюссель* = *Brussels*, ``store/cities.py``). The keys of
``europenews.names`` then do the rest (Zelensky = Zelenskiy). The entity keeps the name and
aliases it was written with; only its keys change.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import simplemma

from europenews.model import Entity
from europenews.names import core_key, name_key, sound_key, word_key
from europenews.store.bodies import body_of
from europenews.store.cities import city_of
from europenews.store.institutions import institution_of
from europenews.store.institutions import institution_shorts as institution_shorts
from europenews.store.territories import country_keys, territory_of
from europenews.translit import LEMMA_LANGUAGES, fold, stem_word

# Languages whose entities keep their own keys: English is the store's language, French has its
# own pipeline and lexicons (its names are mostly written as in English already).
OWN_KEYS = frozenset({"en", "fr"})
_SLAVIC_SURNAME = re.compile(r"(?<=[sc]k)i$")
_WORD = re.compile(r"[\w’'-]+")
# Apostrophes as typed and as typeset are one (O’Leary, O'Leary, O‘Leary).
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


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
               person: bool = False, country: str | None = None) -> str:
    """``text`` lemmatised word by word, in Latin letters without diacritics (Title Case); an
    institution named without its country (*Верховный суд*) is ``country``'s, when given."""
    if language is None or language in OWN_KEYS:
        return text
    if not person:
        body = body_of(text, language)
        if body is not None:
            return body
        institution = institution_of(text, language, country)
        if institution is not None:
            return institution
    if place:
        whole = known_place(text, language)
        if whole is not None:
            return whole
    words = _lemmas(_WORD.findall(text.translate(_APOSTROPHES)), language, person)
    return " ".join(_SLAVIC_SURNAME.sub("y", fold(w, language)).replace("dzh", "j").title()
                    for w in words)


@functools.lru_cache(maxsize=16384)
def known_place(text: str, language: str | None) -> str | None:
    """The English name of the country or city a place named in an article neither English
    nor French is (*Dublinie* → Dublin, *Niemcy* → Germany), as written, then as its lemmas
    (*Praze* → *Praha* → Prague): its key across languages, and what its page is called rather
    than the first declined form met. None for other languages and unknown places."""
    if language is None or language in OWN_KEYS:
        return None
    found = territory_of(text, language) or city_of(text, language)
    if found is not None:
        return found
    words = _lemmas(_WORD.findall(text.translate(_APOSTROPHES)), language)
    return city_of(" ".join(words), language)


def across_languages(entity: Entity, language: str | None,
                     country: str | None = None) -> Entity:
    """The entity with its name and mentions in their cross-language form, for keying only;
    ``country`` is the article's (:func:`article_country`), for institutions named bare."""
    if language is None or language in OWN_KEYS:
        return entity
    place, person = entity.type == "place", entity.type == "person"
    mentions = tuple(replace(m, text=latin_form(m.text, language, place, person, country))
                     if m.text[:1].isupper() else m for m in entity.mentions)
    return replace(entity, name=latin_form(entity.name, language, place, person, country),
                   mentions=mentions)


def article_country(entities: Sequence[Entity], language: str | None) -> str | None:
    """The country an article in a language other than English and French is about: the one
    its places name most often (CLDR names, any case), when no other is named as often. The
    government or the supreme court an article names without a country is most often that
    country's (*Верховный суд* in an article about Pakistan)."""
    if language is None or language in OWN_KEYS:
        return None
    counts: Counter[str] = Counter()
    for e in entities:
        if e.type == "place":
            country = territory_of(e.name, language)
            if country is not None:
                counts[country] += max(len(e.mentions), 1)
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


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
        out.add(core_key(name_key(" ".join(stem_word(w) for w in words))))
    return frozenset(k for k in out if k)


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
    return frozenset(s for s in shorts if s not in country_keys() and s != last)


_VOWELS = re.compile(r"[aeiouy]")
# Fewer consonants than this say too little (Ryanair → "rnr" would meet many names).
MIN_BONES = 4


def skeleton(word: str) -> str:
    """A one-word name's consonants as it sounds, case ending cut, marked with a leading "~"
    (*Londyn*, *London* → ``~lndn``; *Пенджаб*, *Pendżab*, *Paňdžáb* → ``~pndsb``): the vowels
    are what transliterations and languages most often write otherwise. '' when it is short."""
    sound = sound_key(stem_word(word_key(word)))
    bones = sound[:1] + _VOWELS.sub("", sound[1:])
    consonants = len(_VOWELS.sub("", bones))
    return "~" + bones if consonants >= MIN_BONES else ""
