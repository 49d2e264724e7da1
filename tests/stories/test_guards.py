# ruff: noqa: E501  (long sample texts read better unwrapped)
"""Stories never join articles whose dates are years apart (stories.guards)."""

from __future__ import annotations

import pytest

from europenews.stories.cluster import OnlineClusterer
from europenews.stories.guards import DATE_GUARD_DAYS, DateSpan, known_day
from europenews.stories.items import StoryItem

PATCH = (
    "Microsoft released an emergency update for Internet Explorer on Tuesday to close a security hole "
    "that attackers were already using against users of Internet Explorer 7 and 8. The company urged "
    "every user of Internet Explorer to install the emergency update from Microsoft at once."
)


def _undated(item_id: str, first_line: str) -> StoryItem:
    return StoryItem(id=item_id, title="Microsoft ships emergency Internet Explorer update",
                     text=f"{first_line}\n{PATCH}", published=None, source=f"{item_id}.example")


def test_guards_known_day_reads_the_publication_date_then_the_text():
    assert known_day(StoryItem("a", text="x", published="1970-01-11")) == 10
    assert known_day(StoryItem("b", text="Updated 1 / 21 / 1970 1:26 PM\nA story.")) == 20
    assert known_day(StoryItem("c", text="No date at all.")) is None


@pytest.mark.parametrize(("day", "blocked"), [
    (100, False), (100 + DATE_GUARD_DAYS, False), (101 + DATE_GUARD_DAYS, True),
    (-1 - DATE_GUARD_DAYS, True), (None, False),
], ids=["inside", "at-the-limit", "beyond", "long-before", "unknown"])
def test_guards_date_span_blocks_only_beyond_the_limit(day, blocked):
    span = DateSpan()
    span.add(0)
    span.add(100)
    assert span.too_far(day) is blocked


def test_guards_undated_look_alikes_years_apart_stay_apart():
    clusterer = OnlineClusterer()
    first = clusterer.assign(_undated("a", "December 17, 2008 4:16 PM ET"))
    later = clusterer.assign(_undated("b", "September 17, 2013 4:16 PM ET"))
    same_year = clusterer.assign(_undated("c", "December 18, 2008 9:00 AM ET"))
    assert later.story_id != first.story_id
    assert same_year.story_id == first.story_id
