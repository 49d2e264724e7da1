"""Names of an article that can be read as towns next to each other (within one grid cell,
about 50 km) are rarely so by chance ("Edmonton" and "Enfield" in north London)."""

from __future__ import annotations

import math
from collections.abc import Callable

from europenews.analyze.places.geonames import GeoEntry

CELL_DEGREES = 0.5
NEIGHBOUR_MAX_READINGS = 20  # names with more readings are everywhere: no evidence
NEIGHBOUR_PRIOR_GAP = 1.5


def cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


def neighbour(e: GeoEntry, key: str, cells: dict[tuple[int, int], set[str]]) -> bool:
    """Whether another name of the article can be read as a town right next to ``e``."""
    la, lo = cell(e.lat, e.lon)
    return any(
        keys - {key}
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        if (keys := cells.get((la + dy, lo + dx)))
    )


def town_cells(
    cands: dict[str, list[GeoEntry]], prior: Callable[[GeoEntry], float]
) -> dict[tuple[int, int], set[str]]:
    """Where each name's plausible town readings lie: those not far below its best reading
    by the prior ("Lexington" is Lexington, Kentucky, or a town of similar size)."""
    cells: dict[tuple[int, int], set[str]] = {}
    for k, options in cands.items():
        if not options or len(options) > NEIGHBOUR_MAX_READINGS:
            continue
        best = max(prior(e) for e in options)
        for e in options:
            if e.feature in ("city", "county") and prior(e) >= best - NEIGHBOUR_PRIOR_GAP:
                cells.setdefault(cell(e.lat, e.lon), set()).add(k)
    return cells
