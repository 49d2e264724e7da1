"""Speakers resolved to the article's entities: names, pronouns, descriptions."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from europenews.analyze.extensions import register_extensions
from europenews.analyze.quotes.attribution import build_index, resolve_speaker
from europenews.model import Entity, Mention, Speaker
from tests.analyze.quotes.helpers import only_quote


def test_attribution_pronoun_resolves_to_person(nlp):
    text = (
        "German Foreign Minister Annalena Baerbock visited Beijing on Tuesday. "
        "She warned that China was supplying weapons to Russia."
    )
    quote = only_quote(nlp(text)._.quotes)
    assert quote.speaker.mention.text == "She"
    assert quote.speaker.name == "Annalena Baerbock"


# Hand-built parses with the entities component's output set by hand.
@pytest.fixture(scope="module")
def vocab():
    register_extensions()
    return spacy.blank("en").vocab


def _doc(vocab, words, heads, deps, entities=(), of_token=None):
    lemmas = [w.lower() for w in words]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    doc._.entities = list(entities)
    doc._.entity_of_token = of_token or {}
    return doc


KALLAS = Entity("e1", "Kaja Kallas", "person", ("prime minister",), (Mention(4, 10, "Kallas"),))
WORDS = ["Ms.", "Kallas", "arrived", ".", "She", "said", "no", "."]
HEADS = [1, 2, 2, 2, 5, 5, 5, 5]
DEPS = ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"]


def test_attribution_index_lists_people_and_the_gender_an_honorific_shows(vocab):
    index = build_index(_doc(vocab, WORDS, HEADS, DEPS, [KALLAS], {1: "e1"}))
    assert index.persons == [1] and index.gender == {"e1": "f"}


def test_attribution_index_is_empty_when_the_entities_component_did_not_run(vocab):
    doc = Doc(vocab, words=["She", "said", "no"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"])
    index = build_index(doc)
    assert (index.by_id, index.of_token, index.persons) == ({}, {}, [])


def test_attribution_pronoun_takes_the_preceding_subject(vocab):
    doc = _doc(vocab, WORDS, HEADS, DEPS, [KALLAS], {1: "e1"})
    speaker = resolve_speaker(doc, 4, build_index(doc), frozenset())
    assert speaker == Speaker("e1", "Kaja Kallas", Mention(doc[4].idx, doc[4].idx + 3, "She"))


def test_attribution_pronoun_of_the_other_gender_stays_unresolved(vocab):
    words = [*WORDS[:4], "He", *WORDS[5:]]
    doc = _doc(vocab, words, HEADS, DEPS, [KALLAS], {1: "e1"})
    speaker = resolve_speaker(doc, 4, build_index(doc), frozenset())
    assert speaker.entity is None and speaker.mention.text == "He"


def test_attribution_description_takes_the_person_with_that_role(vocab):
    words = ["Kallas", "arrived", ".", "The", "minister", "said", "no", "."]
    heads = [1, 1, 1, 4, 5, 5, 5, 5]
    deps = ["nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "dobj", "punct"]
    doc = _doc(vocab, words, heads, deps, [KALLAS], {0: "e1"})
    speaker = resolve_speaker(doc, 4, build_index(doc), frozenset({"minister"}))
    assert speaker.entity == "e1" and speaker.mention.text == "The minister"
