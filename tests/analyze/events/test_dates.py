"""Event dates are ISO dates or null (analyze/events/dates.py, issue 16)."""

from __future__ import annotations

import re

import pytest

from europenews.analyze.pipeline import analyze_article
from europenews.model import Article

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.mark.parametrize(("text", "published", "date"), [
    ("A 20-year-old man was shot and killed Tuesday night on the East Side, police said.",
     "2016-05-05", "2016-05-03"),
    ("Two people were wounded in a shooting on Dec. 3, 2015, in the park, police said.",
     None, "2015-12-03"),
    ("Updated 4 / 11 / 2007 1:26 PM\nA fired accountant shot and killed a receptionist "
     "on Monday, police said.", None, "2007-04-09"),
    ("A 20-year-old man was shot and wounded at 10 p.m., police said.", "2016-05-05", None),
    ("A man was shot and killed Tuesday night, police said.", None, None),
], ids=["weekday-against-publication", "date-in-text", "weekday-against-stated-date",
        "age-and-time-are-not-dates", "weekday-without-reference"])
def test_issue_16_event_dates_are_iso_dates(nlp, text, published, date):
    analysis = analyze_article(nlp, Article(text=text, published=published))
    [event] = analysis.events
    assert event.date == date
    assert event.date is None or ISO.match(event.date)


def test_issue_16_event_keeps_the_expression_it_read(nlp):
    analysis = analyze_article(nlp, Article(text="A woman was shot and killed early Sunday.",
                                            published="2016-05-05T10:00:00Z"))
    [event] = analysis.events
    assert event.date_text is not None and "Sunday" in event.date_text
    assert event.date == "2016-05-01"


def test_issue_16_component_alone_resolves_only_full_dates(nlp):
    [event] = nlp("A man was shot and killed Tuesday night, police said.")._.events
    assert event.date is None and event.date_text is not None
