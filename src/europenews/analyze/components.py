"""Every spaCy registration of EuropeNews: the five components, the lexicons they are configured
with and the tokenizer (listed under ``[project.entry-points.spacy_*]`` in pyproject.toml).

Each component is a thin ``Pipe``: it checks that the Doc carries the annotations it cannot do
without, calls its capability's pure ``find_*`` function and stores the result as plain values
(``analyze/extensions.py``). Anything that goes wrong goes through spaCy's error handler
(``nlp.set_error_handler``). ``requires``/``assigns`` list the attributes a component reads and
writes, our own ``doc._`` data included (an input whose component did not run reads ``None``,
and the component does without it). docs/components.md describes each component, its config
and the registered functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from europenews.analyze.doctext import doc_text
from europenews.analyze.entities import (
    CastWords,
    EntityLexicon,
    KnownNames,
    build_matchers,
    correct_entities,
    find_entities,
    load_cast_words,
    load_entity_lexicon,
    load_known_names,
    resolve_names,
    resolve_speakers,
)
from europenews.analyze.entities.furniture import furniture_lines
from europenews.analyze.entities.gazetteer import NameMatcher
from europenews.analyze.entities.pronouns import pronoun_spans
from europenews.analyze.entities.titled import refer_titles, title_spans
from europenews.analyze.events import EventLexicon, find_events, load_event_lexicon
from europenews.analyze.events.titleonly import events_with_title, needs_title, sentence_case
from europenews.analyze.extensions import register_extensions
from europenews.analyze.names import NameLexicon, find_names, load_name_lexicon
from europenews.analyze.names.russian import russian_tagger
from europenews.analyze.places import GeoGazetteer, load_gazetteer, locate_places
from europenews.analyze.quotes import QuoteLexicon, find_quotes, load_quote_lexicon
from europenews.analyze.ruletable import AttributeTable, LemmaTable
from europenews.analyze.tokenizer import create_glued_quotations_tokenizer
from europenews.errors import ConfigError
from europenews.model import Event

registry.misc("europenews.known_names.v1")(load_known_names)
registry.misc("europenews.entity_lexicon.v1")(load_entity_lexicon)
registry.misc("europenews.geo_gazetteer.v1")(load_gazetteer)
registry.misc("europenews.quote_lexicon.v1")(load_quote_lexicon)
registry.misc("europenews.cast_words.v1")(load_cast_words)
registry.misc("europenews.event_lexicon.v1")(load_event_lexicon)
registry.misc("europenews.name_lexicon.v1")(load_name_lexicon)
registry.tokenizers("europenews.glued_quotations.v1")(create_glued_quotations_tokenizer)

# Where each annotation a component reads comes from: the ``Doc.has_annotation`` attribute that
# shows it is there, and the kind of spaCy component that sets it.
_ANNOTATIONS = {
    "token.tag": ("TAG", "a tagger"),
    "token.pos": ("POS", "an attribute ruler or a morphologizer"),
    "token.morph": ("MORPH", "an attribute ruler or a morphologizer"),
    "token.lemma": ("LEMMA", "a lemmatizer"),
    "token.dep": ("DEP", "a parser"),
    "token.head": ("DEP", "a parser"),
    "token.is_sent_start": ("SENT_START", "a parser or a sentencizer"),
    "doc.sents": ("SENT_START", "a parser or a sentencizer"),
    "doc.ents": ("ENT_IOB", "an entity recognizer (or europenews_gazetteer)"),
    "token.ent_type": ("ENT_IOB", "an entity recognizer"),
    "token.ent_iob": ("ENT_IOB", "an entity recognizer"),
}
_ENTS = ("doc.ents", "token.ent_type", "token.ent_iob")


def _lexicon(name: str) -> dict[str, object]:
    return {"@misc": name, "path": None, "language": "en"}


class Component(Pipe):
    """What our components share: the annotation check and spaCy's error handler.

    ``requires`` is what the factory declares to spaCy: the attributes the component reads,
    except token.pos and token.morph. The model's attribute_ruler sets those two but declares no
    assigns, so spaCy's pipe analysis would report them missing from every en_core_web_*
    pipeline. ``needs`` is what the component cannot do without, token.pos and token.morph
    included: it is checked on every Doc, and a Doc without it fails with a message that says
    what to add.
    """

    requires: ClassVar[tuple[str, ...]] = ()
    needs: ClassVar[tuple[str, ...]] = ()

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.check(doc)
            self.set_annotations(doc)
        except Exception as exc:
            # spaCy's protocol: the default handler re-raises; one that lets the error pass
            # gets the Doc back unchanged (our extension stays None: "did not run").
            error_handler(self.name, self, [doc], exc)
        return doc

    def check(self, doc: Doc) -> None:
        """Fail with what is missing when the Doc lacks an annotation this component needs."""
        missing = [a for a in self.needs if not doc.has_annotation(_ANNOTATIONS[a][0])]
        if missing:
            setters = dict.fromkeys(_ANNOTATIONS[a][1] for a in missing)
            raise ConfigError(
                f"{self.name}: the Doc has no {', '.join(missing)}; add the component to a "
                f"pipeline with {', '.join(setters)} before it (en_core_web_sm has them all)"
            )

    def set_annotations(self, doc: Doc) -> None:
        raise NotImplementedError


class NerLabels(Component):
    """``europenews_ner_labels``: ``doc.ents`` relabelled to the OntoNotes names our
    components read (a WikiNER-trained model's PER and MISC become PERSON and MISC's nearest
    kin), so one set of components serves every language's model."""

    requires = ("doc.ents",)
    needs = ()

    def __init__(self, name: str, labels: dict[str, str]) -> None:
        super().__init__(name)
        self.mapping = dict(labels)

    def set_annotations(self, doc: Doc) -> None:
        doc.ents = [Span(doc, e.start, e.end, label=self.mapping.get(e.label_, e.label_))
                    for e in doc.ents]


