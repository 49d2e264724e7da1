"""The gazetteer: name keys, parsing, the packaged data's variants and representative points."""

from __future__ import annotations

import pytest

from europenews.analyze.places.geonames import (
    GeoGazetteer,
    distance_km,
    load_gazetteer,
    parse_gazetteer,
    place_key,
)


@pytest.fixture(scope="module")
def gazetteer() -> GeoGazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Québec", "quebec"),
        ("U.S.", "US"),
        ("St. Louis", "Saint Louis"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
    ],
    ids=["accents", "dots", "saint", "hyphen"],
)
def test_geonames_name_key_matches_variants(a, b):
    assert place_key(a) == place_key(b)


def test_geonames_parse_gazetteer_indexes_names_and_demonyms():
    rows = [
        "country\t1\tNarnia\tNA\t10.0\t20.0\t500\tNA\tnarnia|~narnian",
        "city\t2\tCair Paravel\tNA\t10.5\t20.5\t100\tNA.01\tcair paravel|paravel",
    ]
    gaz = parse_gazetteer(rows)
    [city] = gaz.candidates("Paravel")
    assert (city.name, city.country, city.geonames_id) == ("Cair Paravel", "NA", 2)
    assert gaz.demonym("Narnian").name == "Narnia"
    assert gaz.country("NA").lat == 10.0


def test_geonames_distance_km_one_degree_of_latitude():
    assert distance_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.2, abs=0.2)


@pytest.mark.parametrize(
    ("name", "feature", "country", "same_as"),
    [
        ("Kiev", "city", "UA", "Kyiv"),
        ("Odessa", "city", "UA", "Odesa"),
        ("Ky.", "region", "US", "Kentucky"),
        ("B.C.", "region", "CA", "British Columbia"),
        ("U.S.", "country", "US", "United States"),
    ],
    ids=["kiev", "odessa", "ky", "bc", "us"],
)
def test_geonames_packaged_gazetteer_knows_variants(gazetteer, name, feature, country, same_as):
    variant = [
        e for e in gazetteer.candidates(name) if e.feature == feature and e.country == country
    ]
    canonical = [e for e in gazetteer.candidates(same_as) if e.feature == feature]
    assert variant and variant[0] in canonical


def test_geonames_demonym_prefers_the_populous_country(gazetteer):
    assert gazetteer.demonym("American").country == "US"
    assert gazetteer.demonym("Ukrainian").country == "UA"


def test_geonames_region_point_is_not_its_namesake_city(gazetteer):
    [city] = [e for e in gazetteer.candidates("Kherson") if e.country == "UA"]
    region = gazetteer.region_of(city)
    assert region is not None and region.feature == "region"
    assert distance_km(city.lat, city.lon, region.lat, region.lon) > 15


def test_geonames_country_point_is_not_a_city(gazetteer):
    ukraine = gazetteer.country("UA")
    [kyiv] = [e for e in gazetteer.candidates("Kyiv") if e.feature == "city"]
    assert distance_km(ukraine.lat, ukraine.lon, kyiv.lat, kyiv.lon) > 50


def test_geonames_county_stands_among_its_towns(gazetteer):
    [county] = [e for e in gazetteer.candidates("Plymouth County") if e.region == "US.IA"]
    [seat] = [e for e in gazetteer.candidates("Le Mars") if e.region == "US.IA"]
    assert distance_km(county.lat, county.lon, seat.lat, seat.lon) < 40


@pytest.mark.parametrize(
    ("text", "expected"),
    [("KY", ["Kentucky"]), ("ON", ["Ontario"]), ("Ms", []), ("In", [])],
    ids=["state", "province", "title-is-no-code", "word-is-no-code"],
)
def test_geonames_postal_codes_only_in_capitals(gazetteer, text, expected):
    assert [e.name for e in gazetteer.candidates(text) if e.feature == "region"] == expected


def test_geonames_region_point_is_not_a_city_named_after_it(gazetteer):
    [state] = [e for e in gazetteer.candidates("New York") if e.feature == "region"]
    nyc = gazetteer.candidates("New York City")[0]
    assert distance_km(state.lat, state.lon, nyc.lat, nyc.lon) > 100


def test_geonames_small_towns_are_known(gazetteer):
    # GeoNames towns of 500+ people: local news names them ("Churchill, Man.").
    assert any(e.region == "CA.03" for e in gazetteer.candidates("Churchill"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Man.", ["Manitoba"]),
        ("Man", []),
        ("Ill.", ["Illinois"]),
        ("Ill", []),
        ("B.C.", ["British Columbia"]),
    ],
    ids=["man-dot", "man-word", "ill-dot", "ill-word", "inner-dots"],
)
def test_geonames_word_abbreviations_need_their_period(gazetteer, text, expected):
    assert [e.name for e in gazetteer.candidates(text) if e.feature == "region"] == expected
