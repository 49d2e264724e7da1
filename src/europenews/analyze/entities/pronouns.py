"""Pronouns as mentions of the person they refer to ("she" for the actress named before).

A pronoun is no name: it never starts an entity, never spells one and never keys a link. When
a span the recogniser (or a caller's gold names) labelled a person is a personal pronoun
("She", "I"), it leaves ``doc.ents``; it becomes a mention of kind ``"pronoun"`` of the one
person of the article it can only refer to, or of nobody:

- "he"/"him"/"she"/"her" refer as a quote's speaker pronoun does (``coref.pronoun_entity``:
  the nearest earlier person who agrees in gender, no unnamed person of that gender between);
- "I"/"me" inside quotation marks are the person the sentence says spoke ("“I will stay,”
  Dana Cole said", "Cole said that, “I ...”"): one person of the cast, outside the marks,
  subject of a verb of saying in the same sentence;
- any other pronoun ("we", "they", "you") names a group or the reader: nobody.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from europenews.analyze.entities.chains import SUBJECTS, inside_marks
from europenews.analyze.entities.coref import (
    PRONOUN_GENDER,
    Cast,
    CastWords,
    build_cast,
    pronoun_entity,
)
from europenews.model import Entity, Mention

FIRST_PERSON = frozenset({"i", "me"})
PERSONAL = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his",
                      "she", "her", "hers", "they", "them", "their", "it", "its"})
# What may follow the pronoun inside one span: a clitic ("I'm", "she's").
CLITICS = frozenset({"'m", "’m", "'s", "’s", "'ll", "’ll", "'d", "’d", "'ve", "’ve", "'re",
                     "’re"})
# Verbs whose subject is who speaks the quoted words of the sentence.
SAYING = frozenset({"say", "tell", "add", "explain", "write", "recall", "insist", "reply",
                    "answer", "declare", "announce", "state", "ask", "note", "admit"})


def is_pronoun(span: Span) -> bool:
    """Whether a span is a personal pronoun, alone or with its clitic ("She", "I'm")."""
    return (len(span) > 0 and span[0].lower_ in PERSONAL
            and all(t.lower_ in CLITICS for t in span[1:]))


def pronoun_spans(doc: Doc) -> list[Span]:
    """The person-labelled spans of ``doc.ents`` that are pronouns: not names."""
    return [e for e in doc.ents if e.label_ == "PERSON" and is_pronoun(e)]


def _quoted_speaker(doc: Doc, pron: Token, cast: Cast) -> str | None:
    """The one person the sentence of a quoted "I" says spoke it, or None."""
    if not inside_marks(doc, pron.i):
        return None
    sent = pron.sent
    speakers = {cast.of_token[i] for i in cast.persons
                if sent.start <= i < sent.end and doc[i].dep_ in SUBJECTS
                and doc[i].head.lemma_.lower() in SAYING and not inside_marks(doc, i)}
    return speakers.pop() if len(speakers) == 1 else None


def _referent(doc: Doc, span: Span, cast: Cast, words: CastWords) -> str | None:
    head = span[0]
    if head.lower_ in PRONOUN_GENDER:
        return pronoun_entity(doc, head, cast, words)
    if head.lower_ in FIRST_PERSON:
        return _quoted_speaker(doc, head, cast)
    return None


def refer_pronouns(doc: Doc, entities: list[Entity], of_token: dict[int, str],
                   spans: list[Span], words: CastWords | None) -> list[Entity]:
    """The entities with each pronoun of ``spans`` added as a ``"pronoun"`` mention of the
    person it refers to; a pronoun that refers to nobody of the cast is left out. The token
    map is not changed: a pronoun is no name of the entity for the later steps."""
    if not spans or words is None:
        return entities
    cast = build_cast(doc, entities, of_token, words)
    found: dict[str, list[Mention]] = {}
    for span in spans:
        eid = _referent(doc, span, cast, words)
        if eid is not None and cast.by_id[eid].type == "person":
            found.setdefault(eid, []).append(
                Mention(span.start_char, span.end_char, span.text, "pronoun"))
    return with_mentions(entities, found)


def with_mentions(entities: list[Entity], found: dict[str, list[Mention]]) -> list[Entity]:
    """The entities with the mentions ``found`` for them (by entity id) added in text order."""
    return [replace(e, mentions=tuple(sorted((*e.mentions, *found[e.id]),
                                             key=lambda m: m.start)))
            if e.id in found else e for e in entities]
