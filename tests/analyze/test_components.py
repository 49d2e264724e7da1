"""The spaCy components: registration, config, declared contracts, errors, other pipelines."""

from __future__ import annotations

import shutil
from importlib import resources
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.util import registry

from europenews.analyze import components
from europenews.config import DEFAULT_MODEL
from europenews.errors import ConfigError

FACTORIES = (
    "europenews_gazetteer",
    "europenews_entities",
    "europenews_places",
    "europenews_quotes",
    "europenews_events",
)
# The registered lexicon function each factory is configured with, under the config key.
LEXICONS = {
    "europenews_gazetteer": ("names", "europenews.known_names.v1"),
    "europenews_entities": ("lexicon", "europenews.entity_lexicon.v1"),
    "europenews_places": ("gazetteer", "europenews.geo_gazetteer.v1"),
    "europenews_quotes": ("lexicon", "europenews.quote_lexicon.v1"),
    "europenews_events": ("lexicon", "europenews.event_lexicon.v1"),
}
# Further registered word lists a factory is configured with (config key → function).
MORE_LEXICONS = {"cast": "europenews.cast_words.v1"}  # europenews_quotes: speaker resolution
TEXT = (
    "Drones hit Kharkiv and Odesa overnight, and three people were killed in a missile strike "
    "on Dnipro, regional governor Serhiy Lysak said. “We will rebuild every house,” Lysak "
    "told reporters."
)


@pytest.fixture(scope="module")
def plain_model() -> Language:
    """Someone else's pipeline: the spaCy model alone, none of our components."""
    return spacy.load(DEFAULT_MODEL)


def test_components_registrations_snapshot():
    # A rename must break this test, not a user's config.
    assert {n for n in registry.factories.get_all() if n.startswith("europenews")} == set(
        FACTORIES
    ) | {"europenews_ner_labels", "europenews_names", "europenews_attribute_table",
         "europenews_lemma_table"}
    assert {n for n in registry.misc.get_all() if n.startswith("europenews")} == {
        lexicon for _, lexicon in LEXICONS.values()
    } | set(MORE_LEXICONS.values()) | {"europenews.name_lexicon.v1"}
    assert "europenews.glued_quotations.v1" in registry.tokenizers.get_all()


@pytest.mark.parametrize(
    ("group", "registry_table"),
    [("spacy_misc", registry.misc), ("spacy_tokenizers", registry.tokenizers)],
)
def test_components_registered_functions_are_entry_points(group, registry_table):
    # So a saved pipeline config resolves them in a process that never imported europenews.
    found = {ep.name: ep for ep in entry_points(group=group) if ep.name.startswith("europenews")}
    assert found
    for name, ep in found.items():
        assert ep.load() is registry_table.get(name)


@pytest.mark.parametrize("name", FACTORIES)
def test_components_config_names_a_versioned_lexicon(nlp, name):
    key, function = LEXICONS[name]
    assert nlp.config["components"][name][key] == {
        "@misc": function,
        "path": None,
        "language": "en",
    }


@pytest.mark.parametrize(
    ("name", "reads"),
    [
        ("europenews_quotes", {"doc._.entities", "doc._.entity_of_token"}),
        ("europenews_events", {"doc._.entities", "doc._.entity_of_token", "doc._.places",
                               "doc._.place_doubts"}),
    ],
)
def test_components_declare_the_doc_data_they_read(nlp, name, reads):
    assert reads <= set(nlp.get_pipe_meta(name).requires)


@pytest.mark.parametrize(
    ("name", "assigns"),
    [
        ("europenews_gazetteer", {"doc.ents", "token.ent_type", "token.ent_iob"}),
        ("europenews_entities", {"doc.ents", "token.ent_type", "token.ent_iob", "doc._.entities",
                                 "doc._.entity_of_token"}),
        ("europenews_places", {"doc._.places", "doc._.place_doubts"}),
        ("europenews_quotes", {"doc._.quotes"}),
        ("europenews_events", {"doc._.events"}),
    ],
)
def test_components_declare_what_they_assign(nlp, name, assigns):
    assert set(nlp.get_pipe_meta(name).assigns) == assigns


def test_components_lexicon_read_from_a_configured_folder(tmp_path):
    folder = tmp_path / "quotes-xx"
    packaged = resources.files("europenews.analyze.quotes").joinpath("lexicons", "en")
    shutil.copytree(str(packaged), folder)
    with (folder / "speech_verbs.txt").open("a", encoding="utf-8") as f:
        f.write("proclaimify\n")
    nlp = spacy.blank("en")
    config = {"@misc": "europenews.quote_lexicon.v1", "path": str(folder), "language": "xx"}
    finder = nlp.add_pipe("europenews_quotes", config={"lexicon": config})
    assert "proclaimify" in finder.lexicon.speech_verbs
    assert nlp.config["components"]["europenews_quotes"]["lexicon"]["path"] == str(folder)


@pytest.mark.parametrize("name", FACTORIES)
def test_components_language_without_lexicon_fails_at_add_pipe(name):
    key, function = LEXICONS[name]
    config = {key: {"@misc": function, "path": None, "language": "lt"}}
    with pytest.raises(ConfigError, match="no packaged lexicon for language 'lt'"):
        spacy.blank("en").add_pipe(name, config=config)


