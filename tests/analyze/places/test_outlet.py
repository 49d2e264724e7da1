"""The outlet's home: the country an article's hostname points to (``outlet.py``)."""

from __future__ import annotations

import pytest

from europenews.analyze.places.geonames import GeoEntry, GeoGazetteer, load_gazetteer
from europenews.analyze.places.outlet import (
    on_side,
    outlet_country,
    outlet_region,
    station_country,
    station_side,
)


@pytest.fixture(scope="module")
def gaz() -> GeoGazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("outlet", "country"),
    [
        ("bbc.co.uk", "GB"),
        ("https://www.cbc.ca/news/story-1", "CA"),
        ("abc.net.au", "AU"),
        ("wsmv.com", "US"),
        ("khou.com", "US"),
        ("abc7chicago.com", "US"),
        ("6abc.com", "US"),
        ("detroitnews.com", "US"),
        ("www.texastribune.org", "US"),
        ("irishtimes.com", "IE"),
        ("baltimoresun.com", "US"),
        ("nbclosangeles.com", "US"),
        ("www.txdailynews.com", "US"),
        ("okherald.com", "US"),
    ],
    ids=[
        "uk-domain", "url", "country-code-beats-network", "call-sign-w", "call-sign-k",
        "network-with-town", "channel-number", "town-opens", "state-opens", "demonym-opens",
        "longest-name", "big-city-dwarfs-namesakes", "state-code-and-press-words",
        "state-code-and-press-word",
    ],
)  # fmt: skip
def test_outlet_hostname_names_its_home(gaz, outlet, country):
    assert outlet_country(gaz, outlet) == country


@pytest.mark.parametrize(
    "outlet",
    [
        "example.tv",  # a country code sold for television
        "savannahnow.com",  # Savannah is also a region of Ghana
        "northjersey.com",  # a country name counts only where it opens the name
        "richmond.com",  # Virginia's or British Columbia's
        "valleynews.com",  # a common word
        "qxdailynews.com",  # two letters that are no state's code
        "nyfashion.com",  # a state's code before a word that is no paper's
        "example.com",
        "localhost",
        "http://[bad",
        "",
        None,
    ],
)
def test_outlet_without_a_clear_home_is_none(gaz, outlet):
    assert outlet_country(gaz, outlet) is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("(KXYZ-TV) - A fire broke out downtown.", "US"),
        ("The mayor told WQRS-FM on Monday that the road would reopen.", "US"),
        ("The mayor told CQRS-TV on Monday that the road would reopen.", None),
        ("A KXYZ spokesman declined to comment.", None),  # no service: could be any acronym
    ],
)
def test_outlet_station_call_sign_in_the_text(text, country):
    assert station_country(text) == country


@pytest.mark.parametrize(
    ("outlet", "region"),
    [
        ("www.texastribune.org", "US.TX"),
        ("detroitnews.com", "US.MI"),
        ("abc7chicago.com", "US.IL"),  # a network's brand, then the town
        ("onlineathens.com", None),  # Athens is also Greece's capital: no state
        ("www.txdailynews.com", None),  # two letters say the country only ("la" is no Louisiana)
        ("wsmv.com", None),  # a call sign says no state
        ("example.com", None),
        (None, None),
    ],
)
def test_outlet_region_when_the_hostname_names_one_state(gaz, outlet, region):
    assert outlet_region(gaz, outlet) == region


def test_outlet_call_sign_says_the_side_of_the_mississippi(gaz):
    assert station_side("www.wxyz.com") == "east"
    assert station_side("kxyz.com") == "west"
    assert station_side("example.com") is None
    assert station_side(None) is None
    town = GeoEntry("city", 1, "Town", "US", 35.0, -84.0, 5000, "US.TN")
    assert on_side(town, "east") and not on_side(town, "west")
    abroad = GeoEntry("city", 2, "Town", "CA", 45.0, -75.0, 5000, "CA.08")
    assert not on_side(abroad, "east") and not on_side(town, None)


@pytest.mark.parametrize(("language", "country"),
                         [("pl", "PL"), ("CS", "CZ"), ("it", "IT"), ("uk", "UA"), ("en", None),
                          ("de", None), ("fr", None), ("ru", None), (None, None)])
def test_outlet_a_language_of_one_country_is_its_home(language, country):
    from europenews.analyze.places.outlet import language_country

    assert language_country(language) == country


@pytest.mark.parametrize(("language", "kept"), [("pl", False), ("en", True)])
def test_outlet_a_small_town_abroad_in_a_polish_report_is_a_word(gaz, language, kept):
    # A union's name the name recogniser read as a place: in a Polish article it is no
    # hamlet in Nevada (the language frames the article in Poland), in an English one with no
    # other place the gazetteer's only reading stands.
    import spacy
    from spacy.tokens import Span

    from europenews.analyze.places.finder import locate_places

    words = ["Strajkują", "dwa", "związki", ":", "Cockpit", "oraz", "Verdi", "."]
    doc = spacy.blank(language).make_doc(" ".join(words))
    doc.ents = [Span(doc, 6, 7, label="GPE")]
    found = [(p.name, p.country) for p in locate_places(doc, gaz).places]
    assert (("Verdi", "US") in found) is kept
