"""The word lists the entity canonicaliser reads (package data under ``data/entities``)."""

from __future__ import annotations

from dataclasses import dataclass

from europenews.analyze.entities.gazetteer import country_names, read_pairs, read_words
from europenews.analyze.entities.roles import TitleWords


@dataclass(frozen=True, slots=True)
class EntityLexicon:
    """Package data the canonicaliser reads (see ``data/entities``)."""

    titles: TitleWords
    canonical: dict[str, str]  # organisation name → canonical name ("EU" → "European Union")
    descriptions: dict[str, str]  # "bloc" → "European Union"
    countries: frozenset[str] = frozenset()  # country names, title case
    not_names: frozenset[str] = frozenset()  # "men", "soccer": never a name on their own
    event_heads: frozenset[str] = frozenset()  # "Open", "Cup": last words of event names


def load_entity_lexicon() -> EntityLexicon:
    """Read the title words, organisation names and descriptions."""
    titles = TitleWords(
        heads=read_words("titles.txt"),
        modifiers=read_words("modifiers.txt"),
        demonyms=read_words("demonyms.txt"),
    )
    orgs = read_pairs("organizations.tsv")
    return EntityLexicon(
        titles,
        orgs,
        read_pairs("descriptions.tsv"),
        country_names(),
        read_words("not_names.txt"),
        read_words("event_heads.txt"),
    )
