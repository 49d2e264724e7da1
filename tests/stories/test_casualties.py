"""A story's casualty figures reconciled from its articles' figures (stories.casualties)."""

from __future__ import annotations

from collections import Counter

import pytest

from europenews.stories.casualties import (
    combined_confidence,
    merge_names,
    story_casualties,
)
from europenews.storydata import ArticleFigure


def fig(article: str, kind: str, value: int, confidence: float = 0.9, outlet: str | None = None,
        published: str | None = "2026-11-20", given_by: str | None = None) -> ArticleFigure:
    return ArticleFigure(article, outlet or f"outlet-{article}", published, kind, value,
                         confidence, 0, 10, None, given_by)


def test_casualties_later_official_toll_beats_an_early_one():
    figures = [fig("a1", "killed", 3, published="2026-11-20T08:00"),
               fig("a2", "killed", 3, published="2026-11-20T09:00"),
               fig("a3", "killed", 5, published="2026-11-21T10:00", given_by="the governor")]
    killed = [c for c in story_casualties(figures) if c.kind == "killed"]
    assert [(c.value, c.primary, c.shown) for c in killed] == [(5, True, True),
                                                               (3, False, True)]
    assert killed[0].given_by == ("the governor",) and killed[1].outlets == 2


def test_casualties_unconfident_figures_are_listed_after_and_not_shown():
    figures = [fig("a1", "killed", 1, confidence=0.2), fig("a2", "killed", 2, confidence=0.9)]
    killed = story_casualties(figures, show=0.5)
    assert [(c.value, c.shown) for c in killed] == [(2, True), (1, False)]


def test_casualties_no_confident_death_reads_zero_when_injured_are_shown():
    figures = [fig("a1", "killed", 1, confidence=0.1), fig("a1", "injured", 4),
               fig("a2", "injured", 4)]
    first_killed = next(c for c in story_casualties(figures) if c.kind == "killed")
    assert (first_killed.value, first_killed.shown, first_killed.inferred_zero) == (0, True, True)
    assert first_killed.none_reported is False


def test_casualties_without_any_confident_figure_no_death_is_shown():
    figures = [fig("a1", "killed", 1, confidence=0.1)]
    [zero, unconfident] = story_casualties(figures)
    assert (zero.value, zero.shown, zero.inferred_zero, zero.none_reported) == (0, True, True,
                                                                                 False)
    assert zero.confidence == 0.9
    assert (unconfident.value, unconfident.shown, unconfident.inferred_zero) == (1, False, False)


def test_casualties_no_figures_no_entries():
    assert story_casualties([]) == []


def test_casualties_none_reported_when_no_article_gives_a_death_figure():
    [zero, injured] = story_casualties([fig("a1", "injured", 2)])
    assert zero.none_reported and zero.value == 0 and injured.value == 2
    assert injured.shown and zero.confidence == injured.confidence


def test_casualties_only_unconfident_injured_gives_no_death_line():
    # A film review's "two actors were hurt on set", scored low: no "no deaths reported".
    [injured] = story_casualties([fig("a1", "injured", 2, confidence=0.3)])
    assert (injured.kind, injured.value, injured.shown) == ("injured", 2, False)


def test_casualties_unconfident_death_still_gets_the_zero_without_shown_injured():
    # Tools read the first death entry: an unconfident death must never come first.
    figures = [fig("a1", "killed", 1, confidence=0.3), fig("a1", "injured", 2, confidence=0.3)]
    first = story_casualties(figures)[0]
    assert (first.kind, first.value, first.inferred_zero, first.none_reported) == (
        "killed", 0, True, False)


@pytest.mark.parametrize(("confidences", "expected"), [
    ([0.6], 0.6), ([0.6, 0.6], 0.72), ([0.4, 0.4, 0.4], 0.616),
], ids=["one", "two-outlets", "three-outlets"])
def test_casualties_each_further_outlet_raises_the_confidence(confidences, expected):
    figures = [fig(f"a{i}", "killed", 2, confidence=c) for i, c in enumerate(confidences)]
    assert combined_confidence(figures) == pytest.approx(expected, abs=0.001)


def test_casualties_one_outlet_twice_counts_once():
    figures = [fig("a1", "killed", 2, 0.6, outlet="Herald"),
               fig("a2", "killed", 2, 0.6, outlet="Herald")]
    assert combined_confidence(figures) == 0.6


def test_casualties_surname_folds_into_full_name():
    names = merge_names(Counter({"Prokudin": 2, "Oleksandr Prokudin": 1, "police": 1}))
    assert names == ["Oleksandr Prokudin", "police"]


def test_casualties_to_dict_has_the_contract_keys():
    [killed, _] = story_casualties([fig("a1", "killed", 2), fig("a1", "injured", 1)])
    assert {"kind", "value", "outlets", "given_by", "confidence", "shown"} <= set(killed.to_dict())
