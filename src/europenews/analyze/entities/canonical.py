"""Clean and harmonise entity spans within one document.

Pure functions over spaCy spans. The statistical model labels each mention on its own;
a news article (or a wire story) names the same things again and again, so the labels of
one name should agree across the document: a surname tagged PERSON once is a person
everywhere, and an untagged repetition of a tagged name is a mention too.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from europenews.analyze.doctext import doc_text
from europenews.names import word_key

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})
# Labels whose spans we keep; numbers, dates and the like are not entities here.
NAME_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "NORP",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "PRODUCT",
        "LANGUAGE",
    }
)
MAX_NAME_TOKENS = 5
# Languages whose names end in lower-case adjectives (kept when cleaning a span's end).
POSTNOMINAL_ADJECTIVES = frozenset({"fr", "es", "it", "pt", "ro", "ca"})
# Languages whose names may end in a lower-case noun after a capitalised adjective (Чёрное
# море, Государственная дума): analyze/names keeps that noun in the name.
LOWER_NOUN_ENDS = POSTNOMINAL_ADJECTIVES | {"ru", "uk", "pl", "cs", "sk", "bg", "sl", "be"}
# Articles and prepositions that open a span but not a name in those languages.
ROMANCE_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'",
                              "el", "los", "las", "il", "lo", "gli", "o", "os", "a", "as"})
# Lower-case words that belong to a name ("Ursula von der Leyen", "Bashar al-Assad").
PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "del", "la", "le", "bin", "al", "dos", "du"}
)
NOT_LOWER = re.compile(r"[^a-z]+")
NOT_UPPER = re.compile(r"[^A-Z]+")
LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
# A full name is strong evidence: its surname alone names that person elsewhere in the
# document even when the model tagged the surname as something else a few times.
SURNAME_WEIGHT = 20


def caps_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of ALL-CAPS lines (headlines, tables), where tags are poor."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        lower = len(NOT_LOWER.sub("", line))  # counted by regex: a Python loop per char is slow
        upper = len(NOT_UPPER.sub("", line))
        if upper and upper >= 4 * lower:
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def _in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(ranges, (pos, sys.maxsize)) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of Title Case lines (headlines), where every word looks like a name."""
    return list(_headline_lines(text))


# Read up to three times per article (kinds, headline words, descriptions), each a pass over
# every word: about 2 % of a profiled ``ingest`` (session 17).
@functools.lru_cache(maxsize=4)
def _headline_lines(text: str) -> tuple[tuple[int, int], ...]:
    ranges: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
        titled = sum(w[0].isupper() and not w.isupper() for w in words)
        numbers = sum(any(c.isdigit() for c in w) for w in line.split())
        # Results tables look like headlines too; they are full of numbers and brackets.
        numbers += 2 * line.count("(")
        headline = not line.rstrip().endswith(".") and len(line.split()) <= 20
        if headline and len(words) >= 3 and titled >= 0.7 * len(words) and numbers < 2:
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return tuple(ranges)


def trim_headline_words(doc: Doc, ents: list[Span]) -> list[Span]:
    """Entities on headline lines without the words the article writes in lower case.

    "Ukraine Presses NATO for Security Guarantees": the body says "security guarantees",
    so "Security Guarantees" is no name.
    """
    lines = headline_lines(doc_text(doc))
    if not lines:
        return ents
    lower = set(LOWER_WORD.findall(doc_text(doc)))
    result = []
    for ent in ents:
        if ent.label_ in ("PERSON", "GPE", "LOC", "NORP") or not _in_ranges(ent.start_char, lines):
            result.append(ent)  # names of people and places are rarely common words
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in lower and doc[start].is_title:
            start += 1
        while end > start and doc[end - 1].lower_ in lower and doc[end - 1].is_title:
            end -= 1
        if start < end:
            same = (start, end) == (ent.start, ent.end)
            result.append(ent if same else Span(doc, start, end, label=ent.label_))
    return result


BREAKS = frozenset({"(", ")", ":", ";", "[", "]", '"', "|", "/"})


def _breaks_at(token: Token) -> bool:
    """Whether a name cannot run through this token (line break, bracket, spaced dash)."""
    if token.is_space or "\n" in token.whitespace_ or token.text in BREAKS:
        return True
    return (
        token.text in ("-", "--")
        and bool(token.whitespace_)
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
    )


