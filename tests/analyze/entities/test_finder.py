"""Canonical entities within one article (europenews_entities)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

SEED_PEOPLE = {
    "Volodymyr Zelenskyy": "Ukrainian President",
    "Kaja Kallas": "diplomat",
    "Antonio Costa": "EU Council Chief",
    "Oleksandr Prokudin": "regional governor",
    "Annalena Baerbock": "German Foreign Minister",
    "Jake Sullivan": "National Security Adviser",
}


def test_entities_seed_has_one_person_per_named_person(seed_analysis):
    people = [e.name for e in seed_analysis.entities if e.type == "person"]
    assert sorted(people) == sorted(SEED_PEOPLE)


@pytest.mark.parametrize(("name", "role"), sorted(SEED_PEOPLE.items()))
def test_entities_seed_person_has_role(seed_analysis, name, role):
    [person] = [e for e in seed_analysis.entities if e.name == name]
    assert any(role in r for r in person.roles)


@pytest.mark.parametrize("name", ["NATO", "European Union", "UN Security Council", "White House"])
def test_entities_seed_organisations(seed_analysis, name):
    assert [e.type for e in seed_analysis.entities if e.name == name] == ["organization"]


def test_entities_seed_places_are_not_people(seed_analysis):
    places = {e.name for e in seed_analysis.entities if e.type == "place"}
    assert {"Kyiv", "Kherson", "Ukraine", "Beijing"} <= places


TEXT = (
    "Ukrainian President Volodymyr Zelenskyy met EU leaders in Kyiv on Tuesday. "
    "Zelensky said the European Union must act. The president added that the bloc "
    "had promised more weapons. Zelenskiy thanked the EU."
)


@pytest.fixture(scope="module")
def text_doc(nlp):
    return nlp(TEXT)


def test_entities_full_name_surname_and_description_are_one_person(text_doc):
    [person] = [e for e in text_doc._.entities if e.type == "person"]
    assert person.name == "Volodymyr Zelenskyy"
    assert {m.text for m in person.mentions} == {
        "Volodymyr Zelenskyy",
        "Zelensky",
        "Zelenskiy",
        "The president",
    }


def test_entities_eu_short_form_and_description_are_one_organisation(text_doc):
    [eu] = [e for e in text_doc._.entities if e.name == "European Union"]
    assert {m.text for m in eu.mentions} == {"EU", "European Union", "the bloc"}


def test_entities_entity_of_token_covers_descriptions(text_doc):
    person = next(e for e in text_doc._.entities if e.type == "person")
    start = TEXT.index("The president")
    tokens = [t.i for t in text_doc if start <= t.idx < start + len("The president")]
    assert [text_doc._.entity_of_token[i] for i in tokens] == [person.id, person.id]


def test_entities_mentions_offsets_match_text(text_doc):
    for entity in text_doc._.entities:
        for m in entity.mentions:
            assert TEXT[m.start : m.end] == m.text


def test_entities_factory_on_blank_pipeline_groups_hand_set_ents():
    nlp = spacy.blank("en")
    nlp.add_pipe("europenews_entities")
    words = ["Kaja", "Kallas", "met", "NATO", ".", "Kallas", "left", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "ORG"), Span(doc, 5, 6, "PERSON")]
    doc = nlp(doc)
    assert [(e.name, e.type, len(e.mentions)) for e in doc._.entities] == [
        ("Kaja Kallas", "person", 2),
        ("NATO", "organization", 1),
    ]
    assert doc._.entity_of_token == {0: "e1", 1: "e1", 3: "e2", 5: "e1"}


def _hand_grouped(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[str, int]]:
    nlp = spacy.blank("en")
    nlp.add_pipe("europenews_entities")
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label) for s, e, label in spans]
    doc = nlp(doc)
    return sorted((e.type, len(e.mentions)) for e in doc._.entities)


def test_entities_a_department_named_in_both_word_orders_and_by_its_subject_is_one_body():
    words = ["Fishery", "Department", "staff", "met", ".", "Fishery", "officials", "left", ".",
             "The", "Department", "of", "Fishery", "agreed", "."]
    spans = [(0, 2, "ORG"), (5, 6, "ORG"), (10, 13, "ORG")]
    assert _hand_grouped(words, spans) == [("organization", 3)]
    # the subject alone before the department's name, and the other word order alone
    words = ["Fishery", "said", "so", ",", "the", "Ministry", "of", "Fishery", "added", "."]
    assert _hand_grouped(words, [(0, 1, "ORG"), (5, 8, "ORG")]) == [("organization", 2)]


def test_entities_a_first_word_alone_is_not_a_bank_or_an_agency():
    # only a department or ministry is named by its subject: "Harbor" is not "Harbor Bank"
    words = ["Harbor", "Bank", "met", "Harbor", "and", "Fishery", "Agency", "met", "Fishery", "."]
    spans = [(0, 2, "ORG"), (3, 4, "ORG"), (5, 7, "ORG"), (8, 9, "ORG")]
    assert _hand_grouped(words, spans) == [("organization", 1)] * 4


def test_entities_no_entity_for_numbers(nlp):
    doc = nlp("At least three people were killed on Monday.")
    assert doc._.entities == []
    assert any(e.label_ == "CARDINAL" for e in doc.ents)  # kept for the events component


def test_entities_name_with_particles_is_one_person(nlp):
    doc = nlp(
        "Leaders met Ursula von der Leyen, the European Commission President, in Brussels. "
        "Later, Von der Leyen said the Commission would act."
    )
    [person] = [e for e in doc._.entities if e.type == "person"]
    assert person.name == "Ursula von der Leyen"
    assert "Von der Leyen" in {m.text for m in person.mentions}


def test_entities_short_organisation_name_joins_full_name(nlp):
    doc = nlp("The European Commission proposed sanctions. The Commission will vote on Friday.")
    [org] = [e for e in doc._.entities if e.type == "organization"]
    assert {m.text for m in org.mentions} == {"European Commission", "Commission"}


def test_entities_person_description_follows_role(nlp):
    doc = nlp(
        "Olaf Scholz, the German chancellor, spoke in Paris on Monday. "
        "The chancellor said more help would come."
    )
    [person] = [e for e in doc._.entities if e.type == "person"]
    assert person.name == "Olaf Scholz"
    assert "The chancellor" in {m.text for m in person.mentions}
