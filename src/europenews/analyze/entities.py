"""Canonical entities within one article (baseline: one entity per distinct entity text).

To be replaced by the full canonicaliser (aliases, titles, roles) — issue 2.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.extensions import register_extensions
from europenews.model import Entity, Mention

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "misc",
    "EVENT": "misc",
    "WORK_OF_ART": "misc",
    "LAW": "misc",
    "PRODUCT": "misc",
    "LANGUAGE": "misc",
}


def find_entities(doc: Doc) -> tuple[list[Entity], dict[int, str]]:
    """Group the doc's named entities by text; return the entities and token → entity id."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    tokens: dict[tuple[str, str], list[int]] = {}
    labels: dict[tuple[str, str], str] = {}
    for ent in doc.ents:
        etype = LABEL_TYPES.get(ent.label_)
        if etype is None:
            continue
        key = (etype, ent.text)
        groups.setdefault(key, []).append(Mention(ent.start_char, ent.end_char, ent.text))
        tokens.setdefault(key, []).extend(range(ent.start, ent.end))
        labels.setdefault(key, ent.label_)
    entities: list[Entity] = []
    entity_of_token: dict[int, str] = {}
    for n, (key, mentions) in enumerate(groups.items(), start=1):
        eid = f"e{n}"
        entities.append(Entity(eid, key[1], key[0], (), tuple(mentions), labels[key]))
        for i in tokens[key]:
            entity_of_token[i] = eid
    return entities, entity_of_token


class EntityCanonicaliser:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities, doc._.entity_of_token = find_entities(doc)
        return doc


class Gazetteer:
    """Placeholder: gazetteer-backed place/organisation recognition."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("europenews_gazetteer", requires=["doc.ents"], assigns=["doc.ents"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    register_extensions()
    return Gazetteer(name)


@Language.factory(
    "europenews_entities",
    requires=["doc.ents"],
    assigns=["doc._.entities", "doc._.entity_of_token"],
)
def make_entity_canonicaliser(nlp: Language, name: str) -> EntityCanonicaliser:
    register_extensions()
    return EntityCanonicaliser(name)
