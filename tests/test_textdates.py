"""Dates written in article text, read as calendar dates (europenews.textdates)."""

from __future__ import annotations

import datetime as dt

import pytest

from europenews.textdates import reference_day, resolve_date, stated_date

WEDNESDAY = dt.date(2015, 12, 9)


@pytest.mark.parametrize(("expression", "expected"), [
    ("Dec. 3, 2015", dt.date(2015, 12, 3)),
    ("3 December 2015", dt.date(2015, 12, 3)),
    ("2015-12-03", dt.date(2015, 12, 3)),
    ("Tuesday", dt.date(2015, 12, 8)),
    ("early Sunday", dt.date(2015, 12, 6)),
    ("Tuesday night", dt.date(2015, 12, 8)),
    ("on Saturday", dt.date(2015, 12, 5)),
    ("Wednesday", WEDNESDAY),
    ("last Wednesday", dt.date(2015, 12, 2)),
    ("yesterday", dt.date(2015, 12, 8)),
    ("last night", dt.date(2015, 12, 8)),
    ("this morning", WEDNESDAY),
    ("Dec. 3", dt.date(2015, 12, 3)),
    ("Dec. 29", dt.date(2014, 12, 29)),
], ids=["month-day-year", "day-month-year", "iso", "weekday", "early-weekday",
        "weekday-night", "on-weekday", "same-weekday", "last-weekday", "yesterday",
        "last-night", "this-morning", "month-day", "month-day-last-year"])
def test_textdates_resolve_date_reads_days(expression, expected):
    assert resolve_date(expression, WEDNESDAY) == expected


@pytest.mark.parametrize("expression", [
    "20-year-old", "20 years old", "three years", "10 p.m.", "last week", "Sundays",
    "every Sunday", "December", "2014", "the 1990s", "Tuesday's hearing", "next Monday",
    "Dec. 20, 2015",
], ids=["age", "age-words", "span", "time-of-day", "vague", "plural", "recurring", "month",
        "year", "decade", "possessive", "plan", "after-the-article"])
def test_textdates_resolve_date_never_reads_ages_spans_or_plans(expression):
    assert resolve_date(expression, WEDNESDAY) is None


def test_textdates_relative_days_need_a_reference():
    assert resolve_date("Tuesday", None) is None
    assert resolve_date("Dec. 3, 2015", None) == dt.date(2015, 12, 3)


@pytest.mark.parametrize(("head", "expected"), [
    ("Updated 4 / 11 / 2007 1:26 PM\nA fired accountant was charged.", dt.date(2007, 4, 11)),
    ("Tuesday, Mar 8, 2011 | Updated 4:15 PM EST\nHours after", dt.date(2011, 3, 8)),
    ("WASHINGTON, April 28, 2009\nThe agency said", dt.date(2009, 4, 28)),
    ("Posted October 14, 2012 - 2: 05pm Updated October 15, 2012",
     dt.date(2012, 10, 14)),
], ids=["updated-numeric", "weekday-dateline", "city-dateline", "posted-and-updated"])
def test_textdates_stated_date_reads_the_first_lines(head, expected):
    assert stated_date(head) == expected


def test_textdates_stated_date_ignores_dates_deep_in_the_text_and_partial_dates():
    assert stated_date("Passed in January 2009, the rule was revoked.") is None
    assert stated_date("x" * 400 + " On May 2, 2011 it happened.") is None
    assert stated_date(None) is None


def test_textdates_reference_day_prefers_the_publication_date():
    text = "Updated 4 / 11 / 2007\nA story."
    assert reference_day("2015-12-09T10:00:00Z", text) == WEDNESDAY
    assert reference_day(None, text) == dt.date(2007, 4, 11)
    assert reference_day("not a date", "No date here.") is None
