"""Places: toponyms recognised, resolved with context, grouped into one Place per place."""

from __future__ import annotations

import pytest

from europenews.analyze.places.finder import place_at, place_ref, places_from
from europenews.analyze.places.geocode import resolve_toponyms
from europenews.analyze.places.geonames import distance_km, parse_gazetteer
from europenews.analyze.places.toponyms import Toponym
from europenews.model import Mention, Place, PlaceRef

KHERSON = Place("Kherson", "UA", 46.63695, 32.61458, 706448, (Mention(50, 57, "Kherson"),), "city")
UKRAINE = Place("Ukraine", "UA", 49.0, 32.0, 690791, (Mention(10, 17, "Ukraine"),), "country")


def test_places_place_ref_copies_the_location():
    assert place_ref(KHERSON) == PlaceRef("Kherson", "UA", 46.63695, 32.61458, 706448)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(0, 100, "Kherson"), (0, 20, "Ukraine"), (70, 90, "Kherson"), (20, 30, "Ukraine")],
    ids=["city-beats-country", "inside", "nearest-after", "nearest-before"],
)
def test_places_place_at_picks_mention_in_or_near_range(start, end, expected):
    assert place_at([UKRAINE, KHERSON], start, end).name == expected


def test_places_place_at_without_places_is_none():
    assert place_at([], 0, 10) is None


# A hand-made gazetteer: two Parises, a Texas, a France.
ROWS = [
    "country\t1\tFrance\tFR\t46.0\t2.0\t67000000\tFR\tfrance|~french",
    "country\t2\tUnited States\tUS\t39.0\t-98.0\t330000000\tUS\tunited states|us",
    "region\t3\tTexas\tUS\t31.0\t-99.0\t1500000\tUS.TX\ttexas|tex",
    "city\t4\tParis\tFR\t48.85\t2.35\t2100000\tFR.11\tparis",
    "city\t5\tParis\tUS\t33.66\t-95.55\t25000\tUS.TX\tparis",
]


def _resolve(text: str, names: list[str]) -> dict[str, str]:
    gaz = parse_gazetteer(ROWS)
    toponyms = []
    for name in names:
        start = text.index(name)
        toponyms.append(Toponym(start, start + len(name), name))
    return {r.toponym.text: r.entry.country for r in resolve_toponyms(gaz, toponyms, text)}


@pytest.mark.parametrize(
    ("text", "names", "country"),
    [
        ("Paris is busy.", ["Paris"], "FR"),
        ("Paris, Tex. is busy.", ["Paris", "Tex."], "US"),
        ("In Texas, Paris is busy.", ["Texas", "Paris"], "US"),
    ],
    ids=["prior", "qualifier", "article-context"],
)
def test_places_resolution_uses_context(text, names, country):
    assert _resolve(text, names)["Paris"] == country


def test_places_groups_mentions_of_one_place():
    gaz = parse_gazetteer(ROWS)
    text = "Paris and Paris again, French too."
    toponyms = [Toponym(0, 5, "Paris"), Toponym(10, 15, "Paris"), Toponym(23, 29, "French", True)]
    places = places_from(resolve_toponyms(gaz, toponyms, text))
    assert [(p.name, len(p.mentions), p.feature) for p in places] == [
        ("Paris", 2, "city"),
        ("France", 1, "country"),
    ]


def test_places_seed_article_cities_and_countries(seed_analysis):
    places = {p.name: p for p in seed_analysis.places}
    expected = {
        "Kyiv": (50.45, 30.52, "UA"),
        "Kherson": (46.64, 32.61, "UA"),
        "Beijing": (39.91, 116.40, "CN"),
    }
    for name, (lat, lon, country) in expected.items():
        place = places[name]
        assert place.country == country
        assert distance_km(lat, lon, place.lat, place.lon) < 50
    for name, country in [("Ukraine", "UA"), ("Russia", "RU"), ("China", "CN")]:
        assert places[name].feature == "country" and places[name].country == country


@pytest.mark.parametrize(
    ("text", "mention", "name", "country", "feature"),
    [
        (
            "Shelling hit Kherson on Monday, officials in Ukraine said.",
            "Kherson",
            "Kherson",
            "UA",
            "city",
        ),
        (
            "The crash happened near Louisville, Ky., police said.",
            "Ky.",
            "Kentucky",
            "US",
            "region",
        ),
        ("The Ukrainian President spoke on Monday.", "Ukrainian", "Ukraine", "UA", "country"),
        (
            "Farmers in Laurel County, Kentucky, counted the losses.",
            "Laurel County",
            "Laurel County",
            "US",
            "county",
        ),
        (
            "Officials in Atlanta, Georgia, said the storm had passed.",
            "Georgia",
            "Georgia",
            "US",
            "region",
        ),
        ("Tbilisi, Georgia, hosted talks with Armenia.", "Georgia", "Georgia", "GE", "country"),
    ],
    ids=["kherson-ukraine", "ky-abbreviation", "demonym", "county", "us-state", "country"],
)
def test_places_geocodes_toponyms_in_context(nlp, text, mention, name, country, feature):
    places = nlp(text)._.places
    [place] = [p for p in places if any(m.text == mention for m in p.mentions)]
    assert (place.name, place.country, place.feature) == (name, country, feature)


def test_places_demonym_creates_no_place_of_its_own(nlp):
    places = nlp("The Ukrainian President met Ukraine's allies.")._.places
    assert [p.name for p in places] == ["Ukraine"]
    assert [m.text for m in places[0].mentions] == ["Ukrainian", "Ukraine"]


def test_places_vague_direction_is_no_place(nlp):
    places = nlp("Leaders in the West promised more help to Poland.")._.places
    assert [p.name for p in places] == ["Poland"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Trade grew in Western Canada last year.", ["Canada"]),
        ("Factories closed after the breakup of the Soviet Union.", []),
        ("Leaders discussed security in the Indo-Pacific region.", []),
        ("Turkish-Russian relations improved, officials said.", ["Turkey", "Russia"]),
    ],
    ids=["compass-prefix", "demonym-head", "hyphenated-region", "hyphenated-demonyms"],
)
def test_places_names_inside_longer_names(nlp, text, names):
    assert [p.name for p in nlp(text)._.places] == names


def test_places_an_institution_is_no_village_of_its_name(nlp):
    # Congress, Arizona is a village; "members of Congress" is the legislature.
    doc = nlp("This story was updated with reactions from members of Congress and advocates in "
              "Ohio.")
    assert [p.name for p in doc._.places] == ["Ohio"]