class NameRecogniser(Component):
    """``europenews_names``: ``doc.ents`` from capitalised runs typed by lexicons, for the
    languages without a statistical pipeline (``analyze/names/``)."""

    requires = ("token.is_sent_start",)
    needs = ("doc.sents",)

    def __init__(self, name: str, lexicon: NameLexicon) -> None:
        super().__init__(name)
        self.lexicon = lexicon
        # Russian has a statistical tagger on PyPI (natasha): it beats the rules there.
        self.tagger = russian_tagger() if lexicon.language == "ru" else None

    def set_annotations(self, doc: Doc) -> None:
        if self.tagger is not None:
            spans = (doc.char_span(a, b, label=label, alignment_mode="expand")
                     for a, b, label in self.tagger(doc_text(doc)))
            doc.ents = filter_spans([s for s in spans if s is not None])
            return
        words = [t.text for t in doc]
        starts = [bool(t.is_sent_start) for t in doc]
        doc.ents = [Span(doc, n.start, n.end, label=n.label)
                    for n in find_names(words, starts, self.lexicon)]


class GazetteerCorrector(Component):
    """``europenews_gazetteer``: ``doc.ents`` corrected with the known names."""

    requires = ("doc.ents", "token.tag", "token.is_sent_start")
    needs = ()  # a recogniser itself: on a pipeline without one it adds the names it knows

    def __init__(
        self, name: str, exact: NameMatcher, caps: NameMatcher, famous: frozenset[str]
    ) -> None:
        super().__init__(name)
        self.exact, self.caps, self.famous = exact, caps, famous

    def set_annotations(self, doc: Doc) -> None:
        doc.ents = correct_entities(doc, self.exact, self.caps, self.famous)


class EntityCanonicaliser(Component):
    """``europenews_entities``: ``doc.ents`` cleaned; ``doc._.entities``;
    ``doc._.entity_of_token``."""

    requires = ("doc.ents", "token.tag", "token.dep", "token.head", "token.is_sent_start")
    needs = ("doc.ents",)

    def __init__(self, name: str, lexicon: EntityLexicon) -> None:
        super().__init__(name)
        self.lexicon = lexicon

    def set_annotations(self, doc: Doc) -> None:
        # A pronoun labelled a person ("She") is no name: a mention of whom it refers to.
        pronouns = pronoun_spans(doc)
        if pronouns:
            doc.ents = [e for e in doc.ents if e not in pronouns]
        titles = title_spans(doc, self.lexicon.titles)  # dropped as names, kept as mentions
        doc.ents = resolve_names(doc, self.lexicon)
        entities, of_token = find_entities(doc, self.lexicon, pronouns)
        doc._.entities = refer_titles(doc, entities, of_token, titles, self.lexicon.titles)
        doc._.entity_of_token = of_token


