"""The gazetteer: GeoNames-derived countries, regions, cities and continents.

Built from PyPI packages by ``scripts/build_gazetteer.py`` into one compact package-data
file, loaded once per pipeline by the ``europenews_places`` factory (never at import time).
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

FEATURES = ("country", "region", "county", "city", "continent")
_DATA = ("europenews.analyze", "data/geo/gazetteer.tsv.gz")


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer record."""

    feature: str  # one of FEATURES
    geonames_id: int | None
    name: str
    country: str  # ISO 3166-1 alpha-2; "" for continents
    lat: float
    lon: float
    population: int  # a prior: real population for cities and countries, a stand-in for regions
    region: str  # "CC.admin1": ties a city to its first-level region


@dataclass(slots=True)
class Gazetteer:
    """Name key → candidate records, plus demonym key → country/continent records.

    Records stay as raw rows until asked for: building 170,000 objects up front would
    dominate the load time.
    """

    rows: list[str] = field(default_factory=list)  # tab-separated, without the names
    by_name: dict[str, list[int]] = field(default_factory=dict)
    by_demonym: dict[str, list[int]] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)  # ISO code → row index
    regions: dict[str, int] = field(default_factory=dict)  # "CC.admin1" → row index

    def entry(self, index: int) -> GeoEntry:
        feature, gid, name, cc, lat, lon, pop, region = self.rows[index].split("\t")
        return GeoEntry(
            feature, int(gid) if gid else None, name, cc, float(lat), float(lon), int(pop), region
        )

    def candidates(self, text: str) -> list[GeoEntry]:
        """Return the records a place name may refer to (no demonyms)."""
        return [self.entry(i) for i in self.by_name.get(name_key(text), ())]

    def demonym(self, text: str) -> GeoEntry | None:
        """Return the country or continent a demonym ("Ukrainian") refers to, if any."""
        hits = self.by_demonym.get(name_key(text), ())
        # "American" is also the demonym of US territories: the most populous reading wins.
        entries = [self.entry(i) for i in hits]
        return max(entries, key=lambda e: e.population) if entries else None

    def country(self, iso: str) -> GeoEntry | None:
        i = self.countries.get(iso)
        return self.entry(i) if i is not None else None

    def region_of(self, entry: GeoEntry) -> GeoEntry | None:
        """Return the first-level region a city lies in, when the gazetteer knows it."""
        i = self.regions.get(entry.region)
        return self.entry(i) if i is not None else None


_SPACES = re.compile(r"[\s\-–]+")
_DROP = re.compile(r"[.’'`,]")


def name_key(text: str) -> str:
    """Normalise a place name for lookup: accents, case, dots, hyphens, "Saint"/"St"."""
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    text = _SPACES.sub(" ", _DROP.sub("", text.casefold())).strip()
    if text.startswith("the "):
        text = text[4:]
    if text.startswith("saint "):
        text = "st " + text[6:]
    elif text.startswith("ste "):
        text = "st " + text[4:]
    return text


def parse_gazetteer(lines: list[str]) -> Gazetteer:
    """Build the lookup tables from the rows written by ``scripts/build_gazetteer.py``."""
    gaz = Gazetteer()
    by_name, by_demonym = gaz.by_name, gaz.by_demonym
    for line in lines:
        head, _, names = line.rstrip("\n").rpartition("\t")
        feature = head.partition("\t")[0]
        if not feature:
            continue
        index = len(gaz.rows)
        gaz.rows.append(head)
        if feature == "country":
            gaz.countries.setdefault(head.split("\t")[3], index)
        elif feature == "region":
            gaz.regions.setdefault(head.split("\t")[7], index)
        for key in names.split("|"):
            if key.startswith("~"):
                by_demonym.setdefault(key[1:], []).append(index)
            else:
                by_name.setdefault(key, []).append(index)
    return gaz


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load the packaged gazetteer (or the file at ``path``)."""
    if path is None:
        source = resources.files(_DATA[0]).joinpath(_DATA[1])
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
            return parse_gazetteer(f.readlines())
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return parse_gazetteer(f.readlines())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
