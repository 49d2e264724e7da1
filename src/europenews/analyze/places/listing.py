"""Names written next to each other: a qualifier after a comma ("Louisville, Ky.") and
lists of names joined by commas and "and"/"or" ("New South Wales and Queensland"); whether a
qualifier holds a reading."""

from __future__ import annotations

import re

from europenews.analyze.places.geonames import GeoEntry
from europenews.analyze.places.toponyms import Toponym

_LIST_SEPARATOR = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*")


def qualifiers_of(toponyms: list[Toponym], text: str) -> dict[int, int]:
    """Index of a toponym → index of the toponym that qualifies it ("Louisville" → "Ky.")."""
    out = {}
    for i in range(len(toponyms) - 1):
        a, b = toponyms[i], toponyms[i + 1]
        if not a.demonym and not b.demonym and text[a.end : b.start].strip() == ",":
            out[i] = i + 1
    return out


def siblings_of(toponyms: list[Toponym], text: str) -> dict[int, list[int]]:
    """Index of a toponym → the indices of the toponyms listed with it ("A, B and C").

    A run joined by commas only is no list ("Louisville, Ky."): it needs an "and"/"or"."""
    out: dict[int, list[int]] = {}
    run: list[int] = []
    joined = False
    for i in range(len(toponyms) + 1):
        between = ""
        if 0 < i < len(toponyms):
            between = text[toponyms[i - 1].end : toponyms[i].start]
        if run and i < len(toponyms) and _LIST_SEPARATOR.fullmatch(between):
            run.append(i)
            joined = joined or between.strip() != ","
            continue
        if len(run) > 1 and joined:
            for j in run:
                out[j] = [m for m in run if m != j]
        run, joined = ([i] if i < len(toponyms) else []), False
    return out


def contradicted(options: list[GeoEntry], qualifiers: list[GeoEntry]) -> bool:
    """Whether the name is written with a state or country ("Howland, Ohio") that holds none of
    its readings: the gazetteer lacks the place meant, and a namesake elsewhere is no answer.
    Only a town's qualifier that can be nothing but a state or country counts ("Paris, London
    and Rome" is a list)."""
    if not qualifiers or any(q.feature not in ("region", "country") for q in qualifiers):
        return False
    if any(e.feature not in ("city", "county") for e in options):
        return False  # states listed together ("Wisconsin, Minnesota and Iowa")
    return not any(qualified_by(e, qualifiers) for e in options)


def holds(entry: GeoEntry, towns: list[GeoEntry]) -> bool:
    """Whether a region or country reading contains one of the readings of the name it
    qualifies."""
    return entry.feature in ("region", "country") and any(qualified_by(t, [entry]) for t in towns)


def qualified_by(entry: GeoEntry, qualifiers: list[GeoEntry]) -> bool:
    """Whether a qualifier written next to the name ("…, Ky.") contains this reading."""
    for q in qualifiers:
        if q.feature == "region" and entry.feature != "region" and entry.region == q.region:
            return True
        if q.feature == "country" and entry.feature != "country" and entry.country == q.country:
            return True
    return False
