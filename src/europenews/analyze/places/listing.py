"""Names written next to each other: a qualifier after a comma ("Louisville, Ky.") and
lists of names joined by commas and "and"/"or" ("New South Wales and Queensland")."""

from __future__ import annotations

import re

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
