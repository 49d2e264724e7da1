"""The word lists the multilingual name recogniser reads, per language.

From the language's folder ``names/lexicons/<language>/`` (written here by hand):
``particles.txt`` (lower-case words inside a name: *von*, *van der*, *de*, *dos*),
``titles.txt`` (words before a person: *Präsident*, *prezydent*, *ministro*),
``org_heads.txt`` (stems of words that make a name an organisation: *partei*, *uniwersytet*),
``place_heads.txt`` (words that make a name a place: *río*, *jezioro*, *Insel*),
``prepositions.txt`` (prepositions that open a sentence before a name: *Zdaniem*, *Podle*,
*Согласно*; spaCy's stop words miss many of them), ``not_names.txt`` (captions, page furniture
and time adverbs that open lines and sentences: *Foto*, *Zdroj*, *Loni*; never names).
Besides them, from installed packages: spaCy's stop words for the language and CLDR's month
and weekday names (``babel``, BSD) as capitalised words that start sentences without being
names; CLDR's country and territory names in the language and in English (*Niemcy*,
*Deutschland*, *Germany*) as places; the English lexicons' first names (US Social Security
Administration, public domain) and organisation names; and the package's GeoNames gazetteer
(CC BY 4.0) for towns and regions under their alternate names.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import babel
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from europenews.analyze.entities.lexicon import read_pairs, read_words
from europenews.analyze.lexicons import lexicon_folder
from europenews.analyze.names.openers import dictionary
from europenews.analyze.places.geonames import GeoGazetteer, load_gazetteer
from europenews.translit import fold

PACKAGE = "europenews.analyze.names"
WHAT = "name lexicon"


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """What the recogniser knows for one language."""

    language: str
    particles: frozenset[str]  # lower case
    titles: frozenset[str]  # lower case
    org_heads: tuple[str, ...]  # lower-case stems
    common: frozenset[str]  # lower-case words that start sentences without being names
    calendar: frozenset[str]  # lower-case month and weekday names: never names themselves
    place_heads: frozenset[str]  # lower-case words that make a name a place (river, lake)
    places: frozenset[str]  # folded keys of country/territory names (``translit.fold``)
    first_names: frozenset[str]  # lower case
    organizations: frozenset[str]  # folded keys of known organisation names
    gazetteer: GeoGazetteer | None = None
    not_names: frozenset[str] = frozenset()  # lower case: captions, furniture ("Foto", "Zdroj")
    # Languages that capitalise every noun (German): the language's own word list, and word
    # lists of languages that keep names in theirs (see ``common_noun``).
    nouns: Mapping[str, str] | None = None
    name_words: tuple[Mapping[str, str], ...] = ()
    # Whether simplemma's dictionary of the language (``openers.dictionary``: common words in
    # lower case, proper nouns capitalised) tells a sentence's common first word from a name.
    words: bool = False
    # Folded keys of the country and territory names CLDR gives in this language only: a
    # person's first name may be another language's place (*Asia* is no continent in Polish).
    own_places: frozenset[str] = frozenset()

    def common_noun(self, word: str) -> bool:
        """Whether a capitalised ``word`` is a common noun of a language that capitalises
        nouns: in its word list, and in no list of a language whose lists keep proper names
        (English, Polish: Wiktionary-derived, they list *Berlin*, *Schmidt*, *Goethe*; the
        German nouns *Jahr*, *Saison*, *Mannschaft* are not there)."""
        if self.nouns is None or word not in self.nouns:
            return False
        return not any(word in words for words in self.name_words)


def _stop_words(language: str) -> frozenset[str]:
    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(w.casefold() for w in getattr(module, "STOP_WORDS", ()))


def _cldr(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """Country/territory names (folded keys) and month/day names (lower case) in CLDR."""
    try:
        locale = babel.Locale.parse(language)
    except (ValueError, babel.UnknownLocaleError):
        return frozenset(), frozenset()
    english = babel.Locale("en")
    places = {fold(n) for n in [*locale.territories.values(), *english.territories.values()]}
    words: set[str] = set()
    for table in (locale.months, locale.days):
        for width in table.get("format", {}).values():
            words.update(str(v).casefold() for v in width.values())
    return frozenset(places), frozenset(words)


def _own_places(language: str) -> frozenset[str]:
    try:
        locale = babel.Locale.parse(language)
    except (ValueError, babel.UnknownLocaleError):
        return frozenset()
    return frozenset(fold(n) for n in locale.territories.values())


# Languages whose simplemma dictionary lists proper nouns capitalised (4–20 % of its forms:
# *Asia*, *Warszawa*), so that a form it has only in lower case is a common word. The Romance,
# Dutch and Russian ones keep under 1 % capitalised: a name there is a lower-case "common"
# word as often (Spanish *salma*), and on the development half of WikiNEuRal Spanish it cut
# the first names of people at a sentence's start (*Salma Hayek*).
NAME_KEEPING_DICTIONARIES = frozenset({"pl", "cs", "uk", "sl"})

# Languages whose nouns are all capitalised, and the word lists that keep names.
NOUN_CAPITALISING = frozenset({"de", "lb"})
NAME_KEEPING = ("en", "pl")


@functools.cache
def _dictionary(language: str) -> Mapping[str, str]:
    return DefaultDictionaryFactory(cache_max_size=8).get_dictionary(language)


@functools.cache
def _shared_gazetteer() -> GeoGazetteer:
    # One copy for every language's recogniser: it is the largest file the package ships.
    return load_gazetteer(language="en")


def load_name_lexicon(path: str | Path | None = None, language: str = "de",
                      gazetteer: bool = True) -> NameLexicon:
    """Read the lexicon for ``language`` from ``path`` (or the folder shipped for it)."""
    folder = lexicon_folder(PACKAGE, WHAT, path, language)
    english = lexicon_folder("europenews.analyze.entities", WHAT, None, "en")
    places, calendar = _cldr(language)
    organizations = frozenset(fold(name) for name, label in
                              read_pairs(english, "organizations.tsv", WHAT).items()
                              if label)
    return NameLexicon(
        language=language,
        particles=read_words(folder, "particles.txt", WHAT),
        titles=read_words(folder, "titles.txt", WHAT),
        org_heads=tuple(sorted(read_words(folder, "org_heads.txt", WHAT))),
        common=(_stop_words(language) | calendar
                | {w.casefold() for w in read_words(folder, "prepositions.txt", WHAT)}),
        calendar=calendar,
        place_heads=read_words(folder, "place_heads.txt", WHAT),
        places=places,
        first_names=frozenset(read_pairs(english, "first_names.tsv", WHAT)),
        organizations=organizations,
        gazetteer=_shared_gazetteer() if gazetteer else None,
        # Optional: a lexicon folder written before the file existed still loads.
        not_names=(read_words(folder, "not_names.txt", WHAT)
                   if folder.joinpath("not_names.txt").is_file() else frozenset()),
        nouns=_dictionary(language) if language in NOUN_CAPITALISING else None,
        name_words=(tuple(_dictionary(lang) for lang in NAME_KEEPING)
                    if language in NOUN_CAPITALISING else ()),
        words=language in NAME_KEEPING_DICTIONARIES and dictionary(language) is not None,
        own_places=_own_places(language),
    )
