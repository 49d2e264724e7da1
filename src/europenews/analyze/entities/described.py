"""People described, not named: "the Eastbrook man", "Harbor Vale mother of three", "Coach".

Such a span (labelled a person, its head a common noun) refers to a person the article names
elsewhere, or to nobody it names. It joins a named person when only one can be meant: the one
person whose role has the noun ("Coach" and "coach Ana Ruiz"), else the article's main person
(clearly the most mentioned of those known to agree in gender, then of those who may agree:
"woman" is not "Christopher", a name the first-name list gives to men). Otherwise it stays an
entity of its own. A nationality standing for a person ("the American") is read in
``finder._nationals``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Span

from europenews.analyze.doctext import doc_text
from europenews.analyze.entities.canonical import caps_lines, described_person, headline_lines
from europenews.analyze.entities.coref import CastWords

# How much more the main person must be mentioned than the next one who fits.
DOMINANCE = 2


class Person(Protocol):
    """What attaching needs of a person group (``finder._Group``)."""

    names: list[Span]
    roles: list[str]
    full: Span | None


def description_noun(span: Span, words: CastWords | None) -> str | None:
    """The noun of a described person ("man" for "Eastbrook man"; "coach" for a lone "Coach"
    when the lexicon knows it is a noun for people), or None for a name."""
    noun = described_person(span)
    if noun is not None:
        return noun.lemma_.lower()
    if len(span) == 1 and words is not None and span[0].pos_ == "NOUN":
        lower = span[0].lower_
        if lower in words.people:
            return lower
    # A headline capitalises the noun ("Jury Convicts Harlow Man", "Prison Escapee Caught"):
    # still a noun for people, unless a full name of the article ends in it ("Adam Driver").
    last = span[-1]
    if (words is not None and last.lower_ in words.people and (last.is_title or last.is_upper)
            and not _ends_a_name(span.doc, last.lower_)):
        return last.lower_
    return None


def _ends_a_name(doc: Doc, word: str) -> bool:
    """Whether a person's name ends in ``word`` in the body (a headline capitalises all)."""
    names = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ == word
             and not e[-1].is_lower]  # "a Harlow man" is no name
    if not names:
        return False
    lines = headline_lines(doc_text(doc)) + caps_lines(doc_text(doc))
    return any(not any(s <= e.start_char < end for s, end in lines) for e in names)


P = TypeVar("P", bound=Person)


def _gender(person: Person, words: CastWords) -> str | None:
    if person.full is None or len(person.full) < 2:
        return None
    return words.first_names.get(person.full[0].lower_.strip("."))


def described_one(noun: str, people: Sequence[P], words: CastWords | None) -> P | None:
    """The named person a described one can only be, or None."""
    by_role = [p for p in people if any(noun in r.lower().split() for r in p.roles)]
    if len(by_role) == 1:
        return by_role[0]
    wanted = words.gendered.get(noun) if words is not None else None
    fitting = [p for p in people if p.full is not None and len(p.full) > 1 and (
        wanted is None or words is None or _gender(p, words) in (None, wanted))]
    # Those known to agree ("man" and "Christopher") go before those whose gender is unknown:
    # "an Eastbrook man" beside Christopher Vick and Ka'lia Dunn is Vick, however often Dunn
    # is named. Only when one of them stands out; otherwise all who fit are weighed.
    agreeing = [p for p in fitting if wanted is not None and words is not None
                and _gender(p, words) == wanted]
    found = _most_named(agreeing)
    return found if found is not None else _most_named(fitting)


def _most_named(fitting: Sequence[P]) -> P | None:
    """The person clearly named most often (twice at least), or None."""
    ranked = sorted(fitting, key=lambda p: -len(p.names))
    if not ranked or len(ranked[0].names) < 2:
        return None
    if len(ranked) > 1 and len(ranked[0].names) < DOMINANCE * len(ranked[1].names):
        return None
    return ranked[0]
