"""The gazetteer: GeoNames-derived countries, regions, cities and continents.

Built from PyPI packages by ``scripts/build_gazetteer.py`` into one compact package-data
file (``places/lexicons/en/gazetteer.tsv.gz``), loaded once per pipeline by the
``europenews_places`` factory through ``europenews.geo_gazetteer.v1`` (never at import time).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from europenews.analyze.lexicons import lexicon_folder, read_bytes, read_text
from europenews.errors import ConfigError

FEATURES = ("country", "region", "county", "city", "continent")
# Prefix of the name keys of abbreviations that are also words: postal codes ("=ky", found
# only as "KY") and one-word abbreviations ("=man", found only as "Man.").
POSTAL_MARK = "="
# Prefix of the name keys of initials with periods that name a town ("^la", found only as
# "L.A."): without their periods they are a state's code.
INITIALS_MARK = "^"
WHAT = "geo gazetteer"
FILE = "gazetteer.tsv.gz"  # in the folder of a language: places/lexicons/<language>/
COMMON_WORDS = "common_words.txt"  # words that name places but mostly mean something else
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


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
class GeoGazetteer:
    """Name key → candidate records, plus demonym key → country/continent records.

    Everything stays as the lines of the packaged file: the name keys are sorted and looked up
    by bisection, records are parsed when asked for. Loading is then a few C-level splits
    instead of building 180,000 objects and a 240,000-key dict.
    """

    rows: list[str]  # tab-separated records, non-city records first
    keys: list[str]  # sorted name keys
    postings: list[str]  # per key: comma-separated row indices
    demonym_keys: list[str]
    demonym_postings: list[str]
    # Name keys of words that name places but mostly mean something else ("man", "gulf").
    common: frozenset[str] = frozenset()
    _countries: dict[str, int] | None = None  # ISO code → row index, built on first use
    _regions: dict[str, int] | None = None  # "CC.admin1" → row index

    def entry(self, index: int) -> GeoEntry:
        feature, gid, name, cc, lat, lon, pop, region = self.rows[index].split("\t")
        return GeoEntry(
            feature, int(gid) if gid else None, name, cc, float(lat), float(lon), int(pop), region
        )

    def candidates(self, text: str) -> list[GeoEntry]:
        """Return the records a place name may refer to (no demonyms). Marked names are
        abbreviations that are also words: two capitals may be a state's postal code ("KY",
        not "Ms"), a word with its period a state's abbreviation ("Man.", not "Man")."""
        key = place_key(text)
        hits = _lookup(self.keys, self.postings, key)
        if _INITIALS.fullmatch(text):
            # Initials with periods that name a town ("L.A." is Los Angeles, not Louisiana's
            # "La."); otherwise they may be a state's ("D.C.", "N.C.").
            town = _lookup(self.keys, self.postings, INITIALS_MARK + key)
            if town:
                return [self.entry(i) for i in dict.fromkeys(hits + town)]
        if (len(text) == 2 and text.isupper() and text.isalpha()) or text.endswith("."):
            hits += _lookup(self.keys, self.postings, POSTAL_MARK + key)
        return [self.entry(i) for i in dict.fromkeys(hits)]

    def demonym(self, text: str) -> GeoEntry | None:
        """Return the country or continent a demonym ("Ukrainian") refers to, if any."""
        hits = _lookup(self.demonym_keys, self.demonym_postings, place_key(text))
        # "American" is also the demonym of US territories: the most populous reading wins.
        entries = [self.entry(i) for i in hits]
        return max(entries, key=lambda e: e.population) if entries else None

    def _index(self) -> tuple[dict[str, int], dict[str, int]]:
        if self._countries is None or self._regions is None:
            self._countries, self._regions = {}, {}
            for i, row in enumerate(self.rows):
                parts = row.split("\t")
                if parts[0] == "city":
                    break  # cities come last
                if parts[0] == "country":
                    self._countries.setdefault(parts[3], i)
                elif parts[0] == "region":
                    self._regions.setdefault(parts[7], i)
        return self._countries, self._regions

    def country(self, iso: str) -> GeoEntry | None:
        i = self._index()[0].get(iso)
        return self.entry(i) if i is not None else None

    def region_of(self, entry: GeoEntry) -> GeoEntry | None:
        """Return the first-level region a city lies in, when the gazetteer knows it."""
        i = self._index()[1].get(entry.region)
        return self.entry(i) if i is not None else None


def _lookup(keys: list[str], postings: list[str], key: str) -> list[int]:
    i = bisect.bisect_left(keys, key)
    if i < len(keys) and keys[i] == key and postings[i]:
        return [int(x) for x in postings[i].split(",")]
    return []


_SPACES = re.compile(r"[\s\-–]+")
_DROP = re.compile(r"[.’'`,]")


# Asked about 130,000 times per 400 articles (every candidate span, every reading), mostly
# for the same few thousand names: 1.5 % of a profiled ``ingest`` (session 17).
@functools.lru_cache(maxsize=16384)
def place_key(text: str) -> str:
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


_SECTION = "\n\f\n"


def pack_gazetteer(lines: list[str]) -> str:
    """Turn records with their names (feature, id, name, country, lat, lon, population,
    region key, "|"-separated name keys with "~" marking demonyms) into the packaged text:
    records, then sorted name keys and their postings, then the same for demonyms."""
    lines = sorted(lines, key=lambda line: line.startswith("city\t"))  # cities last, stable
    heads: list[str] = []
    names: dict[str, list[int]] = {}
    demonyms: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        head, _, keys = line.rstrip("\n").rpartition("\t")
        heads.append(head)
        for key in dict.fromkeys(keys.split("|")):
            table = demonyms if key.startswith("~") else names
            if key.lstrip("~"):
                table.setdefault(key.lstrip("~"), []).append(index)
    sections = [heads]
    for table in (names, demonyms):
        ordered = sorted(table)
        sections += [ordered, [",".join(map(str, table[k])) for k in ordered]]
    return _SECTION.join("\n".join(section) for section in sections)


def unpack_gazetteer(text: str) -> GeoGazetteer:
    """Read the packaged text written by ``pack_gazetteer``."""
    parts = text.split(_SECTION)
    if len(parts) != 5:
        raise ValueError("gazetteer: not a packed gazetteer file")
    rows, keys, postings, dkeys, dpostings = (p.split("\n") for p in parts)
    return GeoGazetteer(rows, keys, postings, dkeys, dpostings)


def parse_gazetteer(lines: list[str]) -> GeoGazetteer:
    """Build a gazetteer from records with their names (see ``pack_gazetteer``)."""
    return unpack_gazetteer(pack_gazetteer(lines))


def load_gazetteer(path: str | Path | None = None, language: str = "en") -> GeoGazetteer:
    """Load ``gazetteer.tsv.gz`` from the folder ``path``, or the one shipped for ``language``."""
    folder = lexicon_folder("europenews.analyze.places", WHAT, path, language)
    raw = read_bytes(folder, FILE, WHAT)
    try:
        gaz = unpack_gazetteer(gzip.decompress(raw).decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"{WHAT}: {FILE}: not a packed gazetteer ({exc})") from exc
    # The word list is optional: a gazetteer folder made before it existed still loads.
    if folder.joinpath(COMMON_WORDS).is_file():
        gaz.common = read_common_words(read_text(folder, COMMON_WORDS, WHAT))
    return gaz


def read_common_words(text: str) -> frozenset[str]:
    """The name keys of a word list: one word or phrase a line, "#" starts a comment."""
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(place_key(w) for w in words if w)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
