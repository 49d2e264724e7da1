"""ISO 8601 dates as EuropeNews stores them: one parser, and the two readings built on it.

Articles keep their dates as the source wrote them, as ISO text ("2024-12-01",
"2024-12-01T10:00:00Z", "2024-12-01T10:00:00+02:00"); queries compare that text directly.
Where a rule needs a real date, it reads the text here:

- :func:`parse_timestamp`: the date or timestamp, with its zone when one is given;
- :func:`wall_clock`: the same, zone dropped, so times compare as written (story growth,
  "breaking" and the front page ranking read dates this way);
- :func:`day_number`: the calendar day of the date part alone (the story clusterer's unit).

Text that is not ISO 8601 reads as unknown (``None``), never as an error: a source's odd
date must not stop a page or a story.
"""

from __future__ import annotations

import datetime as dt

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def parse_timestamp(value: str | None) -> dt.datetime | None:
    """The date or timestamp ``value`` names ("Z" reads as UTC; a zone is kept when given,
    none is added when absent), or None when it is empty or not ISO 8601."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def wall_clock(value: str | None) -> dt.datetime | None:
    """The timestamp as written, its zone dropped rather than converted ("10:00+02:00" reads
    10:00), or None when unknown.

    Outlets mostly stamp their own local time; comparing the times as written keeps a story's
    articles in the order readers saw them, which is what the story figures measure."""
    parsed = parse_timestamp(value)
    return None if parsed is None else parsed.replace(tzinfo=None)


def day_number(value: str | None) -> int | None:
    """Days since 1970-01-01 of the date part (the first ten characters, "YYYY-MM-DD"), or
    None when unknown or unparsable.

    Only the date part is read, so a timestamp whose time part is malformed still has a day:
    the story clusterer works at day resolution on purpose (finer timestamps from aggregators
    are often crawl times)."""
    if not value or len(value) < 10:
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day.toordinal() - _EPOCH_ORDINAL
