"""Toponym recognition on the real model: names the model cuts, hides or glues together."""

from __future__ import annotations

import pytest

from europenews.analyze.places.geonames import parse_gazetteer
from europenews.analyze.places.toponyms import _inner_toponyms


def _places(nlp, text: str) -> dict[str, tuple[str | None, str, list[str]]]:
    doc = nlp(text)
    return {p.name: (p.country, p.feature, [m.text for m in p.mentions]) for p in doc._.places}


def test_toponyms_demonym_inside_an_organisation_names_the_country(nlp):
    # "Canadian" is also a Texas town; inside "Canadian Press" it is the demonym.
    places = _places(nlp, "The Canadian Press reported the news on Monday.")
    assert places.get("Canada") == ("CA", "country", ["Canadian"])


def test_toponyms_name_cut_short_by_the_model_is_joined(nlp):
    places = _places(nlp, "About 30 homes in the valley near Fort St. John will be affected.")
    assert places.get("Fort St. John", (None,))[0] == "CA"


@pytest.mark.parametrize(
    "text",
    [
        "LOUISVILLE, KY--(Marketwire - December 23, 2010) - The company said sales rose.",
        "He spoke to Louisville, KY reporters about the race.",
    ],
    ids=["glued-dateline", "qualifier"],
)
def test_toponyms_state_postal_code_after_a_town(nlp, text):
    places = _places(nlp, text)
    assert places.get("Kentucky", (None,))[0] == "US"
    assert places.get("Louisville", (None,))[0] == "US"


def test_toponyms_direction_word_does_not_open_a_small_town(nlp):
    # "South Pacific" is no Pacific, Missouri.
    places = _places(nlp, "The film is set in the South Pacific and was shot on an island.")
    assert "Pacific" not in places


def test_toponyms_dateline_town_in_an_organisation_label_counts(nlp):
    text = "Bingham to offer plan to combat drugs.\n  TORRINGTON — Mayor Ryan Bingham will speak."
    places = _places(nlp, text)
    assert places.get("Torrington", (None,))[0] == "US"


def test_toponyms_first_name_of_a_person_is_no_place(nlp):
    text = (
        "Eight-year-old Georgia Wells is saddling her pony. "
        "Georgia started riding when she was five and competes in Red Deer."
    )
    places = _places(nlp, text)
    assert "Georgia" not in places
    assert "Red Deer" in places


def test_toponyms_degree_after_a_name_is_no_state(nlp):
    places = _places(nlp, "Helen R. Doyle, M.D., was appointed head of cardiology in Huntington.")
    assert "Maryland" not in places


def test_toponyms_postal_code_inside_a_name_needs_a_town_before_it():
    gaz = parse_gazetteer(
        [
            "region\t1\tIndiana\tUS\t40.0\t-86.0\t1500000\tUS.IN\tindiana|=in",
            "region\t2\tTexas\tUS\t31.0\t-99.0\t1500000\tUS.TX\ttexas|=tx",
        ]
    )
    assert [t.text for t in _inner_toponyms("IN TEXAS", 0, gaz, weak=False)] == ["TEXAS"]
    found = _inner_toponyms("KY--(Wire", 0, gaz, weak=True, codes=True)
    assert found == []  # no Kentucky in this gazetteer: codes look up the gazetteer only
    assert [t.text for t in _inner_toponyms("IN--(Wire", 0, gaz, weak=True, codes=True)] == ["IN"]


def test_toponyms_inside_an_organisation_a_village_does_not_swallow_the_state():
    gaz = parse_gazetteer(
        [
            "region\t1\tMichigan\tUS\t44.25\t-85.5\t1500000\tUS.MI\tmichigan",
            "city\t2\tMichigan Center\tUS\t42.23\t-84.33\t4672\tUS.MI\tmichigan center",
            "county\t\tLaurel County\tUS\t37.1\t-84.1\t3000\tUS.KY\tlaurel county",
        ]
    )
    org = "University of Michigan Center for Computer Security"
    assert [t.text for t in _inner_toponyms(org, 0, gaz, weak=True)] == ["Michigan"]
    org = "Laurel County Sheriff's Office"
    assert [t.text for t in _inner_toponyms(org, 0, gaz, weak=True)] == ["Laurel County"]


def test_toponyms_news_agency_after_according_to_is_no_town(nlp):
    text = "Heavy rain hit Sichuan province in China, according to Xinhua."
    places = _places(nlp, text)
    assert "Xinhua" not in places
    assert places.get("China", (None,))[0] == "CN"


@pytest.mark.parametrize(
    "text",
    [
        "A stray bullet hit a car on Penn Avenue in Pittsburgh on Friday.",
        "Police were called to Francis Street on the North Side of Pittsburgh.",
        "PITTSBURGH - Near the park on Guadalajara Way, mourners stood in small groups.",
    ],
    ids=["avenue", "street-and-side-of", "way"],
)
def test_toponyms_streets_name_no_places_but_their_town_counts(nlp, text):
    assert set(_places(nlp, text)) == {"Pittsburgh"}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Lucy was born in Churchill, Man. in March.", {"Churchill", "Manitoba"}, set()),
        ("Man kills brother in Pittsburgh home.", {"Pittsburgh"}, {"Manitoba"}),
        ("LA PORTE, Ind. (December 26) — A boy was hurt.", {"Indiana"}, {"Louisiana"}),
    ],
    ids=["abbreviation", "word", "capitals-alone"],
)
def test_toponyms_abbreviations_and_codes_only_where_they_are_ones(nlp, text, present, absent):
    places = _places(nlp, text)
    assert present <= set(places)
    assert not absent & set(places)


def test_toponyms_mountain_names_hold_no_town_and_no_state(nlp):
    # "Mount Sefton" is a peak in New Zealand, not Sefton in England; "Mt." is no Montana.
    places = _places(nlp, "A climber died on Mount Sefton on Saturday. Another group turned "
                          "back below Mt. Hood last week.")
    assert "Sefton" not in places
    assert "Montana" not in places


def test_toponyms_a_town_opening_a_person_s_name_is_no_place():
    from europenews.analyze.places.toponym_forms import reads_as_name

    gaz = parse_gazetteer(
        [
            "city\t1\tVelmora\tRU\t56.1\t40.4\t350000\tRU.83\tvelmora",
            "region\t2\tNorland\tNO\t67.0\t14.0\t240000\tNO.18\tnorland",
            "city\t3\tHarbin\tCN\t45.7\t126.6\t5000000\tCN.08\tharbin",
        ]
    )
    assert reads_as_name("Velmora Kostenko", gaz, set())  # tagged GPE by the model
    assert not reads_as_name("Velmora Township", gaz, set())  # a town's longer name
    assert not reads_as_name("Velmora Harbin", gaz, set())  # another place after it
    assert not reads_as_name("Norland Kostenko", gaz, set())  # a region opens many names
    assert not reads_as_name("Kostenko", gaz, set())
    # Every word a word of the article's people: a person, whatever opens it.
    assert reads_as_name("Norland Kostenko", gaz, {"Norland", "Kostenko"})


def test_toponyms_a_kind_word_alone_is_no_place(nlp):
    # GeoNames lists "Region" and "Mountain" as other names of two Philippine provinces; a
    # region the gazetteer does not know must not fall back on its kind words.
    from europenews.analyze.pipeline import analyze_article
    from europenews.model import Article

    text = ("The fair drew riders from across the Rocky Mountain Region to the expo hall in "
            "Denver on Saturday.")
    places = analyze_article(nlp, Article(id="t", text=text)).places
    assert {p.country for p in places} == {"US"}
    assert "Denver" in {p.name for p in places}
