"""Typographic cues that a capitalised run of words is a person's name.

The statistical model reads names token by token and often calls a list of athletes or
officials organisations or places. Two layouts say "person" on their own:
an initial before a surname ("J. Smith", "A. Gurusinha") and a name followed by a country
in brackets ("Petr Korda ( Czech Republic )", "Jansher Khan (Pakistan)").
"""

from __future__ import annotations

import bisect
import re
import sys

from spacy.tokens import Doc, Span, Token

from europenews.analyze.doctext import doc_text

PLACE_LABELS = frozenset({"GPE", "LOC"})
MAX_NAME = 4


def _namelike(token: Token) -> bool:
    return (token.is_alpha and token.is_title and not token.is_stop) or bool(
        re.fullmatch(r"[A-Z][a-z]*(?:['’-][A-Z]?[a-z]+)+", token.text)
    )


# An initial, maybe a second one, then up to three capitalised words: "J. Smith".
INITIAL_NAME = re.compile(
    r"(?<![\w.])[A-Z]\.(?: [A-Z]\.)?(?: [A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*){1,3}"
)


def _initial_names(doc: Doc) -> list[Span]:
    spans = []
    for match in INITIAL_NAME.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), label="PERSON")
        if span is None:
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.is_title and before.is_alpha and not before.is_stop:
            continue  # "Richard M. Nixon", "George W. Bush": a middle initial, not a first name
        end = span.end
        while end > span.start + 1 and span.doc[end - 1].is_stop:
            end -= 1  # "J. Smith And": stop words are not surnames
        spans.append(Span(doc, span.start, end, label="PERSON"))
    return spans


def _bracket_names(doc: Doc, ents: list[Span]) -> list[Span]:
    end_at = {e.end: e for e in ents}
    spans = []
    for place in ents:
        i = place.start - 1  # the "(" before the country
        if place.label_ not in PLACE_LABELS or i < 1 or place.end >= len(doc):
            continue
        if doc[i].text != "(" or doc[place.end].text != ")":
            continue
        ent = end_at.get(i)
        if ent is not None:
            if ent.label_ not in PLACE_LABELS and ent.label_ != "PERSON" and len(ent) > 1:
                spans.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        start = i
        while start > 0 and i - start < MAX_NAME and _namelike(doc[start - 1]):
            start -= 1
        if i - start >= 2:
            spans.append(Span(doc, start, i, label="PERSON"))
    return spans


def cue_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """Person names that the layout reveals (initial + surname, name + bracketed country)."""
    return _initial_names(doc) + _bracket_names(doc, ents)


def overlay(ents: list[Span], preferred: list[Span]) -> list[Span]:
    """``ents`` with ``preferred`` spans replacing whatever they overlap."""
    taken = {i for span in preferred for i in range(span.start, span.end)}
    kept = [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
    return sorted(kept + preferred, key=lambda s: s.start)


CALENDAR = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "week",
        "day",
    }
)
SCORE = re.compile(r"^\d{1,3}(?:-\d{1,3})?$")
SCORE_IN_TEXT = re.compile(r"(?<![^\s])\d{1,3}(?:-\d{1,3})?(?![^\s])")


def results_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines holding at least two scores (results, standings)."""
    ranges = []
    start = 0
    for line in text.split("\n"):
        if len(SCORE_IN_TEXT.findall(line)) >= 2:
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def _within(pos: int, ranges: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(ranges, (pos, sys.maxsize)) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def _untagged_team(doc: Doc, score_at: int, covered: set[int]) -> Span | None:
    """A capitalised run right before a score, opening a line or after another score."""
    if score_at + 3 < len(doc) and all(
        SCORE.match(doc[k].text) for k in range(score_at, score_at + 3)
    ):
        return None  # a player's rounds ("Ian Woosnam 70 76 71 70"), not a team's score
    start = score_at
    while start > 0 and score_at - start < 3:
        prev = doc[start - 1]
        if prev.i in covered or not prev.is_alpha or not (prev.is_title or prev.is_upper):
            break
        start -= 1
    if start == score_at or doc[start].is_stop or doc[start].lower_ in CALENDAR:
        return None
    before = doc[start - 1] if start > 0 else None
    if before is None or before.is_space or "\n" in before.whitespace_ or SCORE.match(before.text):
        return Span(doc, start, score_at, label="ORG")
    return None


def team_names(doc: Doc, ents: list[Span], countries: frozenset[str]) -> list[Span]:
    """Towns, regions and clubs followed by a score in a results line are teams ("Kent 108-3").

    National teams are left as places (as CoNLL-2003 annotates them), and only lines
    with at least two scores count, so "in Kent 10 people died" stays a place.
    """
    lines = results_lines(doc_text(doc))
    if not lines:
        return []
    spans = []
    for ent in ents:
        if ent.end >= len(doc):
            continue
        # One-word "people" before a score are teams as well ("Surrey 429-7").
        if ent.label_ not in PLACE_LABELS and not (ent.label_ == "PERSON" and len(ent) == 1):
            continue
        if ent.text.title() in countries or not SCORE.match(doc[ent.end].text):
            continue
        if _within(ent.start_char, lines):
            spans.append(Span(doc, ent.start, ent.end, label="ORG"))
    covered = {i for e in ents for i in range(e.start, e.end)}
    for start, end in lines:
        for match in SCORE_IN_TEXT.finditer(doc_text(doc), start, end):
            score = doc.char_span(match.start(), match.end())
            if score is None:
                continue
            team = _untagged_team(doc, score.start, covered)
            if team is not None and team.text.title() not in countries:
                spans.append(team)
    return spans
