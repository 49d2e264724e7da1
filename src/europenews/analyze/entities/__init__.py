"""Entities: one entity per real-world person, organisation, place or other named thing.

Front door: ``find_entities(doc, lexicon)`` returns the article's entities (names grouped
across spellings, with roles and descriptions) and a map from token index to entity id. It
reads ``doc.ents`` as two earlier steps leave them: ``correct_entities`` (the known-names
gazetteer, component ``europenews_gazetteer``) and ``resolve_names`` (cleaning, layout cues
and document-wide label agreement, component ``europenews_entities``).

``resolve_speakers(doc, quotes, ...)`` (``coref``) resolves each quote's speaker mention (a name,
a pronoun, a description) to an entity of the article's cast, after the quote finder.

Modules: ``finder`` (grouping), ``gazetteer`` (known-name matching), ``canonical`` (span
cleaning and label votes), ``namecues`` (names read from layout), ``resolve`` (the resolution
steps in order), ``roles`` (titles and appositions), ``lexicon`` (the word lists),
``pronouns`` and ``titled`` (a pronoun or a title alone labelled a person: a mention, of kind
``pronoun`` or ``description``, of the person it refers to; never a name).
"""

from __future__ import annotations

from europenews.analyze.entities.coref import CastWords, resolve_speakers
from europenews.analyze.entities.finder import find_entities
from europenews.analyze.entities.gazetteer import build_matchers, correct_entities
from europenews.analyze.entities.lexicon import (
    EntityLexicon,
    KnownNames,
    load_cast_words,
    load_entity_lexicon,
    load_known_names,
)
from europenews.analyze.entities.resolve import resolve_names

__all__ = [
    "CastWords",
    "EntityLexicon",
    "KnownNames",
    "build_matchers",
    "correct_entities",
    "find_entities",
    "load_cast_words",
    "load_entity_lexicon",
    "load_known_names",
    "resolve_names",
    "resolve_speakers",
]