class PlaceFinder(Component):
    """``europenews_places``: ``doc._.places``, ``doc._.place_doubts``. Reads also
    ``doc._.outlet`` when the caller set it (``pipeline.make_doc``): no component assigns it,
    so it is not among ``requires``."""

    requires = ("doc.ents", "token.ent_type", "token.is_sent_start")
    needs = ("doc.ents",)

    def __init__(self, name: str, gazetteer: GeoGazetteer, add_missed: bool) -> None:
        super().__init__(name)
        self.gazetteer, self.add_missed = gazetteer, add_missed

    def set_annotations(self, doc: Doc) -> None:
        found = locate_places(doc, self.gazetteer, self.add_missed, outlet=doc._.outlet)
        doc._.places = list(found.places)
        doc._.place_doubts = sorted(found.doubtful)


class QuoteFinder(Component):
    """``europenews_quotes``: ``doc._.quotes``."""

    requires = ("token.dep", "token.head", "token.lemma", "token.tag", "token.ent_type",
                "token.ent_iob", "doc.sents", "doc._.entities", "doc._.entity_of_token")
    needs = ("token.dep", "token.tag", "token.pos", "token.lemma")

    def __init__(self, name: str, lexicon: QuoteLexicon, beliefs: bool, cast: CastWords) -> None:
        super().__init__(name)
        self.lexicon, self.beliefs, self.cast = lexicon, beliefs, cast

    def set_annotations(self, doc: Doc) -> None:
        # The finder picks each speaker's mention; which entity of the article's cast it
        # names is decided apart, after it (analyze/entities/coref.py).
        found = find_quotes(doc, self.lexicon, self.beliefs)
        # A quotation in the page's furniture (a video list's "“...,” says a neighbour") is
        # another story's, not this article's.
        furniture = furniture_lines(doc_text(doc))
        found = [q for q in found if not any(s <= q.start < e for s, e in furniture)]
        doc._.quotes = resolve_speakers(doc, found, doc._.entities, doc._.entity_of_token,
                                        self.cast, self.lexicon.pronouns,
                                        self.lexicon.source_preps)


class EventFinder(Component):
    """``europenews_events``: ``doc._.events``."""

    requires = ("token.dep", "token.head", "token.lemma", "token.tag", *_ENTS, "doc.sents",
                "doc._.entities", "doc._.entity_of_token", "doc._.places", "doc._.place_doubts")
    needs = ("token.dep", "token.tag", "token.pos", "token.morph", "token.lemma", "doc.ents")

    def __init__(self, name: str, lexicon: EventLexicon,
                 tokenizer: Callable[[str], Doc] | None = None,
                 pipes: Sequence[Callable[[Doc], Doc]] = ()) -> None:
        super().__init__(name)
        self.lexicon = lexicon
        # The model's tokenizer and own pipes (tagger, parser, lemmatizer, ner): what a title
        # is read with when the text reports no casualty event (events/titleonly.py).
        self.tokenizer = tokenizer
        self.pipes = tuple(pipes)

    def set_annotations(self, doc: Doc) -> None:
        events = find_events(doc, self.lexicon)
        title = doc._.title
        if title and self.tokenizer and self.lexicon.title_rates and needs_title(events):
            events = events_with_title(events, self._title_events(title), title,
                                       self.lexicon.title_rates)
        doc._.events = events

    def _title_events(self, title: str) -> list[Event]:
        """The events of the title read as a sentence (no entities or places: none needed)."""
        assert self.tokenizer is not None
        tdoc = self.tokenizer(sentence_case(title))
        for pipe in self.pipes:
            tdoc = pipe(tdoc)
        tdoc._.title = title
        return find_events(tdoc, self.lexicon)


