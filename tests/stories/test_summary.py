"""The one definition of a story's headline, dates, counts, growth and breaking flag."""

from __future__ import annotations

import pytest

from europenews.stories.summary import (
    is_breaking,
    story_growth,
    story_headline,
    story_seen,
    summarize_story,
)
from europenews.storydata import StoryMember

OWN = "own"  # the member's own outlet, one per member


def _member(n: int, published: str | None, outlet: str | None = OWN, title: str | None = None,
            copy_of: str | None = None) -> StoryMember:
    return StoryMember(f"a{n}", title if title is not None else f"Report {n}", published,
                       f"outlet {n}" if outlet == OWN else outlet, copy_of)


@pytest.mark.parametrize(("members", "headline"), [
    ([_member(1, None, title="Copied", copy_of="a9"), _member(2, None, title="Original")],
     "Original"),
    ([_member(1, None, title=""), _member(2, None, title="Second")], "Second"),
    ([_member(1, None, title="Only copies", copy_of="a9")], "Only copies"),
    ([_member(1, None, title="")], None),
], ids=["original-before-copy", "skips-empty-title", "copy-when-no-original", "no-title"])
def test_summary_headline_is_the_first_original_title(members, headline):
    assert story_headline(members) == headline


@pytest.mark.parametrize(("hours", "growth"), [
    ([0, 10, 20], 1.0),
    ([0, 30, 40], 2 / 3),
    ([0, 48], 0.5),
], ids=["all-within-a-day", "one-older", "half"])
def test_summary_growth_is_the_share_within_a_day_of_the_newest(hours, growth):
    members = [_member(i, f"2024-03-{1 + h // 24:02d}T{h % 24:02d}:00:00Z")
               for i, h in enumerate(hours)]
    assert story_growth(members) == pytest.approx(growth)


def test_summary_growth_is_unknown_without_dates():
    assert story_growth([_member(1, None), _member(2, "not a date")]) is None


def test_summary_breaking_needs_three_outlets_within_six_hours_of_the_newest():
    three = [_member(i, f"2024-03-01T{h:02d}:00:00Z") for i, h in enumerate([8, 10, 13])]
    assert is_breaking(three)
    spread = [_member(i, f"2024-03-01T{h:02d}:00:00Z") for i, h in enumerate([1, 10, 13])]
    assert not is_breaking(spread)


def test_summary_breaking_counts_outlets_not_articles():
    same = [_member(i, f"2024-03-01T1{i}:00:00Z", outlet="Herald") for i in range(4)]
    assert not is_breaking(same)
    assert not is_breaking([_member(i, None) for i in range(4)])


def test_summary_compares_times_as_written_not_converted():
    # 09:00-05:00 is 14:00 UTC, but the rule reads the clock as the outlet wrote it: 09:00,
    # more than six hours before 16:00, so only two outlets are recent.
    members = [_member(1, "2024-03-01T09:00:00-05:00"), _member(2, "2024-03-01T15:00:00Z"),
               _member(3, "2024-03-01T16:00:00Z")]
    assert not is_breaking(members)


def test_summary_figures_count_members_and_distinct_outlets():
    members = [
        _member(1, "2024-03-01T08:00:00Z", outlet="Herald"),
        _member(2, "2024-03-01T09:00:00Z", outlet="Herald"),
        _member(3, None, outlet=None),
    ]
    figures = summarize_story(members)
    assert (figures.article_count, figures.source_count) == (3, 1)
    assert (figures.first_seen, figures.last_seen) == ("2024-03-01T08:00:00Z",
                                                       "2024-03-01T09:00:00Z")
    assert figures.headline == "Report 1" and figures.growth == 1.0 and not figures.breaking


@pytest.mark.parametrize(("members", "seen"), [
    ([StoryMember("a", "t", "2024-01-02", "x", None, "Updated 4 / 11 / 2007", "2026-12-01"),
      StoryMember("b", "t", None, "y", None, "", "2026-12-01")], ("2024-01-02", "published")),
    ([StoryMember("a", "t", None, "x", None, "Updated 4 / 11 / 2007\nText", "2026-12-01"),
      StoryMember("b", "t", None, "y", None, "April 12, 2007\nMore", "2026-12-02")],
     ("2007-04-12", "text")),
    ([StoryMember("a", "t", None, "x", None, "No date here.", "2026-12-01T10:00:00Z")],
     ("2026-12-01T10:00:00Z", "fetched")),
    ([], (None, None)),
], ids=["published-first", "stated-in-text", "fetched", "empty"])
def test_summary_seen_uses_the_best_date_known(members, seen):
    assert story_seen(members) == seen
