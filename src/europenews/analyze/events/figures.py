"""Each casualty count of an event with its evidence and its confidence.

An event's killed and injured counts are merged from the figures of its sentences
(``casualties.Casualty``, or one killed inferred from "a fatal shooting"). Each count becomes a
:class:`~europenews.model.Figure`: the value, the sentence it is read from, who gave it, and a
confidence. The confidence is the figure model's probability (``confidence.py``, weights learned
by ``bench/train_figures.py``) that the count is the one of the event the article reports,
over the features of each figure that gives the count (``evidence.py``) and of the count
among the article's figures (how often it is restated, whether others contradict it); the
figure with the highest probability is the evidence.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from europenews.analyze.events.casualties import Casualty
from europenews.analyze.events.confidence import FigureModel
from europenews.analyze.events.evidence import (
    SentenceFacts,
    figure_features,
    restatements,
    sentence_facts,
    title_facts,
)
from europenews.analyze.events.lexicon import EventLexicon
from europenews.model import EventSource, Figure

# An event's counts by kind, with the phrase each is read from (``finder.event_counts``).
Counts = dict[str, tuple[int | None, str | None]]


@dataclass(frozen=True, slots=True)
class Scored:
    """A figure with the sentence it stands in and its features."""

    casualty: Casualty | None  # None: inferred from a word ("a fatal shooting")
    kind: str
    count: int | None
    sent: Span
    features: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Option:
    """One figure an event's count rests on, with the full feature vector of that count."""

    scored: Scored
    features: tuple[float, ...]


class FigureScorer:
    """Reads the features of one article's figures (sentence facts computed once each)."""

    def __init__(self, doc: Doc, lex: EventLexicon, all_figures: Sequence[Casualty],
                 sentence_index: dict[int, int], triggers: dict[int, bool],
                 groups_with_figures: int = 1) -> None:
        self.doc, self.lex = doc, lex
        self.restated = restatements(all_figures)
        self.values = {(f.kind, f.count) for f in all_figures if f.count is not None}
        # The article's first sentence with figures, and the kinds it gives: a death the lead
        # does not report is more often another incident.
        first = min(all_figures, key=lambda f: f.start, default=None)
        self.first_sent = doc[first.token].sent.start_char if first is not None else -1
        self.first_kinds = {f.kind for f in all_figures
                            if doc[f.token].sent.start_char == self.first_sent}
        self.sentence_index = sentence_index  # sentence start char → index
        self.triggers = triggers  # sentence start char → an event word is in it
        self.groups = groups_with_figures
        self.title = title_facts(doc._.title if doc.has_extension("title") else None, lex)
        self._facts: dict[int, SentenceFacts] = {}

    def facts(self, sent: Span) -> SentenceFacts:
        found = self._facts.get(sent.start_char)
        if found is None:
            found = sentence_facts(sent, self.sentence_index.get(sent.start_char, 0),
                                   self.triggers.get(sent.start_char, False))
            self._facts[sent.start_char] = found
        return found

    def score(self, casualty: Casualty | None, kind: str, count: int | None, sent: Span,
              group: int) -> Scored:
        restated = self.restated[(kind, count)] if casualty is not None else 1
        features = figure_features(casualty, kind, count, sent, self.facts(sent), self.doc,
                                   self.lex, group, restated)
        return Scored(casualty, kind, count, sent, tuple(features))

    def count_features(self, kind: str, value: int, exact: bool,
                       group_figures: Sequence[Scored],
                       support: Sequence[Scored], from_title: bool = False
                       ) -> tuple[float, ...]:
        """Features of a count among the article's figures (``confidence.FEATURES``' tail)."""
        same_kind = {s.count for s in group_figures
                     if s.kind == kind and s.count is not None and s.casualty is not None}
        larger = any(k == kind and c is not None and c > value for k, c in self.values)
        return (
            math.log1p(self.restated[(kind, value)]),
            float(bool(same_kind - {value})),
            float(not exact),
            float(not larger),
            math.log1p(self.groups - 1),
            float(any(s.sent.start_char == self.first_sent for s in support)),
            float(kind not in self.first_kinds and not (
                kind == "injured" and "hit" in self.first_kinds)),
            float(self.title.death and kind == "killed"),
            float(self.title.death and kind != "killed"),
            float(value > 0 and value in self.title.numbers),
            float(from_title and kind == "killed"),
        )


def figure_options(
    counts: Counts,
    scored: Sequence[Scored],
    inferred: Scored | None,
    scorer: FigureScorer,
    title_death: bool = False,
) -> dict[str, list[Option]]:
    """Per kind (killed, injured), the figures its count rests on with their features
    (``title_death``: the killed count is the title's, resting on ``inferred``)."""
    out: dict[str, list[Option]] = {}
    for kind in ("killed", "injured"):
        value = counts[kind][0]
        if value is None:
            continue
        if title_death and kind == "killed" and inferred is not None:
            support, exact = [inferred], True
        else:
            support, exact = _support(kind, value, scored, inferred)
        tail = scorer.count_features(kind, value, exact, scored, support, title_death)
        out[kind] = [Option(s, s.features + tail) for s in support]
    return out


def event_figures(options: dict[str, list[Option]], counts: Counts, model: FigureModel,
                  source_of: Callable[[Span], EventSource | None]) -> tuple[Figure, ...]:
    """The killed and injured figures of an event: value, the sentence of its most probable
    supporting figure, who gave it there, and that probability."""
    out = []
    for kind, found in options.items():
        value = counts[kind][0]
        if not found or value is None:
            continue
        ranked = [(model.probability(list(o.features)), o) for o in found]
        p, best = max(ranked, key=lambda pair: (pair[0], -pair[1].scored.sent.start_char))
        s = best.scored
        text = s.casualty.text if s.casualty is not None else None
        out.append(Figure(kind, value, s.sent.start_char, s.sent.end_char, text,
                          source_of(s.sent), p))
    return tuple(out)


def _support(kind: str, value: int, scored: Sequence[Scored],
             inferred: Scored | None) -> tuple[list[Scored], bool]:
    """The figures an event's count of ``kind`` rests on: those giving that very count, else
    (a sum, or injured derived from people shot) those it was computed from; and whether the
    count is given as such."""
    if kind == "killed" and inferred is not None and not any(
            s.kind == "killed" and s.count is not None for s in scored):
        return [inferred], True
    exact = [s for s in scored if s.kind == kind and s.count == value]
    if exact:
        return exact, True
    related = ("killed",) if kind == "killed" else ("injured", "hit")
    return [s for s in scored if s.kind in related and s.count is not None], False
