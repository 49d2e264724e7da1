"""The type a gazetteer gives a name written in a language other than English and French
(issue #22 item 4, pure functions).

Linking joins entities of one type only, and the recogniser (or an annotator) types one body
or country differently from article to article: the European Union as a place in one article
and an organisation in the next (*ЄС*), Germany as an organisation where it acts (*Германии
решили*), Pakistan as a person (*Pákistánu*), the people of a country for the country
(*Pakistańczycy*, *Kanadyjczycy*). A name the gazetteers know says what it is: an international
body of ``store/bodies`` or a country's institution of ``store/institutions`` (*верховный суд
Пакистана*) is an organisation, a country or territory of CLDR
(``store/territories``) a place, and a one-word "person" that is a country's word with a
demonym's ending (*Pakistańczyków*: the country's word and at most DEMONYM_TAIL letters more,
beginning as demonyms go on, not as a surname does: *Jordanov*) stands for that country.
English and French names keep the recogniser's type (their pipelines decide kinds with the
whole article).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from europenews.model import Entity
from europenews.store.bodies import body_of
from europenews.store.institutions import institution_of
from europenews.store.territories import country_words, plain, territory_of
from europenews.translit import fold

OWN_TYPES = frozenset({"en", "fr"})
# Letters a demonym adds to its country's word: Pakistan-czyków, Kanad-yjczycy, Niemc-ów.
DEMONYM_TAIL = 7
# How a demonym goes on from its country's word, folded: Pakistan-czycy, Pákistán-ci,
# пакистан-ката, Pakistan-ka, Kanad-yjczycy, Niemc-ów, Italij-ani, Irland-ec. Other endings are
# a surname's or a first name's (Jordan-ov, Franci-szek).
_DEMONYM_TAIL = re.compile(r"^(?:[ck]|ts|j?an|[iy]j[ck]|ec|ets|ow)")
_WORD = re.compile(r"[\w’'-]+")


@functools.lru_cache(maxsize=16384)
def demonym_country(word: str, language: str) -> str | None:
    """The English name of the country whose people ``word`` names (*Pakistańczycy*,
    *пакистанката* → Pakistan), when exactly one country's word begins it; else None."""
    folded = plain(fold(word, language))
    found = set()
    for stem, english in country_words().items():
        tail = folded[len(stem):]
        if (folded.startswith(stem) and 0 < len(tail) <= DEMONYM_TAIL
                and _DEMONYM_TAIL.match(tail)):
            found.add(english)
    return next(iter(found)) if len(found) == 1 else None


def gazetteer_type(entity: Entity, language: str | None) -> tuple[Entity, str | None]:
    """The entity with the type its name's gazetteer entry gives, and the English name of the
    country a demonym stands for (the key it links by), or None."""
    if language is None or language in OWN_TYPES:
        return entity, None
    name = entity.name
    # A body first: CLDR lists the European Union and the United Nations among its territories.
    # The English pipeline may already have named it in English ("EU" → European Union).
    if (body_of(name, language) is not None or body_of(name, "en") is not None
            or institution_of(name, language, "-") is not None):
        return (entity if entity.type == "organization"
                else replace(entity, type="organization")), None
    if entity.type in ("organization", "person") and territory_of(name, language) is not None:
        return replace(entity, type="place"), None
    words = _WORD.findall(name)
    if entity.type == "person" and len(words) == 1:
        country = demonym_country(words[0], language)
        if country is not None:
            return replace(entity, type="place"), country
    return entity, None
