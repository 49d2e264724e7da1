"""A title alone labelled a person ("CEO", "Head Coach", "Sgt"): no name, but a mention of the
person it stands for when the article makes that one person plain.

``resolve_names`` drops such a span (a title names nobody). Read before that, it becomes a
mention of kind ``"description"``:

- of the person named right after it ("SeaMicro CEO Andrew Feldman") or right before it
  through "as" ("hired Ana Ruiz as Head Coach");
- else of the one person of the article whose roles hold its last word ("Rehires Attorney"
  beside "attorney Shawn Holley"); never when several or none do, nor when a name stands
  before it ("the former Portland Trailblazers Coach" is not the article's other coach).

Like a pronoun it is left out of the token map: later steps see no name there.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from europenews.analyze.entities.pronouns import with_mentions
from europenews.analyze.entities.roles import TitleWords
from europenews.model import Entity, Mention


def _word(text: str) -> str:
    return text.lower().rstrip(".")


def title_spans(doc: Doc, titles: TitleWords) -> list[Span]:
    """The person-labelled spans of ``doc.ents`` made of title words only ("Chief Executive")."""
    return [e for e in doc.ents if e.label_ == "PERSON" and _word(e[-1].text) in titles.heads
            and all(_word(t.text) in titles.heads or _word(t.text) in titles.modifiers
                    for t in e)]


def _person_at(i: int, of_token: dict[int, str], people: set[str]) -> str | None:
    eid = of_token.get(i)
    return eid if eid in people else None


def _referent(doc: Doc, span: Span, entities: list[Entity], of_token: dict[int, str],
              titles: TitleWords) -> str | None:
    people = {e.id for e in entities if e.type == "person"}
    after = _person_at(span.end, of_token, people) if span.end < len(doc) else None
    if after is not None and "\n" not in span[-1].whitespace_:
        return after  # "SeaMicro CEO Andrew Feldman"
    start = span.start  # "as Head Coach" where the span is "Coach"
    while start > 0 and _word(doc[start - 1].text) in titles.modifiers | titles.heads:
        start -= 1
    if start >= 2 and doc[start - 1].lower_ == "as":
        before = _person_at(start - 2, of_token, people)
        if before is not None:
            return before  # "hired Ana Ruiz as Head Coach"
    if start > 0 and (doc[start - 1].pos_ == "PROPN" or (start - 1) in of_token):
        return None  # "former Portland Trailblazers Coach": a coach of its own, named so
    word = _word(span[-1].text)
    holding = [e.id for e in entities if e.id in people
               and any(word in r.lower().split() for r in e.roles)]
    return holding[0] if len(holding) == 1 else None


def refer_titles(doc: Doc, entities: list[Entity], of_token: dict[int, str],
                 spans: list[Span], titles: TitleWords) -> list[Entity]:
    """The entities with each title alone of ``spans`` added as a ``"description"`` mention of
    the person it stands for; one that overlaps a mention of the article is left out."""
    if not spans:
        return entities
    found: dict[str, list[Mention]] = {}
    for span in spans:
        if any(i in of_token for i in range(span.start, span.end)):
            continue  # still part of a name or a description the article's entities hold
        eid = _referent(doc, span, entities, of_token, titles)
        if eid is not None:
            found.setdefault(eid, []).append(
                Mention(span.start_char, span.end_char, span.text, "description"))
    return with_mentions(entities, found)