def test_components_missing_lexicon_folder_fails_at_add_pipe(tmp_path):
    config = {"@misc": "europenews.event_lexicon.v1", "path": str(tmp_path / "none")}
    with pytest.raises(ConfigError, match="not a folder"):
        spacy.blank("en").add_pipe("europenews_events", config={"lexicon": config})


def test_components_config_values_are_typed():
    with pytest.raises(Exception, match="beliefs"):
        spacy.blank("en").add_pipe("europenews_quotes", config={"beliefs": "sometimes"})


@pytest.mark.parametrize(
    ("name", "found"),
    [
        # The model alone misses Odesa.
        ("europenews_gazetteer", lambda d: ("Odesa", "GPE") in {(e.text, e.label_)
                                                                 for e in d.ents}),
        ("europenews_entities", lambda d: "Serhiy Lysak" in {e.name for e in d._.entities}),
        ("europenews_places", lambda d: "Dnipro" in {p.name for p in d._.places}),
        ("europenews_quotes", lambda d: any(q.kind == "direct" and q.speaker.mention.text == "Lysak"
                                            and q.speaker.entity is None for q in d._.quotes)),
        ("europenews_events", lambda d: d._.events[0].killed == 3 and d._.events[0].place is None),
    ],
    ids=["gazetteer", "entities", "places", "quotes-without-entities", "events-without-places"],
)
def test_components_added_by_name_to_a_plain_model(plain_model, name, found):
    plain_model.add_pipe(name)
    try:
        doc = plain_model(TEXT)
    finally:
        plain_model.remove_pipe(name)
    assert found(doc)


@pytest.mark.parametrize(
    ("name", "missing"),
    [
        ("europenews_entities", "doc.ents"),
        ("europenews_places", "doc.ents"),
        ("europenews_quotes", "token.dep, token.tag, token.pos, token.lemma"),
        ("europenews_events",
         "token.dep, token.tag, token.pos, token.morph, token.lemma, doc.ents"),
    ],
)
def test_components_on_a_blank_pipeline_say_what_they_need(name, missing):
    nlp = spacy.blank("en")
    nlp.add_pipe(name)
    with pytest.raises(ConfigError, match=f"^{name}: the Doc has no {missing}; add the component"):
        nlp(TEXT)


def test_components_gazetteer_needs_no_model():
    nlp = spacy.blank("en")
    nlp.add_pipe("europenews_gazetteer")
    assert {e.text for e in nlp(TEXT).ents} >= {"Kharkiv", "Odesa", "Dnipro"}


def test_components_failures_go_through_the_error_handler():
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("europenews_quotes")
    seen = []
    finder.set_error_handler(lambda name, proc, docs, exc: seen.append((name, proc, docs, exc)))
    doc = nlp("“We stay,” she said.")
    [(name, proc, docs, exc)] = seen
    assert (name, proc, docs) == ("europenews_quotes", finder, [doc])
    assert isinstance(exc, ConfigError)
    assert doc._.quotes is None  # the component did not run


def test_components_pipe_uses_the_error_handler_too():
    nlp = spacy.blank("en")
    nlp.add_pipe("europenews_events")
    seen = []
    nlp.set_error_handler(lambda name, proc, docs, exc: seen.append(name))
    docs = list(nlp.pipe(["One text.", "Another text."]))
    assert len(docs) == 2 and seen == ["europenews_events", "europenews_events"]


def test_components_are_spacy_pipes():
    assert issubclass(components.QuoteFinder, spacy.pipeline.Pipe)
    assert components.QuoteFinder.pipe is spacy.pipeline.Pipe.pipe


def test_components_docs_give_each_factory_its_contract(nlp):
    text = (Path(__file__).resolve().parents[2] / "docs" / "components.md").read_text("utf-8")
    rows: dict[str, str] = {}
    for line in text.splitlines():  # the first table row of each factory
        if line.startswith("| `europenews_"):
            rows.setdefault(line.split("`")[1], line)
    for name in FACTORIES:
        meta, row = nlp.get_pipe_meta(name), rows[name]
        declared = [*meta.requires, *meta.assigns, *meta.default_config, LEXICONS[name][1]]
        assert [a for a in declared if f"`{a}`" not in row] == [], name
    functions = [n for n in registry.misc.get_all() if n.startswith("europenews")]
    assert [n for n in functions if f"`{n}`" not in text] == []


@pytest.mark.parametrize(("label", "expected"), [("PER", "PERSON"), ("LOC", "LOC"),
                                                 ("ORG", "ORG"), ("MISC", "EVENT")])
def test_components_ner_labels_maps_wikiner_labels(label, expected):
    nlp = spacy.blank("fr")
    nlp.add_pipe("europenews_ner_labels")
    doc = nlp.make_doc("Hier Marie Curie est venue")
    doc.ents = [Span(doc, 1, 3, label=label)]
    assert [e.label_ for e in nlp(doc).ents] == [expected]


def test_components_a_video_lists_quotation_is_not_the_articles(nlp):
    text = ("Police say the shop was robbed on Friday, and Mayor Lena Holm said the town was "
            "shaken.\n\n1:49 Harbor town mayor Lena Holm says the pier will reopen\n\n"
            "2:51 \"We did not know the pier was closed,\" says a neighbour\n\n"
            "1:10 Ferry fares rise again")
    found = [text[q.start:q.end] for q in nlp(text)._.quotes]
    assert "the town was shaken" in found
    assert not any("pier" in f for f in found)