# WikiNER's labels (fr_core_news_*, and the multilingual models of part B) in OntoNotes terms:
# LOC stays LOC (a place either way); MISC names (events, works, nationalities) count as misc.
WIKINER_LABELS = {"PER": "PERSON", "MISC": "EVENT"}


@Language.factory(
    "europenews_ner_labels",
    default_config={"labels": WIKINER_LABELS},
    requires=["doc.ents"],
    assigns=["doc.ents", "token.ent_type"],
)
def make_ner_labels(nlp: Language, name: str, labels: dict[str, str]) -> NerLabels:
    return NerLabels(name, labels)


@Language.factory(
    "europenews_names",
    default_config={"lexicon": {"@misc": "europenews.name_lexicon.v1", "path": None,
                                "language": "de"}},
    requires=list(NameRecogniser.requires),
    assigns=list(_ENTS),
)
def make_names(nlp: Language, name: str, lexicon: NameLexicon) -> NameRecogniser:
    register_extensions()
    return NameRecogniser(name, lexicon)


@Language.factory(
    "europenews_gazetteer",
    default_config={"names": _lexicon("europenews.known_names.v1")},
    requires=list(GazetteerCorrector.requires),
    assigns=list(_ENTS),
)
def make_gazetteer(nlp: Language, name: str, names: KnownNames) -> GazetteerCorrector:
    register_extensions()
    exact, caps = build_matchers(nlp, names)
    return GazetteerCorrector(name, exact, caps, frozenset(n.lower() for n in names.caps))


@Language.factory(
    "europenews_entities",
    default_config={"lexicon": _lexicon("europenews.entity_lexicon.v1")},
    requires=list(EntityCanonicaliser.requires),
    assigns=[*_ENTS, "doc._.entities", "doc._.entity_of_token"],
)
def make_entity_canonicaliser(
    nlp: Language, name: str, lexicon: EntityLexicon
) -> EntityCanonicaliser:
    register_extensions()
    return EntityCanonicaliser(name, lexicon)


@Language.factory(
    "europenews_places",
    default_config={"add_missed": True, "gazetteer": _lexicon("europenews.geo_gazetteer.v1")},
    requires=list(PlaceFinder.requires),
    assigns=["doc._.places", "doc._.place_doubts"],
)
def make_places_finder(
    nlp: Language, name: str, add_missed: bool, gazetteer: GeoGazetteer
) -> PlaceFinder:
    register_extensions()
    return PlaceFinder(name, gazetteer, add_missed)


@Language.factory(
    "europenews_quotes",
    default_config={"beliefs": True, "lexicon": _lexicon("europenews.quote_lexicon.v1"),
                    "cast": _lexicon("europenews.cast_words.v1")},
    requires=list(QuoteFinder.requires),
    assigns=["doc._.quotes"],
)
def make_quotes_finder(
    nlp: Language, name: str, beliefs: bool, lexicon: QuoteLexicon, cast: CastWords
) -> QuoteFinder:
    register_extensions()
    return QuoteFinder(name, lexicon, beliefs, cast)


@Language.factory(
    "europenews_events",
    default_config={"lexicon": _lexicon("europenews.event_lexicon.v1")},
    requires=list(EventFinder.requires),
    assigns=["doc._.events"],
)
def make_events_finder(nlp: Language, name: str, lexicon: EventLexicon) -> EventFinder:
    register_extensions()
    model_pipes = [pipe for pipe_name, pipe in nlp.pipeline
                   if not pipe_name.startswith("europenews_")]
    return EventFinder(name, lexicon, nlp.tokenizer, model_pipes)


# The model's attribute ruler and rule lemmatizer answered from tables (analyze/ruletable.py):
# ``use_rule_tables`` puts them in a loaded pipeline and hands each the component it replaces.
# Each declares what the component it replaces declares (the ruler nothing: see Component).
@Language.factory("europenews_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(name)


@Language.factory("europenews_lemma_table", assigns=["token.lemma"],
                  default_score_weights={"lemma_acc": 1.0})
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(name)
