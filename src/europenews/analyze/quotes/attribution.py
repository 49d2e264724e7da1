"""Resolve a speaker mention (name, pronoun or description) to an entity of the article.

Names resolve through ``doc._.entity_of_token`` (set by europenews_entities). Pronouns take the
nearest preceding person, preferring sentence subjects and respecting gender when the article
shows it ("Mr.", "Ms.", or a pronoun already resolved to that person). Descriptions ("the
governor") take the nearest preceding person introduced with that title or role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from europenews.analyze.quotes.speakers import mention_range
from europenews.model import Entity, Mention, Speaker

GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
HONORIFIC = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f"}
PERSONAL = frozenset({"he", "she", "him", "her", "i", "we", "they"})
WINDOW = 120  # tokens searched back for a pronoun's antecedent


@dataclass
class EntityIndex:
    """The article's entities as the attribution needs them; ``gender`` fills in as we go."""

    by_id: dict[str, Entity]
    of_token: dict[int, str]
    persons: list[int]  # token indices of person mentions, ascending
    gender: dict[str, str] = field(default_factory=dict)


def build_index(doc: Doc) -> EntityIndex:
    """Index ``doc._.entities`` / ``doc._.entity_of_token`` (empty when the component is off)."""
    by_id = {e.id: e for e in (doc._.entities or ())}
    of_token = dict(doc._.entity_of_token or {})
    persons = sorted(i for i, eid in of_token.items() if _is_person(by_id.get(eid)))
    index = EntityIndex(by_id, of_token, persons)
    for i in persons:
        if i > 0 and doc[i - 1].lower_ in HONORIFIC:
            index.gender.setdefault(of_token[i], HONORIFIC[doc[i - 1].lower_])
    return index


def _is_person(entity: Entity | None) -> bool:
    return entity is not None and entity.type == "person"


def _entity_in(index: EntityIndex, start: int, end: int, head: int) -> str | None:
    if head in index.of_token:
        return index.of_token[head]
    ids = [index.of_token[i] for i in range(start, end) if i in index.of_token]
    people = [e for e in ids if _is_person(index.by_id.get(e))]
    found = people or ids
    return found[-1] if found else None


def _pronoun_antecedent(doc: Doc, pron: Token, index: EntityIndex) -> str | None:
    gender = GENDER.get(pron.lower_)
    best: str | None = None
    fallback: str | None = None
    for i in reversed(index.persons):
        if i >= pron.i:
            continue
        if pron.i - i > WINDOW:
            break
        eid = index.of_token[i]
        known = index.gender.get(eid)
        if gender and known and known != gender:
            continue
        if fallback is None:
            fallback = eid
        if doc[i].dep_ in ("nsubj", "nsubjpass") or doc[i].head.dep_ in ("nsubj", "nsubjpass"):
            best = eid
            break
    return best or fallback


def _description_antecedent(doc: Doc, head: Token, index: EntityIndex) -> str | None:
    word = head.lemma_.lower()
    for i in reversed(index.persons):
        if i >= head.i:
            continue
        eid = index.of_token[i]
        entity = index.by_id[eid]
        nearby = {t.lemma_.lower() for t in doc[max(i - 4, 0) : i]}
        if word in nearby or any(word in role.lower() for role in entity.roles):
            return eid
    return None


def resolve_speaker(doc: Doc, head_i: int, index: EntityIndex, titles: frozenset[str]) -> Speaker:
    """The speaker for the mention headed by token ``head_i``."""
    head = doc[head_i]
    start, end = mention_range(head)
    span = doc[start:end]
    # "-President Obama, tweeting ...": a signature's dash glued to the name is not the name.
    lead = len(span.text) - len(span.text.lstrip("-–—― \u00a0"))
    mention = Mention(span.start_char + lead, span.end_char, span.text[lead:])
    eid = _entity_in(index, start, end, head_i)
    if eid is None and head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        antecedent = head.head.head  # "Kallas, who said ...": the noun the clause hangs from
        eid = _entity_in(index, *mention_range(antecedent), antecedent.i)
    if eid is None and head.lower_ in PERSONAL:
        eid = _pronoun_antecedent(doc, head, index)
        if eid is not None and head.lower_ in GENDER:
            index.gender.setdefault(eid, GENDER[head.lower_])
    elif eid is None and head.lemma_.lower() in titles:
        eid = _description_antecedent(doc, head, index)
    entity = index.by_id.get(eid) if eid else None
    return Speaker(eid if entity else None, entity.name if entity else None, mention)
