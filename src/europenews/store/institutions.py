"""National institutions across languages (issue #22 item 4): *Sąd Najwyższy Pakistanu*,
*pakistański Sąd Najwyższy*, *Върховният съд на Пакистан* and *Верховный суд Пакистана* are the
Supreme Court of Pakistan.

An institution's name is a *kind* every country has (``store/data/institutions.json``: the
government, the parliament, the supreme court, the main ministries, …, written per language
from general knowledge) and a country: its CLDR name in any case (``store/territories.py``) or
its adjective (*pakistański*, *британски*: a word that begins as one country's CLDR name does,
short of that name's last letters). The pair is one key in every language ("Supreme Court of
Pakistan"). A kind without a country (*Верховный суд*) keeps its own name, and gets the kind as
a short key, so it joins a country's institution only given shared context. Anything else in the
name (*Высший суд Лахора*: a town, not a country) makes it no institution of this table.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from europenews.model import Entity
from europenews.store.territories import (
    MIN_COUNTRY_WORD,
    WORD,
    country_words,
    lemmas,
    plain,
    territory_of,
)
from europenews.translit import fold, stem_word

# Short lower-case words left outside the kind are joining words (na, w, v, of, de, за).
_JOINING = 3
# An adjective names a country when it begins with the country word's first letters, at
# least MIN_COUNTRY_WORD of them and all but SHORT_BY of its (case-ending-cut) stem.
SHORT_BY = 2
KIND_MARK = "#"  # short keys of kinds never meet a name key



def _table() -> dict[str, dict[str, list[str]]]:
    text = resources.files("europenews.store").joinpath("data/institutions.json").read_text(
        "utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def _forms(word: str, language: str) -> frozenset[str]:
    """A word as written and as its lemma, folded, and both with the case ending cut."""
    written, lemma = fold(word, language), fold(lemmas([word], language)[0], language)
    return frozenset({written, lemma, stem_word(written), stem_word(lemma)})


@functools.cache
def _kinds(language: str) -> tuple[tuple[tuple[frozenset[str], ...], str], ...]:
    """(each word's forms, English kind) of every kind name in ``language``, longest first."""
    out = [(tuple(_forms(w, language) for w in WORD.findall(name)), english)
           for english, by_language in _table().items()
           for name in by_language.get(language, ())]
    return tuple(sorted(out, key=lambda k: -len(k[0])))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def country_of_adjective(word: str, language: str) -> str | None:
    """The country an adjective names (*pakistański*, *Пакистанският*, *британското* →
    Pakistan, United Kingdom), when exactly one country's name begins as it does."""
    folded = plain(fold(lemmas([word], language)[0], language))
    found = {english for stem, english in country_words().items()
             if (n := _common_prefix(folded, stem)) >= MIN_COUNTRY_WORD
             and n >= len(stem) - SHORT_BY}
    return next(iter(found)) if len(found) == 1 else None


def _match(words: list[frozenset[str]], kind: tuple[frozenset[str], ...]) -> int | None:
    for start in range(len(words) - len(kind) + 1):
        if all(words[start + i] & forms for i, forms in enumerate(kind)):
            return start
    return None


@functools.lru_cache(maxsize=65536)
def kind_and_country(text: str, language: str) -> tuple[str, str | None] | None:
    """(English kind, English country or None) of an institution's name, or None when the name
    is no kind of the table or holds more than a kind and a country."""
    words = WORD.findall(text)
    forms = [_forms(w, language) for w in words]
    for kind, english in _kinds(language):
        start = _match(forms, kind)
        if start is None:
            continue
        rest = [w for i, w in enumerate(words) if not start <= i < start + len(kind)
                and not (w.islower() and len(w) <= _JOINING)]
        if not rest:
            return english, None
        country = territory_of(" ".join(rest), language)
        if country is None and len(rest) == 1:
            country = country_of_adjective(rest[0], language)
        return (english, country) if country is not None else None
    return None


def institution_of(text: str, language: str, country: str | None = None) -> str | None:
    """The cross-language name of a country's institution ("Supreme Court of Pakistan"), or
    None; a kind named without its country is ``country``'s (the article's), or None."""
    found = kind_and_country(text, language)
    if found is None or (found[1] or country) is None:
        return None
    return f"{found[0]} of {found[1] or country}"


def institution_shorts(entity: Entity, language: str | None) -> frozenset[str]:
    """The short key of an organisation that is an institution of the table (its kind, marked:
    ``#supreme court``), for a link given shared context; empty for anything else."""
    if language is None or entity.type != "organization":
        return frozenset()
    found = kind_and_country(entity.name, language)
    return frozenset({KIND_MARK + found[0].casefold()}) if found else frozenset()
