"""Headline cleanup: outlet names and slogans after a separator go, the headline stays
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from europenews.ingest.headlines import clean_headline, outlet_keys


@pytest.mark.parametrize(("title", "expected"), [
    ("Council backs new bridge - Riverside 7 News|Riverside, CA|News, Weather, Sports",
     "Council backs new bridge"),
    ("Two hurt in warehouse fire :: WXYZ.com", "Two hurt in warehouse fire"),
    ("Storm closes schools - WQRS Channel 4 - Lakeside, Ohio", "Storm closes schools"),
    ("Ferry service resumes - | KLMN Harbor City", "Ferry service resumes"),
    ("Dad charged after crash - WABC.COM Local News, Weather and Sports-",
     "Dad charged after crash"),
    ("Police: two hurt in crash - Valley News Now", "Police: two hurt in crash"),
    ("Library reopens – Hilltown Gazette", "Library reopens"),
    ("Gang members sought after shooting - Riverside News-Journal",
     "Gang members sought after shooting"),
    ("Dam repairs finished | Lakeview Post |", "Dam repairs finished"),
    ("CBS 12 - Firefighters Rescue Dog From Frozen Lake",
     "Firefighters Rescue Dog From Frozen Lake"),
], ids=["slogans-after-pipes", "web-address", "call-sign-then-place", "empty-segment",
        "trailing-hyphen", "colon-kept", "en-dash", "hyphenated-outlet", "trailing-pipe",
        "leading-network"])
def test_headlines_strip_outlet_furniture(title, expected):
    assert clean_headline(title) == expected


@pytest.mark.parametrize("title", [
    "Rail strike - day three",
    "Mass Evacuation – Flooding – Main Street (Brook County, VT)",
    "Marathon runner collapses - Police",
    "Riverside 7 News",
    "Drive-by shooting leaves one hurt",
    "Minister resigns - what happens next?",
], ids=["lowercase-tail", "no-outlet", "attribution", "only-an-outlet", "hyphen-in-word",
        "question-tail"])
def test_headlines_keep_what_is_not_furniture(title):
    assert clean_headline(title) == title


def test_headlines_recognise_the_articles_own_host():
    title = "Local bakery wins award - The Crumb Report"
    assert clean_headline(title) == title  # no outlet mark in the words alone
    assert clean_headline(title, url="https://www.crumbreport.example/a/1") == \
        "Local bakery wins award"
    assert clean_headline(title, source="www.crumbreport.example") == "Local bakery wins award"


def test_headlines_recognise_the_publisher_name():
    assert clean_headline("Mayor resigns | Northside Bugle", source="Northside Bugle") == \
        "Mayor resigns"


def test_headlines_drop_a_headline_read_twice():
    title = "Bridge reopens after repairsBridge reopens after repairs - Town Crier Online"
    assert clean_headline(title) == "Bridge reopens after repairs"


@pytest.mark.parametrize(("title", "expected"), [
    (None, None), ("", ""), ("  Floods   hit\tthe valley ", "Floods hit the valley"),
])
def test_headlines_empty_and_spacing(title, expected):
    assert clean_headline(title) == expected


def test_headlines_outlet_keys_skip_generic_labels():
    assert outlet_keys("news.blogspot.example", None) == frozenset()
    assert outlet_keys(None, "https://m.harbourtimes.example/x") == {"harbourtimes"}
    assert outlet_keys("Harbour Times", None) == {"harbourtimes"}


@pytest.mark.parametrize(("title", "url"), [
    ("5.1 - Magnitude Tremor Felt Near Brookdale", "https://brookdale.localpatch.example/x"),
    ("Storm warning: 9:30pm:", None),
], ids=["host-names-a-town", "trailing-colon"])
def test_headlines_keep_headline_naming_the_hosts_town(title, url):
    assert clean_headline(title, url=url) == title


def test_headlines_keep_a_long_leading_segment():
    title = "TOWN NEWS RELEASE March 3, 2021... - Harbour County Sheriff"
    assert clean_headline(title) == title


@pytest.mark.parametrize("title", [
    "Singer Drops Surprise Single - Fans Call It Her Best Video Yet",
    'The Night Owls - "Harbour Lights" [Music Video]',
    "Clip goes viral — ABC Host Questions Minister About Budget On Air",
    "MAYOR SAYS BRIDGE REOPENS - WELL AHEAD OF SCHEDULE",
    "Quiz Night (Video) – Season 2 Finale – Recap",
    "Farmers protest new rules - for the third week",
], ids=["weak-word-in-long-tail", "quoted", "network-in-long-tail", "capitals", "weak-lead",
        "lowercase-start"])
def test_headlines_keep_headlines_that_merely_mention_media(title):
    assert clean_headline(title) == title
