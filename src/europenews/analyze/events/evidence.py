"""What speaks for or against a casualty figure counting the event the article reports.

One feature vector per figure (``confidence.FEATURES``), read off the sentence it comes from and the
article around it: where the sentence is (the lead reports the event, background comes later),
whether it speaks of another time ("In December, …", "two years ago"), of plans and threats
("targeted for killing", "could have killed"), of software ("execute code"), of totals
("so far this year", "in separate shootings"), whether an event word is in the sentence and
whether other sentences restate the same figure. ``analyze/events/confidence.py`` turns the
vector into a probability with weights learned from data (``bench/train_figures.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from europenews.analyze.doctext import doc_text, span_text
from europenews.analyze.entities.furniture import furniture_lines
from europenews.analyze.events.casualties import Casualty
from europenews.analyze.events.dates import names_a_day
from europenews.analyze.events.lexicon import EventLexicon, words_pattern
from europenews.analyze.events.natural import natural_death_text
from europenews.analyze.events.numbers import word_value
from europenews.analyze.sentents import sentence_ents

_OTHER_TIME = re.compile(
    r"\b(?:19|20)\d\d\b|\bago\b|\blast (?:year|month|summer|spring|fall|autumn|winter|decade)\b"
    r"|\bearlier this (?:year|month)\b|\b(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b",
    re.IGNORECASE,
)
_QUOTES = "\"“”"
# Video lists and "related" boxes scraped with the article: durations ("3:26") before titles.
_DURATION = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])(?!\s*(?:[ap]\.?m\b|[ap]\.m\.))",
                       re.IGNORECASE)
_TITLE_WORD = re.compile(r"[a-z0-9]+(?:[-,][a-z0-9]+)*")
_RELATED = re.compile(r"^\s*(?:►|»|Related(?: Content)?:|Read more:|Caption\b|Watch:|RELATED:)")


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the features read from one sentence (computed once per sentence)."""

    index: int
    start: int
    day_named: bool
    other_time: bool
    words: frozenset[str]  # lower-cased lemmas and words
    text: str
    trigger: bool


@dataclass(frozen=True, slots=True)
class TitleFacts:
    """What the figure features read from the article's title (not parsed: word forms)."""

    death: bool = False  # a word of ``title_death_words`` ("dies", "killed", "fatal")
    numbers: frozenset[int] = frozenset()  # the numbers it gives ("3", "three")


def title_facts(title: str | None, lex: EventLexicon) -> TitleFacts:
    """The title's facts; an unknown title gives none (every title feature 0)."""
    if not title:
        return TitleFacts()
    words = _TITLE_WORD.findall(title.lower())
    numbers = {v for v in (word_value(w) for w in words) if v is not None}
    # An obituary's title ("Fred Holm dies at 75") speaks of a death that is no event.
    death = bool(set(words) & lex.words.get("title_death_words", frozenset())) \
        and not natural_death_text(title, lex)
    return TitleFacts(death, frozenset(numbers))


def page_furniture(text: str) -> bool:
    """A line of the page around the article, not of the article: a video list ("0:58 The
    weekend weather in 60 seconds  3:12 Harbor town mayor …") or a "Related:" box."""
    return len(_DURATION.findall(text)) >= 2 or bool(_RELATED.match(text))


def on_furniture_lines(sent: Span, ranges: Sequence[tuple[int, int]]) -> bool:
    """The whole sentence lies on one line of page furniture (``entities.furniture``: a video
    list's entry, a promotion, a byline, a notice). Where a sentence ends at its line (the parser
    often ends one there; always, were a blank line to start a sentence), a video list's entry
    ("5:35 Hearing for accused killer ...") has one running time, which :func:`page_furniture`
    alone does not see. A sentence running on into the article's text is the article's."""
    start = sent.start_char
    end = start + len(span_text(sent).rstrip())
    return any(s <= start and end <= e for s, e in ranges)


def article_sentences(doc: Doc) -> Iterator[Span]:
    """The sentences of the article itself: not the page's furniture around it, whose
    reports of other stories (and their deaths) are not this article's."""
    ranges = furniture_lines(doc_text(doc))
    for sent in doc.sents:
        if not page_furniture(span_text(sent)) and not on_furniture_lines(sent, ranges):
            yield sent


def another_time(sent: Span) -> bool:
    """The sentence dates what it says to another time than a day of the report ("In
    December", "in 2014", "two years ago") and names no such day."""
    other = False
    for ent in sentence_ents(sent):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if names_a_day(ent.text):
            return False
        other = other or bool(_OTHER_TIME.search(ent.text))
    return other


