"""The one ISO date parser and the readings built on it."""

from __future__ import annotations

import datetime as dt

import pytest

from europenews.dates import day_number, parse_timestamp, wall_clock


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-06-30", dt.datetime(2025, 6, 30)),
    ("2025-06-30T07:15:00Z", dt.datetime(2025, 6, 30, 7, 15, tzinfo=dt.UTC)),
    ("2025-06-30T07:15:00+02:00",
     dt.datetime(2025, 6, 30, 7, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
    ("2025-06-30T07:15:00", dt.datetime(2025, 6, 30, 7, 15)),
], ids=["date", "utc-z", "offset", "no-zone"])
def test_dates_parse_timestamp_reads_iso_text(text, expected):
    parsed = parse_timestamp(text)
    assert parsed == expected and parsed is not None
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("text", [None, "", "yesterday", "30/06/2025", "2025-13-01"],
                         ids=["none", "empty", "word", "day-first", "bad-month"])
def test_dates_unreadable_text_is_unknown(text):
    assert parse_timestamp(text) is None
    assert wall_clock(text) is None


def test_dates_wall_clock_drops_the_zone_without_converting():
    assert wall_clock("2025-06-30T07:15:00-04:00") == dt.datetime(2025, 6, 30, 7, 15)
    assert wall_clock("2025-06-30T07:15:00Z") == dt.datetime(2025, 6, 30, 7, 15)


JUNE_30 = (dt.date(2025, 6, 30) - dt.date(1970, 1, 1)).days


@pytest.mark.parametrize(("text", "day"), [
    ("1970-01-02", 1),
    ("2025-06-30T23:59:00-11:00", JUNE_30),
    ("2025-06-30 at noon", JUNE_30),
    ("2025-06", None),
    ("June 2025!", None),
    (None, None),
], ids=["epoch-plus-one", "date-part-as-written", "lenient-tail", "too-short", "not-iso",
        "none"])
def test_dates_day_number_reads_the_date_part(text, day):
    assert day_number(text) == day
