"""Dates written in article text: "Dec. 3, 2015", "3 December 2015", "4 / 11 / 2007",
"Tuesday", "last night", read as calendar dates.

Two readings, both pure and regex-only (the story clusterer runs without NLP):

- :func:`stated_date`: the date an article states about itself in its first lines (a dateline,
  "Updated 4/11/2007 1:26 PM", "Published: December 19, 2005"), for articles whose source gave
  no publication date;
- :func:`resolve_date`: one date expression (as the parser tagged it) read against a reference
  day, the article's publication date: weekday names and "yesterday" count back from it, a
  month and day without a year take the year that puts them on or before it.

Anything else (ages such as "20-year-old", durations, times of day, "last week") reads as
unknown, ``None``: a wrong date is worse than none.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
# Words naming the reference day itself, or the day before it.
SAME_DAY = ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today")
DAY_BEFORE = ("yesterday", "last night", "overnight")
# Where an article states its own date: the first lines (a dateline, a "posted/updated" line).
HEAD_CHARS = 300
# A text date this far after the reference day is a plan ("a hearing on Dec. 3"), not the event.
FUTURE_TOLERANCE_DAYS = 1
# Month + day without a year: taken in the reference year unless that is this far in the future.
NO_YEAR_SLACK_DAYS = 7

# A month's name or abbreviation, as texts write them (also read by analyze/events/natural.py).
MONTH_NAME = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH = rf"(?P<month>{MONTH_NAME})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SEP = r"\s*[/.-]\s*"
# Full dates: "December 3, 2015", "3 December 2015", "2015-12-03", "4 / 11 / 2007" (US order:
# month first; the numeric form with slashes is how US outlets write it).
_FULL = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_YEAR}-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(rf"\b(?P<month>[01]?\d)\s*/\s*(?P<day>[0-3]?\d)\s*/\s*{_YEAR}\b"),
]
# A month and a day with no year: "Dec. 3", "3 December".
_NO_YEAR = [
    re.compile(rf"^(?:on\s+)?(?:\w+day,?\s+)?{_MONTH}\s+{_DAY}$", re.IGNORECASE),
    re.compile(rf"^(?:on\s+)?(?:\w+day,?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}$",
               re.IGNORECASE),
]
_WEEKDAY = re.compile(
    r"\b(?P<next>next\s+|this\s+coming\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)\b(?!s)", re.IGNORECASE)
# Expressions that carry a weekday or a relative day but say something else: "every Sunday",
# "Sundays", "a week from Tuesday".
_NOT_ONE_DAY = re.compile(r"\b(every|each|weeks?|months?|years?|from|until|since|after)\b",
                          re.IGNORECASE)
_DAY_WORDS = frozenset({
    "early", "late", "on", "last", "this", "past", "morning", "afternoon", "evening", "night",
    "overnight", "", "about", "around", "before", "dawn", "midday", "noon",
})
_AGE_OR_SPAN = re.compile(r"\d+\s*-?\s*(year|yr|month|week|day)s?\b|\bold\b|\bage\b",
                          re.IGNORECASE)


def _month_number(name: str) -> int | None:
    if name.isdigit():
        return int(name)
    return MONTHS.get(name[:3].lower())


def _make(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every full date (day, month and year) written in ``text``, as (offset, date), in text
    order."""
    found: dict[int, dt.date] = {}
    for pattern in _FULL:
        for m in pattern.finditer(text):
            date = _make(int(m["year"]), _month_number(m["month"]), int(m["day"]))
            if date is not None and m.start() not in found:
                found[m.start()] = date
    return sorted(found.items())


def stated_date(text: str | None, head_chars: int = HEAD_CHARS) -> dt.date | None:
    """The date an article states in its first lines (dateline, "Updated …"), or None.

    Only a full date counts (a month or a year alone says too little), and only in the first
    ``head_chars`` characters, where outlets print the article's own date."""
    if not text:
        return None
    dates = full_dates(text[:head_chars])
    return dates[0][1] if dates else None


def reference_day(published: str | None, text: str | None) -> dt.date | None:
    """The day an article speaks from: its publication date, else the date its text states
    in its first lines, else None."""
    if published and len(published) >= 10:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            pass
    return stated_date(text)


def resolve_date(expression: str, reference: dt.date | None) -> dt.date | None:
    """The calendar day a date expression names, read against ``reference`` (the article's
    day), or None when it names no single day or needs a reference that is unknown.

    "Dec. 3, 2015" → 2015-12-03; with a reference of Wednesday 2015-12-09: "Tuesday" →
    2015-12-08, "yesterday"/"last night" → 2015-12-08, "Dec. 3" → 2015-12-03. Ages ("20-year-old"),
    spans ("three years"), times of day ("10 p.m.") and vague ones ("last week") → None. A day
    after the reference is a plan, not what happened: None."""
    text = " ".join(expression.split())
    low = text.lower()
    date = _absolute(text)
    if date is None and reference is not None:
        date = _relative(low, reference)
    if date is None or reference is None:
        return date
    if (date - reference).days > FUTURE_TOLERANCE_DAYS:
        return None
    return date


def _absolute(text: str) -> dt.date | None:
    dates = full_dates(text)
    return dates[0][1] if len(dates) == 1 else None


def _relative(low: str, reference: dt.date) -> dt.date | None:
    core = re.sub(r"^(?:early|late|on|in|the|about|around|until|by)\s+", "", low)
    core = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", core)
    if core in SAME_DAY or low in SAME_DAY:
        return reference
    if core in DAY_BEFORE or low in DAY_BEFORE:
        return reference - dt.timedelta(days=1)
    for pattern in _NO_YEAR:
        m = pattern.match(low)
        if m:
            date = _make(reference.year, _month_number(m["month"]), int(m["day"]))
            if date is not None and (date - reference).days > NO_YEAR_SLACK_DAYS:
                date = _make(reference.year - 1, date.month, date.day)
            return date
    if _AGE_OR_SPAN.search(low) or _NOT_ONE_DAY.search(low):
        return None
    weekdays = list(_WEEKDAY.finditer(low))
    if len(weekdays) != 1:
        return None
    m = weekdays[0]
    before = low[:m.start()].split()
    after = low[m.end():].split()
    last = "last" in before
    # Only words that place the day ("early Sunday", "on Tuesday night") may surround it;
    # anything else ("Tuesday's hearing", "a Tuesday in May") says more than a day name.
    if any(w.strip(",") not in _DAY_WORDS for w in [*before, *after]):
        return None
    weekday = WEEKDAYS[m["weekday"].lower()]
    if m["next"]:
        ahead = (weekday - reference.weekday()) % 7 or 7
        return reference + dt.timedelta(days=ahead)
    back = (reference.weekday() - weekday) % 7
    if back == 0 and last:
        back = 7  # "last Tuesday", written on a Tuesday: a week ago
    return reference - dt.timedelta(days=back)
