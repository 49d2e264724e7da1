"""Which pipeline reads which language.

A language is analysed fully when the settings list it (``Settings.languages``, the
configuration's ``[analysis] languages``): with the spaCy model named here for it, our
components after it, and each component's lexicon in that language where one is packaged
(else the English one: the component still runs, on what its rules need from the parse).
Articles in other languages are kept, searchable and grouped, with an empty analysis.

The hook for languages without a statistical pipeline on PyPI (issue #22, part B): a language
listed in ``MULTILINGUAL`` is read by ``spacy.blank(language)`` with a sentencizer and the
factory ``europenews_names`` (the multilingual name recogniser, which sets ``doc.ents`` with
OntoNotes labels), then those of our components that need no parse (``PARSE_FREE``: names,
entities and places; quotes and events read dependency parses).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from europenews.config import Settings

# Statistical pipelines by language; English is ``Settings.model``.
MODELS: dict[str, str] = {"fr": "fr_core_news_md"}  # md: +0.03 F1 on names over sm (docs)
# Languages read by the multilingual name recogniser of part B (see the module docstring).
MULTILINGUAL: tuple[str, ...] = ("de", "es", "it", "nl", "pl", "pt", "ru", "cs", "uk")
NAMES_FACTORY = "europenews_names"
NAME_LEXICON = "europenews.name_lexicon.v1"
# What a pipeline without a parser can run: quotes and events read dependency parses.
PARSE_FREE = ("europenews_gazetteer", "europenews_entities", "europenews_places")
# The models trained on WikiNER label PER/LOC/ORG/MISC; our components read OntoNotes labels.
WIKINER_MODELS = frozenset({"fr_core_news_sm", "fr_core_news_md", "fr_core_news_lg"})

# Each component's lexicon parameters: (config key, registered function, lexicon package, the
# file that shows a language's folder has this lexicon: several share the entities folder).
LEXICONS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "europenews_gazetteer": (("names", "europenews.known_names.v1", "entities", "places.tsv"),),
    "europenews_entities": (("lexicon", "europenews.entity_lexicon.v1", "entities",
                             "titles.txt"),),
    "europenews_places": (("gazetteer", "europenews.geo_gazetteer.v1", "places",
                           "gazetteer.tsv.gz"),),
    "europenews_quotes": (("lexicon", "europenews.quote_lexicon.v1", "quotes",
                           "speech_verbs.txt"),
                          ("cast", "europenews.cast_words.v1", "entities", "first_names.tsv")),
    "europenews_events": (("lexicon", "europenews.event_lexicon.v1", "events", "triggers.tsv"),),
}


@dataclass(frozen=True, slots=True)
class PipelinePlan:
    """How to build the pipeline for one language."""

    language: str
    model: str | None  # None: spacy.blank(language) with the multilingual names component
    components: tuple[str, ...]
    configs: tuple[tuple[str, dict[str, object]], ...]  # component name → its config

    @property
    def relabel(self) -> bool:
        return self.model in WIKINER_MODELS


def has_lexicon(capability: str, language: str, marker: str) -> bool:
    """Whether the package ships ``analyze/<capability>/lexicons/<language>/<marker>``."""
    folder = resources.files(f"europenews.analyze.{capability}").joinpath("lexicons", language)
    return folder.joinpath(marker).is_file()


def lexicon_language(capability: str, language: str, marker: str) -> str:
    """The language of the lexicon a component gets for ``language``: its own when packaged,
    else English (names, gazetteer points and numbers still apply across languages)."""
    return language if has_lexicon(capability, language, marker) else "en"


def plan_for(language: str, settings: Settings) -> PipelinePlan | None:
    """The plan for ``language``, or None when it is not analysed fully."""
    if language not in settings.languages:
        return None
    if language == "en":
        model: str | None = settings.model
    elif language in MODELS:
        model = MODELS[language]
    elif language in MULTILINGUAL:
        model = None
    else:
        return None
    components = tuple(c for c in settings.components if model is not None or c in PARSE_FREE)
    configs = []
    for name in components:
        config: dict[str, object] = {}
        for key, function, capability, marker in LEXICONS.get(name, ()):
            config[key] = {"@misc": function, "path": None,
                           "language": lexicon_language(capability, language, marker)}
        configs.append((name, config))
    return PipelinePlan(language, model, components, tuple(configs))