def dated_to_a_year(trigger: Token) -> bool:
    """An event word dated to a bare year ("the 1998 bombing of a clinic"): an event of
    another time, not the one a report of the day tells ("the Dec. 3, 2015 shooting" may be)."""
    for child in trigger.children:
        if child.dep_ in ("nummod", "compound", "amod") and _YEAR.fullmatch(child.text):
            ent = next((e for e in trigger.doc.ents if e.start <= child.i < e.end), None)
            return ent is None or ent.text.strip() == child.text
    return False


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def sentence_facts(sent: Span, index: int, trigger: bool) -> SentenceFacts:
    """The facts of one sentence (its index among the article's sentences)."""
    day = other = False
    for ent in sentence_ents(sent):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if names_a_day(ent.text):
            day = True
        elif _OTHER_TIME.search(ent.text):
            other = True
    words = frozenset({t.lemma_.lower() for t in sent} | {t.lower_ for t in sent})
    return SentenceFacts(index, sent.start_char, day, other, words, span_text(sent), trigger)


def _has(facts: SentenceFacts, lex: EventLexicon, name: str) -> bool:
    """One of the lexicon's words or phrases of list ``name`` is in the sentence."""
    listed = lex.words.get(name, frozenset())
    if facts.words & listed:
        return True
    low = facts.text.lower()
    return any(" " in phrase and phrase in low for phrase in listed)


def _quoted(casualty: Casualty, sent: Span) -> bool:
    """An odd number of quotation marks before the figure in its sentence: it is quoted."""
    before = doc_text(sent.doc)[sent.start_char:casualty.start]
    return sum(before.count(q) for q in _QUOTES) % 2 == 1


def restatements(figures: Sequence[Casualty]) -> Counter[tuple[str, int | None]]:
    """How many figures give each (kind, count)."""
    return Counter((f.kind, f.count) for f in figures)


def figure_features(
    casualty: Casualty | None,
    kind: str,
    count: int | None,
    sent: Span,
    facts: SentenceFacts,
    doc: Doc,
    lex: EventLexicon,
    group: int,
    restated: int,
) -> list[float]:
    """The feature vector (in ``FEATURES`` order) of one figure: ``casualty`` is the
    parsed figure, or None for one inferred from a word ("a fatal shooting")."""
    length = max(len(doc_text(doc)), 1)
    return [
        float(facts.index < 3),
        facts.start / length,
        math.log1p(facts.index),
        float(facts.day_named),
        float(facts.other_time),
        float(_has(facts, lex, "history_words")),
        float(_has(facts, lex, "threat_words")),
        float(_has(facts, lex, "technology_words")),
        float(_has(facts, lex, "total_words")),
        float(_has(facts, lex, "court_words")),
        float(casualty is not None and _quoted(casualty, sent)),
        float(facts.trigger),
        float(group == 0),
        math.log1p(group),
        float(restated > 1),
        float(kind == "killed"),
        float(kind == "hit"),
        float(casualty is None),
        math.log1p(count or 0),
        float(count == 0),
        float(casualty is not None and casualty.perpetrator),
    ]


# A game report names its sport's words again and again; an article about violence at or
# after a game names a few. Five distinct ones: no shared GVA article reaches four.
SPORTS_REPORT_WORDS = 5
# A short game report holds fewer of them, densely: 4 distinct words at 2.5 or more per 1,000
# characters ("Colts Top Jags To Make Playoffs", 830 characters). No shared GVA article
# reaches either bar (bench/sports_frame.py: at most 4 words, at 0.8 per 1,000).
SPORTS_DENSE_WORDS = 4
SPORTS_DENSITY = 2.5


def sports_report(doc: Doc, lex: EventLexicon) -> bool:
    """Whether the article reads as a game report (``sports_words`` of the lexicon): there
    "wound up with 20", "hurt his knee on the play" and a basketball "shooting" are no
    casualties, so only a death is read as an event."""
    return game_report(doc_text(doc), lex)


def game_report(text: str, lex: EventLexicon) -> bool:
    """:func:`sports_report` on a text: many distinct sports words, or a few densely."""
    found = len(sports_terms(text, lex))
    return found >= SPORTS_REPORT_WORDS or (
        found >= SPORTS_DENSE_WORDS and found * 1000 >= SPORTS_DENSITY * max(len(text), 1))


def sports_terms(text: str, lex: EventLexicon) -> set[str]:
    """The distinct ``sports_words`` of the lexicon that ``text`` holds."""
    listed = lex.words.get("sports_words", frozenset())
    return set(words_pattern(listed).findall(text.lower()))
