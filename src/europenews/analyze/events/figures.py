"""Each casualty figure with its confidence and evidence.

Every figure the parse gives (``casualties.Casualty``) is scored by the figure model
(``evidence.py`` features, ``confidence.py`` weights) before an event's counts are merged:
figures below the model's ``keep`` probability (most likely another incident, a plan, a total)
are left out of the counts. What the event then reports as killed and injured becomes a
:class:`~europenews.model.Figure`: the value, the sentence it is read from, who gave it, and the
highest confidence among the figures that give that value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from europenews.analyze.events.casualties import Casualty
from europenews.analyze.events.evidence import (
    SentenceFacts,
    figure_features,
    restatements,
    sentence_facts,
)
from europenews.analyze.events.lexicon import EventLexicon
from europenews.model import EventSource, Figure

Key = tuple[str, int, int, int]


def key_of(casualty: Casualty) -> Key:
    return (casualty.kind, casualty.start, casualty.end, casualty.token)


@dataclass(frozen=True, slots=True)
class Scored:
    """A figure with the sentence it stands in and its probability of counting the event."""

    casualty: Casualty | None  # None: inferred from a word ("a fatal shooting")
    kind: str
    count: int | None
    sent: Span
    probability: float
    features: tuple[float, ...]


class FigureScorer:
    """Scores the figures of one article (sentence facts are computed once per sentence)."""

    def __init__(self, doc: Doc, lex: EventLexicon, all_figures: Sequence[Casualty],
                 sentence_index: dict[int, int], triggers: dict[int, bool]) -> None:
        self.doc, self.lex = doc, lex
        self.restated = restatements(all_figures)
        self.sentence_index = sentence_index  # sentence start char → index
        self.triggers = triggers  # sentence start char → an event word is in it
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
        p = self.lex.figure_model.probability(features)
        return Scored(casualty, kind, count, sent, p, tuple(features))


def event_figures(
    counts: dict[str, tuple[int | None, str | None]],
    scored: Sequence[Scored],
    inferred: Scored | None,
    source_of: Callable[[Span], EventSource | None],
) -> tuple[Figure, ...]:
    """The killed and injured figures of an event with their evidence and confidence.

    ``scored`` are the event's kept figures, ``inferred`` the "fatal shooting" figure when the
    killed count came from a word alone."""
    out = []
    for kind in ("killed", "injured"):
        value = counts[kind][0]
        if value is None:
            continue
        support = _support(kind, value, scored, inferred)
        if not support:
            continue
        best = max(support, key=lambda s: s.probability)
        text = best.casualty.text if best.casualty is not None else None
        out.append(Figure(kind, value, best.sent.start_char, best.sent.end_char, text,
                          source_of(best.sent), best.probability))
    return tuple(out)


def _support(kind: str, value: int, scored: Sequence[Scored],
             inferred: Scored | None) -> list[Scored]:
    """The figures an event's count of ``kind`` rests on: those giving that very count, else
    (a sum, or injured derived from people shot) those it was computed from."""
    if kind == "killed" and inferred is not None and not any(
            s.kind == "killed" and s.count is not None for s in scored):
        return [inferred]
    exact = [s for s in scored if s.kind == kind and s.count == value]
    if exact:
        return exact
    related = ("killed",) if kind == "killed" else ("injured", "hit")
    parts = [s for s in scored if s.kind in related and s.count is not None]
    if not parts:
        return []
    # A count made of several figures is only as good as its weakest part.
    weakest = min(parts, key=lambda s: s.probability)
    return [weakest]