def split_span(span: Span) -> list[Span]:
    """The span cut at line breaks, brackets and spaced dashes ("Romania - Cosmin Contra")."""
    parts: list[Span] = []
    start = span.start
    for token in span:
        ends_line = "\n" in token.whitespace_
        if _breaks_at(token) and not ends_line:
            if start < token.i:
                parts.append(Span(span.doc, start, token.i, label=span.label_))
            start = token.i + 1
        elif ends_line:
            parts.append(Span(span.doc, start, token.i + 1, label=span.label_))
            start = token.i + 1
    if start < span.end:
        parts.append(Span(span.doc, start, span.end, label=span.label_))
    if len(parts) == 1 and (parts[0].start, parts[0].end) == (span.start, span.end):
        return [span]
    return [p for p in parts if any(t.is_alpha for t in p)]


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words after which a span goes on with where its name is, not with the name:
# "Lindgren Recovery in Harbor Vale", "a prison unit near Eastbrook".
LOCATIVES = frozenset({"in", "near", "outside"})
PLACE_LOCATIVES = LOCATIVES | {"at", "on"}


def _before_locative(doc: Doc, start: int, end: int, label: str) -> int:
    """Where the name ends when the span goes on to say where it is ("Eastbrook, Ore.",
    "Lindgren Recovery in Harbor Vale"); people's names are left alone."""
    if label == "PERSON":
        return end
    cut = PLACE_LOCATIVES if label in PLACE_LABELS else LOCATIVES
    for k in range(start + 1, end):
        token = doc[k]
        says_where = (token.is_lower and token.lower_ in cut) or (
            token.text == "," and label in PLACE_LABELS)
        if says_where and any(t.text[:1].isupper() for t in doc[start:k]):
            return k
    return end


def described_person(span: Span) -> Token | None:
    """The common noun a "person" span is about ("Eastbrook man" → "man"), or None for a name."""
    if span.label_ != "PERSON":
        return None
    root = span.root
    if root.pos_ == "NOUN" and root.is_lower and root.is_alpha:
        return root
    return None


def clean_span(span: Span, titles: frozenset[str]) -> Span | None:
    """The span without leading articles, honorifics/titles (for people) and trailing junk.

    ``None`` when nothing name-like is left, or when an organisation is really a job title
    ("the National Security Adviser").
    """
    doc, start, end, label = span.doc, span.start, span.end, span.label_
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or doc[start].is_punct
        or (not doc[start].is_alpha and not doc[start].text[:1].isupper())
        # Names open with a capital: "at Lindgren Recovery", "vendor Quillbyte", "In Eastbrook"
        # are the name after a preposition or a common noun ("von der Leyen" keeps "von").
        # French writes a place's or a body's generic noun small and inside the name ("mer
        # du Nord", "traité de Lisbonne"): there only a person's name opens with a capital.
        or (doc[start].is_lower and doc[start].text not in PARTICLES
            and (label == "PERSON" or doc.lang_ not in POSTNOMINAL_ADJECTIVES
                 or doc[start].lower_ in ROMANCE_ARTICLES))
        or (doc[start].tag_ in ("IN", "TO") and end - start > 1)
    ):
        start += 1
    end = _before_locative(doc, start, end, label)
    # "Eastbrook man", "Harbor Vale mother of three": a person described, not named; its noun
    # stays (entities.finder attaches the description to the person it describes).
    noun = described_person(span)
    keep = noun.i + 1 if noun is not None else start
    while end > max(start, keep) and (
        doc[end - 1].is_punct
        or doc[end - 1].tag_ == "POS"
        or (doc[end - 1].is_lower and doc[end - 1].is_stop)
        or doc[end - 1].like_num
        or not any(c.isalpha() for c in doc[end - 1].text)
        # "Interfax news agency"; but in the Romance languages a name's adjectives follow
        # its noun and are written small ("Union européenne", "Parti communiste chinois").
        or (doc[end - 1].is_lower and doc[end - 1].is_alpha
            and doc.lang_ not in LOWER_NOUN_ENDS)
    ):
        end -= 1
    if label == "PERSON":
        while end - start > 1 and (
            doc[start].lower_.rstrip(".") in HONORIFICS or doc[start].lower_.rstrip(".") in titles
        ):
            start += 1
    if start >= end:
        return None
    if label == "ORG" and doc[end - 1].lower_ in titles and not doc[end - 1].is_upper:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=label)


