"""A story's casualty figures: its articles' figures reconciled, the spread kept visible.

Each article gives at most one killed and one injured figure (its main event's), with the
confidence the figure model gave it (``analyze/events/confidence.py``). Per kind, the figures
are grouped by value; a value is *shown* (on the front page, in red for deaths) only when it
is confident: the best confidence among its outlets, raised by each further outlet that
reports it, reaches :data:`SHOW_CONFIDENCE`. Values that are not are listed after the shown
ones, one click away on the page, never counted.

The story's figure of a kind (``primary``) is the shown value of the latest report: tolls are
revised as victims die or are found, so a later official toll beats an early one. The other
values stay listed with their outlets, so the spread between outlets stays visible.

When no death figure is confident enough to show, the list starts its deaths with a shown
``0`` marked ``inferred_zero`` where that 0 means something: an article gives a death figure
that is not confident ("no confident death figure": neither a reader nor a tool reading the
first death figure may take it for the story's), or an injured figure is shown ("no deaths
reported": the event is known and nobody is said to have died). A story whose only figures
are unconfident injured counts gets no such line: its event is itself in doubt, and "no
deaths reported" on a story about a film or a match is noise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from europenews.names import name_key
from europenews.storydata import ArticleFigure, Evidence, StoryCasualty

# The confidence at which a figure is shown as the story's: chosen by bench/train_figures.py on
# half A of the GVA stories (the most right killed figures while showing a death for at most
# 3 % of the stories whose incident killed nobody); docs/benchmarks.md has half B's figures.
SHOW_CONFIDENCE = 0.86
EVIDENCE_PER_FIGURE = 3
KINDS = ("killed", "injured")


@dataclass(frozen=True, slots=True)
class _Value:
    kind: str
    value: int
    figures: tuple[ArticleFigure, ...]

    @property
    def outlets(self) -> set[str]:
        return {f.outlet or f.article_id for f in self.figures}

    @property
    def latest(self) -> str | None:
        dates = [f.published for f in self.figures if f.published]
        return max(dates) if dates else None


def combined_confidence(figures: Sequence[ArticleFigure]) -> float:
    """The best confidence among the outlets reporting a value, each further outlet closing
    part of the remaining doubt (half as much as an independent report would: outlets copy
    each other)."""
    best: dict[str, float] = {}
    for f in figures:
        outlet = f.outlet or f.article_id
        best[outlet] = max(best.get(outlet, 0.0), f.confidence)
    ranked = sorted(best.values(), reverse=True)
    if not ranked:
        return 0.0
    doubt = 1.0 - ranked[0]
    for c in ranked[1:]:
        doubt *= 1.0 - c / 2
    return round(1.0 - doubt, 3)


def merge_names(counts: Counter[str]) -> list[str]:
    """Names most cited first, a surname folded into the full name ("Prokudin" into
    "Oleksandr Prokudin") so one source is not listed twice."""
    kept: list[tuple[str, set[str], int]] = []
    for name in sorted(counts, key=lambda n: (-len(name_key(n).split()), n)):
        words = set(name_key(name).split())
        for i, (full, full_words, n) in enumerate(kept):
            if words and words <= full_words:
                kept[i] = (full, full_words, n + counts[name])
                break
        else:
            kept.append((name, words, counts[name]))
    return [name for name, _, _ in sorted(kept, key=lambda k: -k[2])]


def _given_by(figures: Sequence[ArticleFigure]) -> tuple[str, ...]:
    return tuple(merge_names(Counter(f.given_by for f in figures if f.given_by))[:3])


def _evidence(figures: Sequence[ArticleFigure]) -> tuple[Evidence, ...]:
    best = sorted(figures, key=lambda f: (-f.confidence, f.published or "", f.article_id))
    return tuple(Evidence(f.article_id, f.outlet, f.start, f.end)
                 for f in best[:EVIDENCE_PER_FIGURE])


def _casualty(v: _Value, shown: bool, primary: bool, confidence: float) -> StoryCasualty:
    return StoryCasualty(
        kind=v.kind, value=v.value, outlets=len(v.outlets), articles=len(v.figures),
        given_by=_given_by(v.figures), confidence=confidence, shown=shown, primary=primary,
        latest=v.latest, evidence=_evidence(v.figures),
    )


def _kind(kind: str, figures: Sequence[ArticleFigure], show: float) -> list[StoryCasualty]:
    grouped: dict[int, list[ArticleFigure]] = {}
    for f in figures:
        if f.kind == kind and f.value is not None:
            grouped.setdefault(f.value, []).append(f)
    values = [_Value(kind, value, tuple(fs)) for value, fs in grouped.items()]
    confidence = {v.value: combined_confidence(v.figures) for v in values}
    shown = [v for v in values if confidence[v.value] >= show]
    # The latest report wins (tolls are revised upwards as victims die); then the one more
    # outlets ran, then the larger.
    primary = max(shown, key=lambda v: (v.latest or "", len(v.outlets), v.value), default=None)
    ordered = sorted(values, key=lambda v: (v is not primary, v not in shown,
                                            -len(v.outlets), -v.value))
    return [_casualty(v, v in shown, v is primary, confidence[v.value]) for v in ordered]


def story_casualties(figures: Sequence[ArticleFigure],
                     show: float = SHOW_CONFIDENCE) -> list[StoryCasualty]:
    """The story's figures, deaths first: per kind the primary figure, the other shown
    values, then those not confident enough to show (see the module docstring)."""
    killed = _kind("killed", figures, show)
    injured = _kind("injured", figures, show)
    if (killed or any(c.shown for c in injured)) and not any(c.shown for c in killed):
        killed.insert(0, _no_confident_death(figures, killed, injured))
    return killed + injured


def _no_confident_death(figures: Sequence[ArticleFigure], killed: Sequence[StoryCasualty],
                        injured: Sequence[StoryCasualty]) -> StoryCasualty:
    """The shown 0 of a story that reports casualties without a confident death figure."""
    outlets = {f.outlet or f.article_id for f in figures}
    articles = {f.article_id for f in figures}
    top = next((c for c in injured if c.primary), None)
    # How sure that no death applies: the doubt about the likeliest death figure, else the
    # confidence of the shown injured figure (there is one: see story_casualties).
    confidence = round(1.0 - max(c.confidence for c in killed), 3) if killed else (
        top.confidence if top is not None else 0.5)
    latest = max((f.published for f in figures if f.published), default=None)
    return StoryCasualty(
        kind="killed", value=0, outlets=len(outlets), articles=len(articles), given_by=(),
        confidence=confidence, shown=True, primary=True, latest=latest,
        evidence=top.evidence if top is not None else (), inferred_zero=True,
        none_reported=not killed)
