"""International bodies by their names in each language (issue #22 item 4): *Komisja Europejska*,
*Европейская комиссия*, *KE* and *ЕК* are the European Commission.

Two sources, both general (neither fitted to any evaluation text):

- CLDR through ``babel``: the territory names of the bodies CLDR lists among its territories
  (the European Union, the United Nations, the euro area), in every CLDR language;
- ``store/data/bodies.json``: a small hand table of widely known international and EU bodies
  (the Commission, the Parliament, NATO, the WHO, the IMF, …) under the names the bodies use
  for themselves in their official languages.

Every name is looked up as written and as its words' lemmas (*Komisji Europejskiej* →
*komisja europejski*), folded to Latin letters; its *initials* in the same language name it too
(*Komisja Europejska* → *KE*, *Организация Объединенных Наций* → *ООН*), but only in that
language and only for a name written in capitals: *EU* in Czech is the European Union, *UE* in
Polish too, and neither is looked up in the other language.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from importlib import resources

import babel
import simplemma

from europenews.translit import LEMMA_LANGUAGES, fold

# CLDR territories that are bodies, not countries.
CLDR_BODIES = ("EU", "UN", "EZ")
_WORD = re.compile(r"[\w’'-]+")
# Short lower-case words (prepositions, conjunctions, articles) are not part of the initials:
# Organizacja Bezpieczeństwa i Współpracy w Europie → OBWE.
_SKIPPED = 3
MIN_INITIALS = 2


def lemma_key(text: str, language: str) -> str:
    """``text`` with each word lemmatised (when simplemma knows the language), folded."""
    words = _WORD.findall(text)
    if language in LEMMA_LANGUAGES:
        words = [simplemma.lemmatize(w, lang=language) for w in words]
    return fold(" ".join(words), language)


def initials(name: str) -> str:
    """The capital initials of a name of several words ('' for one word): the first letter of
    every word but short lower-case ones (*Rada Bezpieczeństwa* → *RB*, *Съвет на Европа* →
    *СЕ*); none for a name written in lower case (*strefa euro*), which is no proper name."""
    words = [w for w in _WORD.findall(name) if not (w.islower() and len(w) <= _SKIPPED)]
    if len(words) < MIN_INITIALS or not words[0][:1].isupper():
        return ""
    return "".join(w[0] for w in words).upper()


def _table() -> dict[str, dict[str, list[str]]]:
    text = resources.files("europenews.store").joinpath("data/bodies.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@functools.cache
def _names(language: str) -> dict[str, list[str]]:
    """English name → the body's names in ``language``."""
    out: dict[str, list[str]] = {}
    english = babel.Locale("en").territories
    own: Mapping[str, str]
    try:
        own = babel.Locale.parse(language).territories
    except (ValueError, babel.UnknownLocaleError):
        own = {}
    for code in CLDR_BODIES:
        if code in own:
            out.setdefault(english[code], []).append(own[code])
    for name, by_language in _table().items():
        out.setdefault(name, []).extend(by_language.get(language, ()))
    return out


@functools.cache
def body_names(language: str) -> dict[str, str]:
    """Folded name (as written and lemmatised) of a body in ``language`` → its English name."""
    out: dict[str, str] = {}
    for english, names in _names(language).items():
        for name in names:
            out.setdefault(fold(name, language), english)
            out.setdefault(lemma_key(name, language), english)
    return out


@functools.cache
def body_initials(language: str) -> dict[str, str]:
    """Folded initials of a body's names in ``language`` → its English name; initials two
    bodies share in one language name neither."""
    found: dict[str, set[str]] = {}
    for english, names in _names(language).items():
        for name in names:
            letters = initials(name)
            if letters:
                found.setdefault(fold(letters, language), set()).add(english)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def body_of(text: str, language: str) -> str | None:
    """The English name of the body ``text`` names in ``language``, or None."""
    names = body_names(language)
    found = names.get(fold(text, language)) or names.get(lemma_key(text, language))
    if found is None and text.isupper() and len(text) >= MIN_INITIALS:
        found = body_initials(language).get(fold(text, language))
    return found