def span_key(span: Span | Iterable[Token]) -> tuple[str, ...]:
    """Spelling-tolerant key of a name's words (ALL-CAPS lines match running text)."""
    return tuple(word_key(t.text) for t in span if not t.is_punct or t.text in ".&-")


def _votes(ents: list[Span], caps: list[tuple[int, int]]) -> dict[tuple[str, ...], Counter[str]]:
    """Label votes per name key, from mentions outside ALL-CAPS lines."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for ent in ents:
        if caps and _in_ranges(ent.start_char, caps):
            continue
        votes.setdefault(span_key(ent), Counter())[ent.label_] += 2
        if ent.label_ == "PERSON" and len(ent) > 1:
            # A full name makes its surname a person's name elsewhere in the document
            # ("von der Leyen" with its particles, as well as "Leyen").
            votes.setdefault(span_key(ent[-1:]), Counter())["PERSON"] += SURNAME_WEIGHT
            particle = next((t.i for t in ent[1:-1] if t.is_lower), None)
            if particle is not None:
                surname = span_key(ent.doc[particle : ent.end])
                votes.setdefault(surname, Counter())["PERSON"] += SURNAME_WEIGHT
    return votes


def _majority(counter: Counter[str] | None, default: str) -> str:
    if not counter:
        return default
    [(label, n)] = counter.most_common(1)
    return default if counter[default] == n else label


def harmonise(doc: Doc, ents: list[Span], protected: frozenset[str] = frozenset()) -> list[Span]:
    """Relabel mentions by document majority and add untagged repetitions of names.

    ``protected`` labels are never overruled (they came from the gazetteer).
    """
    votes = _votes(ents, caps_lines(doc_text(doc)))
    result: list[Span] = []
    for ent in ents:
        label = ent.label_
        if label not in protected:
            label = _majority(votes.get(span_key(ent)), label)
        result.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
    covered = {i for ent in result for i in range(ent.start, ent.end)}
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, counter in votes.items():
        if key and len(key) <= MAX_NAME_TOKENS:  # a mention of punctuation only has no key
            by_first.setdefault(key[0], []).append((key, _majority(counter, "")))
    for options in by_first.values():
        options.sort(key=lambda kv: -len(kv[0]))
    added: list[Span] = []
    # Candidate starts from the attribute arrays: creating a Token per word is what costs.
    # (As Python ints: a numpy row per word costs more than the test it feeds.)
    attrs = doc.to_array(["IS_TITLE", "IS_UPPER", "IS_ALPHA", "ORTH"]).tolist()
    strings = doc.vocab.strings
    keys: dict[int, str] = {}  # word keys by ORTH, for this document only
    i = 0
    while i < len(doc):
        is_title, is_upper, is_alpha, orth = attrs[i]
        if i in covered or not (is_title or is_upper) or not is_alpha:
            i += 1
            continue
        orth = int(orth)
        if orth not in keys:
            keys[orth] = word_key(strings[orth])
        for key, label in by_first.get(keys[orth], ()):
            j = i + len(key)
            if j > len(doc) or any(k in covered for k in range(i, j)):
                continue
            if span_key(doc[i:j]) != key or not _plausible(doc[i:j]):
                continue
            added.append(Span(doc, i, j, label=label))
            i = j - 1
            break
        i += 1
    return filter_spans(result + added)


def _plausible(span: Span) -> bool:
    """Whether an untagged repetition of a name is worth tagging."""
    first = span[0]
    if len(span) > 1:
        return True
    if first.is_stop or first.lower_ in HONORIFICS:
        return False
    if first.is_upper and len(first) > 2:
        return True  # ALL-CAPS headline: capitals say nothing, the name's spelling does
    # A capitalised word opening a sentence may be a common word ("Turkey", "Bush").
    return not first.is_sent_start or first.tag_ in ("NNP", "NNPS")


def clean_entities(ents: Iterable[Span], titles: frozenset[str]) -> list[Span]:
    """Named spans only, cleaned (see ``clean_span``)."""
    cleaned = []
    for ent in ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for part in split_span(ent):
            span = clean_span(part, titles)
            if span is not None:
                cleaned.append(span)
    return filter_spans(cleaned)
