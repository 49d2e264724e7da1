"""Rules that keep a story from joining what cannot be the same news, whatever the text says.

Dates: an article never joins a story whose known dates are more than :data:`DATE_GUARD_DAYS`
away from its own. An article's date is its publication date, else the date its first lines
state (a dateline, "Updated 4/11/2007"): collections without publication dates (ECB+) hold
look-alike events years apart (two Internet Explorer patches, riots and a later bank fire),
and only the stated date tells them apart. The limit equals the clusterer's window for dated
streams (a story idle that long is closed anyway), so dated streams keep their behaviour;
court follow-ups within a year still join.
"""

from __future__ import annotations

from dataclasses import dataclass

from europenews.dates import day_number
from europenews.stories.items import StoryItem
from europenews.textdates import stated_date

DATE_GUARD_DAYS = 400


def known_day(item: StoryItem) -> int | None:
    """Days since 1970-01-01 of the item's publication date, else of the date its first lines
    state, else None."""
    day = day_number(item.published)
    if day is not None:
        return day
    stated = stated_date(item.text)
    return None if stated is None else day_number(stated.isoformat())


@dataclass(slots=True)
class DateSpan:
    """The first and last known day of a story's articles."""

    first: int | None = None
    last: int | None = None

    def add(self, day: int | None) -> None:
        if day is None:
            return
        self.first = day if self.first is None else min(self.first, day)
        self.last = day if self.last is None else max(self.last, day)

    def too_far(self, day: int | None, limit: int = DATE_GUARD_DAYS) -> bool:
        """True when ``day`` lies more than ``limit`` days outside the span (unknown days
        never block)."""
        if day is None or self.first is None or self.last is None:
            return False
        return day < self.first - limit or day > self.last + limit
