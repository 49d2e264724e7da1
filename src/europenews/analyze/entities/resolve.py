"""Resolve the doc's entity spans: clean, relabel and harmonise them across the document.

Runs before grouping (``entities.find_entities``); numbers, dates and other non-name spans
are kept as the model found them, since later components (events) read them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from europenews.analyze.entities.canonical import (
    NAME_LABELS,
    PARTICLES,
    clean_entities,
    harmonise,
    trim_headline_words,
)
from europenews.analyze.entities.firstnames import first_name_places
from europenews.analyze.entities.kinds import decide_kinds
from europenews.analyze.entities.lexicon import EntityLexicon
from europenews.analyze.entities.namecues import cue_persons, overlay, team_names
from europenews.analyze.entities.roles import find_roles


def _relabel(span: Span, lexicon: EntityLexicon) -> Span:
    """Nationalities the model read as places or people ("Ukrainian cities", "Tajik"), and
    events it read as organisations or places ("Hong Kong Open", "Fed Cup")."""
    label = span.label_
    if label in ("GPE", "LOC", "ORG", "PERSON") and _demonym(span.text, lexicon.titles.demonyms):
        label = "NORP"
    elif (
        label in ("ORG", "GPE", "LOC", "FAC")
        and len(span) > 1
        and (span[-1].text in lexicon.event_heads or span[-2:].text in lexicon.event_heads)
    ):
        label = "EVENT"
    return span if label == span.label_ else Span(span.doc, span.start, span.end, label=label)


def _demonym(text: str, demonyms: frozenset[str]) -> bool:
    return text in demonyms or (text.endswith("s") and text[:-1] in demonyms)


def _demonyms(doc: Doc, names: list[Span], demonyms: frozenset[str]) -> list[Span]:
    """Untagged nationality words ("French", "Britons") as NORP."""
    covered = {i for span in names for i in range(span.start, span.end)}
    strings = doc.vocab.strings
    found = []
    for i, orth in enumerate(doc.to_array("ORTH").tolist()):
        if i not in covered and _demonym(strings[orth], demonyms):
            found.append(Span(doc, i, i + 1, label="NORP"))
    return found


def _common_words(span: Span, not_names: frozenset[str]) -> bool:
    """Whether the span's words are all words that are never a name ("Men", "SOCCER")."""
    words = [t.lower_ for t in span if t.is_alpha]
    return bool(words) and all(w in not_names for w in words)


def _titled(doc: Doc, names: list[Span], lexicon: EntityLexicon) -> list[Span]:
    """Multi-word names with a person's title are people ("Olaf Scholz, the German chancellor")."""
    return [
        Span(doc, e.start, e.end, label="PERSON")
        for e in names
        if e.label_ in ("ORG", "GPE", "LOC", "NORP", "FAC")
        and len(e) > 1
        and find_roles(doc, e, names, lexicon.titles)
    ]


def _with_particles(doc: Doc, names: list[Span]) -> list[Span]:
    """People's names that run on through "von der", "van", "de" ("Ursula von der Leyen")."""
    longer = []
    for e in names:
        if e.label_ != "PERSON":
            continue
        end = e.end
        while end < len(doc) and doc[end].text in PARTICLES:
            end += 1
        if end > e.end and end < len(doc) and doc[end].is_title and doc[end].is_alpha:
            longer.append(Span(doc, e.start, end + 1, label="PERSON"))
    return longer


def _first_after_title(doc: Doc, names: list[Span], titles: frozenset[str]) -> list[Span]:
    """A surname whose first name the model left out between a title and it ("Chicago Mayor
    Rahm Emanuel" read as "Emanuel"): the capitalised word after the title is the first name."""
    taken = {i for span in names for i in range(span.start, span.end)}
    longer = []
    for e in names:
        if e.label_ != "PERSON" or len(e) != 1 or e.start < 2:
            continue
        first, title = doc[e.start - 1], doc[e.start - 2]
        if (first.pos_ == "PROPN" and first.is_title and first.is_alpha and first.i not in taken
                and first.lower_ not in titles and title.lower_.rstrip(".") in titles
                and not first.whitespace_.count("\n") and not title.whitespace_.count("\n")):
            longer.append(Span(doc, e.start - 1, e.end, label="PERSON"))
    return longer


OPENING_MARKS = frozenset({'"', "“", "‘", "'"})
CLOSING_MARKS = frozenset({'"', "”", "’", "'"})
NICKNAME_WORDS = 3  # "The Chin", "El Chapo", "Big Tony"


def _nicknamed(doc: Doc, first_names: dict[str, str]) -> list[Span]:
    """A first name, a nickname in quotation marks and a surname ("Vincent “The Chin”
    Gigante") are one person; the model reads the parts as two or three names, or as none."""
    found = []
    for tok in doc[: len(doc) - 3]:
        if not (tok.is_title and tok.is_alpha and tok.lower_ in first_names
                and doc[tok.i + 1].text in OPENING_MARKS):
            continue
        inner = tok.i + 2
        close = next((i for i in range(inner, min(inner + NICKNAME_WORDS + 1, len(doc)))
                      if doc[i].text in CLOSING_MARKS), None)
        if close is None or close == inner or close + 1 >= len(doc):
            continue
        surname = doc[close + 1]
        if (all(t.is_title or t.lower_ in ("the", "el", "la") for t in doc[inner:close])
                and surname.is_title and surname.is_alpha
                and "\n" not in doc[tok.i : close + 2].text):
            found.append(Span(doc, tok.i, close + 2, label="PERSON"))
    return filter_spans(found)


def resolve_names(doc: Doc, lexicon: EntityLexicon) -> list[Span]:
    """The doc's entities, cleaned and harmonised across the document (numbers, dates kept)."""
    model = list(doc.ents)  # built anew on every access: read once
    names = [
        _relabel(e, lexicon)
        for e in trim_headline_words(doc, clean_entities(model, lexicon.titles.heads))
        if not _common_words(e, lexicon.not_names)
    ]
    names = overlay(names, _demonyms(doc, names, lexicon.titles.demonyms))
    names = overlay(names, filter_spans(cue_persons(doc, names) + _titled(doc, names, lexicon)))
    names = overlay(names, _with_particles(doc, names))
    names = harmonise(doc, overlay(names, team_names(doc, names, lexicon.countries)))
    names = overlay(names, _first_after_title(doc, names, lexicon.titles.heads))
    if lexicon.cast is not None:
        names = overlay(names, _nicknamed(doc, lexicon.cast.first_names))
        names = overlay(names, first_name_places(doc, names, lexicon.cast.first_names))
    if lexicon.kinds is not None:
        names = decide_kinds(doc, names, lexicon.kinds, lexicon.titles.heads)
    taken = {i for span in names for i in range(span.start, span.end)}
    others = [
        e
        for e in model
        if e.label_ not in NAME_LABELS and not any(i in taken for i in range(e.start, e.end))
    ]
    return filter_spans(names + others)
