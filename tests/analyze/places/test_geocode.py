"""Places: the article's context picks the reading (lists, datelines, state cues, neighbours,
mention counts) on a hand-made gazetteer."""

from __future__ import annotations

import pytest

from europenews.analyze.places.geocode import resolve_toponyms
from europenews.analyze.places.geonames import parse_gazetteer
from europenews.analyze.places.listing import siblings_of
from europenews.analyze.places.toponyms import Toponym

ROWS = [
    "country\t1\tCanada\tCA\t60.0\t-95.0\t37000000\tCA\tcanada|~canadian",
    "country\t2\tUnited States\tUS\t39.0\t-98.0\t330000000\tUS\tunited states|us",
    "country\t3\tAustralia\tAU\t-25.0\t135.0\t25000000\tAU\taustralia",
    "country\t4\tUnited Kingdom\tGB\t54.0\t-2.0\t66000000\tGB\tunited kingdom|uk",
    "region\t10\tQueensland\tAU\t-20.0\t145.0\t1500000\tAU.04\tqueensland",
    "region\t11\tNew South Wales\tAU\t-33.0\t146.0\t1500000\tAU.02\tnew south wales",
    "region\t12\tAlberta\tCA\t55.0\t-115.0\t1500000\tCA.01\talberta",
    "region\t13\tQuebec\tCA\t52.0\t-72.0\t1500000\tCA.10\tquebec",
    "region\t14\tIowa\tUS\t42.0\t-93.5\t1500000\tUS.IA\tiowa|=ia",
    "region\t15\tWashington\tUS\t47.5\t-120.5\t1500000\tUS.WA\twashington|=wa",
    "region\t16\tNew York\tUS\t43.0\t-75.5\t1500000\tUS.NY\tnew york|=ny",
    "region\t17\tMissouri\tUS\t38.5\t-92.5\t1500000\tUS.MO\tmissouri|mo",
    "region\t18\tIndiana\tUS\t40.0\t-86.0\t1500000\tUS.IN\tindiana|ind",
    "county\t\tMonroe County\tUS\t39.12\t-86.55\t3000\tUS.IN\tmonroe county",
    "county\t\tMonroe County\tUS\t39.54\t-91.98\t3000\tUS.MO\tmonroe county",
    "city\t20\tQueensland\tCA\t50.94\t-114.02\t4585\tCA.01\tqueensland",
    "city\t21\tCalgary\tCA\t51.05\t-114.07\t1200000\tCA.01\tcalgary",
    "city\t22\tQuébec\tCA\t46.81\t-71.21\t531902\tCA.10\tquebec",
    "city\t23\tMontreal\tCA\t45.51\t-73.59\t1600000\tCA.10\tmontreal",
    "city\t24\tWashington\tUS\t38.90\t-77.04\t3400000\tUS.DC\twashington",
    "city\t25\tWashington\tUS\t41.30\t-91.69\t7300\tUS.IA\twashington",
    "city\t26\tNew York City\tUS\t40.71\t-74.01\t8800000\tUS.NY\tnew york city|new york",
    "city\t27\tEdmonton\tCA\t53.55\t-113.47\t1010899\tCA.01\tedmonton",
    "city\t28\tEdmonton\tGB\t51.63\t-0.06\t82000\tGB.ENG\tedmonton",
    "city\t29\tEnfield\tGB\t51.65\t-0.09\t156858\tGB.ENG\tenfield",
    "city\t31\tDes Moines\tUS\t41.60\t-93.61\t214000\tUS.IA\tdes moines",
    "city\t40\tAmman\tJO\t31.96\t35.95\t20000000\tJO.16\tamman|philadelphia",
    "city\t41\tPhiladelphia\tUS\t39.95\t-75.16\t1500000\tUS.PA\tphiladelphia",
    "city\t42\tNewcastle upon Tyne\tGB\t54.97\t-1.61\t192000\tGB.ENG\t"
    "newcastle upon tyne|newcastle",
    "city\t43\tNewcastle\tAU\t-32.93\t151.78\t322000\tAU.02\tnewcastle",
    "city\t44\tNewcastle\tGB\t54.22\t-5.89\t7000\tGB.NIR\tnewcastle",
    "city\t30\tEnfield\tUS\t41.98\t-72.59\t45212\tUS.CT\tenfield",
]



def _resolved(gaz, text: str, names: list[str]):
    """The names (in order, each after the one before) resolved in ``text``."""
    toponyms, at = [], 0
    for name in names:
        start = text.index(name, at)
        toponyms.append(Toponym(start, start + len(name), name))
        at = start + len(name)
    return resolve_toponyms(gaz, toponyms, text)

def _resolve(text: str, names: list[str], weak: tuple[str, ...] = ()) -> dict[str, tuple]:
    """Resolve each listed name at its first occurrence after the previous one."""
    gaz = parse_gazetteer(ROWS)
    toponyms, at = [], 0
    for name in names:
        start = text.index(name, at)
        toponyms.append(Toponym(start, start + len(name), name, weak=name in weak))
        at = start + len(name)
    return {
        r.toponym.text: (r.entry.feature, r.entry.country, r.entry.region)
        for r in resolve_toponyms(gaz, toponyms, text)
    }


def test_places_listed_names_share_kind_and_country():
    alone = "Canada and Calgary can learn from Queensland."
    assert _resolve(alone, ["Canada", "Calgary", "Queensland"])["Queensland"][0] == "city"
    # Listed with a region of Australia, "Queensland" is the Australian state.
    text = "Canada and Calgary can learn from New South Wales and Queensland."
    names = ["Canada", "Calgary", "New South Wales", "Queensland"]
    assert _resolve(text, names)["Queensland"] == ("region", "AU", "AU.04")


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        ("Louisville, Ky. and Lexington", 3, {0: [1, 2], 1: [0, 2], 2: [0, 1]}),
        ("Louisville, Ky., is busy", 2, {}),
        ("Paris or London", 2, {0: [1], 1: [0]}),
    ],
    ids=["and-list", "qualifier-is-no-list", "or"],
)
def test_places_siblings_need_a_conjunction(text, n, expected):
    words = [w.strip(",") for w in text.replace(" and ", " , ").replace(" or ", " , ").split()]
    names = [w for w in words if w and w[0].isupper()][:n]
    toponyms, at = [], 0
    for name in names:
        start = text.index(name, at)
        toponyms.append(Toponym(start, start + len(name), name))
        at = start + len(name)
    assert siblings_of(toponyms, text) == expected


def test_places_dateline_town_is_the_well_known_one():
    text = "WASHINGTON (AP) — Farmers in Iowa met in Des Moines."
    names = ["WASHINGTON", "Iowa", "Des Moines"]
    assert _resolve(text, names)["WASHINGTON"] == ("city", "US", "US.DC")
    # Outside a dateline the article's state and towns decide, as before.
    text = "Farmers in Iowa met in Des Moines and Washington."
    names = ["Iowa", "Des Moines", "Washington"]
    assert _resolve(text, names)["Washington"] == ("city", "US", "US.IA")
    # A dateline's own qualifier wins.
    text = "WASHINGTON, Iowa (AP) — Farmers met."
    assert _resolve(text, ["WASHINGTON", "Iowa"])["WASHINGTON"] == ("city", "US", "US.IA")


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("New York Gov. Andrew Cuomo spoke.", "region"),
        ("The New York state legislature met.", "region"),
        ("He flew to New York on Monday.", "city"),
    ],
    ids=["governor", "state", "plain"],
)
def test_places_state_cue_reads_the_state(text, feature):
    assert _resolve(text, ["New York"])["New York"][0] == feature


def test_places_region_holding_the_article_towns_beats_its_namesake_city():
    text = "She moved from Montreal and now lives in Quebec again."
    assert _resolve(text, ["Montreal", "Quebec"])["Quebec"][0] == "region"


def test_places_neighbouring_readings_support_each_other():
    text = "Crews from Edmonton were sent, Enfield Council said."
    resolved = _resolve(text, ["Edmonton", "Enfield"], weak=("Enfield",))
    assert resolved["Edmonton"][1] == "GB"


def test_places_more_mentioned_state_breaks_ties():
    text = "Missouri farmers in Monroe County, unlike Indiana ones, say Missouri is dry. Missouri."
    names = ["Missouri", "Monroe County", "Indiana", "Missouri", "Missouri"]
    assert _resolve(text, names)["Monroe County"] == ("county", "US", "US.MO")


def test_places_own_name_beats_an_old_name_but_not_a_full_name():
    assert _resolve("Philadelphia police said so.", ["Philadelphia"])["Philadelphia"][1] == "US"
    text = "Newcastle fans travelled across the United Kingdom."
    resolved = _resolve(text, ["Newcastle", "United Kingdom"])
    assert resolved["Newcastle"] == ("city", "GB", "GB.ENG")


def test_places_a_big_city_outside_its_namesake_region_is_the_bare_names_reading():
    # Like the state of Washington and the capital: the region's prior is larger, but a city
    # at least half its size bears the name elsewhere in the country.
    rows = ["country\t5\tNorland\tNL\t50.0\t10.0\t60000000\tNL\tnorland",
            "region\t50\tHavel\tNL\t52.0\t8.0\t5000000\tNL.HV\thavel",
            "region\t51\tOster\tNL\t49.0\t12.0\t5000000\tNL.OS\toster",
            "city\t52\tHavel\tNL\t48.5\t12.5\t3000000\tNL.OS\thavel",
            "city\t53\tBrenn\tNL\t52.1\t8.1\t400000\tNL.HV\tbrenn"]
    gaz = parse_gazetteer(rows)

    def read(text: str, names: list[str]) -> dict[str, str]:
        return {r.toponym.text: r.entry.feature for r in _resolved(gaz, text, names)}

    assert read("Ministers met in Havel on Monday.", ["Havel"]) == {"Havel": "city"}
    assert read("Police in Brenn, Havel, made an arrest.", ["Brenn", "Havel"])["Havel"] == "region"


# An island state whose capital, "Marlow", is also a US county's name, and a small district,
# "Long Key", that the gazetteer knows only there.
ISLAND_ROWS = [
    "country\t2\tUnited States\tUS\t39.0\t-98.0\t330000000\tUS\tunited states",
    "country\t6\tIsla Verde\tZZ\t24.0\t-77.0\t400000\tZZ\tisla verde",
    "region\t16\tNew York\tUS\t43.0\t-75.5\t1500000\tUS.NY\tnew york|=ny",
    "region\t60\tLong Key\tZZ\t23.2\t-75.1\t9000\tZZ.15\tlong key",
    "county\t\tMarlow County\tUS\t40.74\t-73.59\t3000\tUS.NY\tmarlow county",
    "city\t61\tMarlow\tZZ\t25.06\t-77.34\t1200000\tZZ.23\tmarlow",
    "city\t62\tMarlow\tUS\t42.6\t-73.6\t1100\tUS.NY\tmarlow",
    "city\t64\tNew York City\tUS\t40.71\t-74.01\t8800000\tUS.NY\tnew york city|new york",
]


def _read(text: str, names: list[str], home: str | None = None, weak: tuple[str, ...] = ()):
    gaz = parse_gazetteer(ISLAND_ROWS)
    toponyms, at = [], 0
    for name in names:
        start = text.index(name, at)
        toponyms.append(Toponym(start, start + len(name), name, weak=name in weak))
        at = start + len(name)
    return {
        r.toponym.text: (r.entry.feature, r.entry.country)
        for r in resolve_toponyms(gaz, toponyms, text, home)
    }


def test_places_police_name_in_a_local_report_is_the_local_force():
    text = "A man was shot on Friday, Marlow police said. Officers on Long Key are searching."
    # A US outlet: the force is the county's, and the district abroad goes with it.
    assert _read(text, ["Marlow", "Long Key"], home="US") == {"Marlow": ("county", "US")}
    # Nothing frames the report: the capital and its district, as the gazetteer ranks them.
    assert _read(text, ["Marlow", "Long Key"]) == {
        "Marlow": ("city", "ZZ"), "Long Key": ("region", "ZZ")}
    # The island state named: its capital's police.
    text = "A tourist was shot, Marlow police said. Isla Verde officials spoke."
    resolved = _read(text, ["Marlow", "Isla Verde"], home="US")
    assert resolved["Marlow"] == ("city", "ZZ")


def test_places_name_inside_an_organisation_votes_for_its_country_when_sure():
    # "New York" is the state or the city: either way the US, so the station's name frames the
    # report and "Marlow police" is the county's force.
    text = "Marlow police told WXYZ New York that a man was shot."
    resolved = _read(text, ["Marlow", "New York"], weak=("New York",))
    assert resolved["Marlow"] == ("county", "US")


def test_places_outlet_state_decides_between_towns_of_one_country():
    # Two US towns of one name, neither named with its state: the outlet's state decides.
    rows = ["country\t2\tUnited States\tUS\t39.0\t-98.0\t330000000\tUS\tunited states",
            "region\t70\tOhio\tUS\t40.3\t-82.8\t1500000\tUS.OH\tohio",
            "region\t71\tGeorgia\tUS\t32.7\t-83.4\t1500000\tUS.GA\tgeorgia",
            "city\t72\tBellfield\tUS\t39.96\t-83.0\t90000\tUS.OH\tbellfield",
            "city\t73\tBellfield\tUS\t32.46\t-84.98\t60000\tUS.GA\tbellfield"]
    gaz = parse_gazetteer(rows)
    text = "Two men were shot in Bellfield on Sunday."
    toponyms = [Toponym(21, 30, "Bellfield")]
    assert [r.entry.region for r in resolve_toponyms(gaz, toponyms, text, "US")] == ["US.OH"]
    found = resolve_toponyms(gaz, toponyms, text, "US", "US.GA")
    assert [r.entry.region for r in found] == ["US.GA"]


def test_places_town_written_with_a_state_that_holds_none_of_its_readings_is_unread():
    rows = ["country\t2\tUnited States\tUS\t39.0\t-98.0\t330000000\tUS\tunited states",
            "region\t70\tOhio\tUS\t40.3\t-82.8\t1500000\tUS.OH\tohio",
            "region\t74\tMaine\tUS\t45.3\t-69.2\t1500000\tUS.ME\tmaine",
            "city\t75\tHollow Creek\tUS\t45.2\t-68.6\t1200\tUS.ME\thollow creek",
            "city\t76\tBellfield\tUS\t39.96\t-83.0\t90000\tUS.OH\tbellfield"]
    gaz = parse_gazetteer(rows)

    def read(text: str, names: list[str]) -> dict[str, str]:
        return {r.toponym.text: r.entry.region for r in _resolved(gaz, text, names)}

    # The gazetteer lacks the Ohio town: its namesake in Maine is no reading of it.
    assert read("HOLLOW CREEK, Ohio - A man was shot.", ["HOLLOW CREEK", "Ohio"]) == {
        "Ohio": "US.OH"}
    assert read("BELLFIELD, Ohio - A man was shot.", ["BELLFIELD", "Ohio"]) == {
        "BELLFIELD": "US.OH", "Ohio": "US.OH"}
    # States listed together qualify none of each other.
    assert read("Maine, Ohio and more.", ["Maine", "Ohio"]) == {"Maine": "US.ME", "Ohio": "US.OH"}


def test_places_station_call_sign_side_decides_between_towns_far_apart():
    rows = ["country\t2\tUnited States\tUS\t39.0\t-98.0\t330000000\tUS\tunited states",
            "city\t80\tGlenmore\tUS\t35.1\t-85.3\t40000\tUS.TN\tglenmore",
            "city\t81\tGlenmore\tUS\t38.9\t-104.8\t45000\tUS.CO\tglenmore"]
    gaz = parse_gazetteer(rows)
    text = "Two men were shot in Glenmore on Sunday."
    toponyms = [Toponym(21, 29, "Glenmore")]
    assert [r.entry.region for r in resolve_toponyms(gaz, toponyms, text, "US")] == ["US.CO"]
    found = resolve_toponyms(gaz, toponyms, text, "US", side="east")
    assert [r.entry.region for r in found] == ["US.TN"]


@pytest.mark.parametrize(
    ("lat", "kept"), [(51.60, True), (53.40, False)], ids=["beside-the-city", "far-away"]
)
def test_places_weak_small_town_beside_a_confident_town_is_kept(lat, kept):
    rows = [
        "country\t90\tAlbion\tAB\t54.0\t-2.0\t60000000\tAB\talbion",
        "city\t91\tLondinium\tAB\t51.51\t-0.13\t8000000\tAB.01\tlondinium",
        f"city\t92\tHarrowgate\tAB\t{lat}\t-0.11\t12000\tAB.01\tharrowgate",
    ]
    gaz = parse_gazetteer(rows)
    text = "A fire broke out in Londinium. Crews from Harrowgate Fire Station helped."
    toponyms = [Toponym(20, 29, "Londinium"), Toponym(42, 52, "Harrowgate", weak=True)]
    found = {r.toponym.text: r.doubtful for r in resolve_toponyms(gaz, toponyms, text)}
    assert found.get("Londinium") is False
    assert ("Harrowgate" in found) is kept
    if kept:
        assert found["Harrowgate"]  # listed, never an event's place


def test_geocode_mt_is_mount():
    # GeoNames spells a few Mount Pleasants "Mt Pleasant" (one of them in Canada): the
    # abbreviation must not leave only those.
    from europenews.analyze.places.geocode import candidates_for
    from europenews.analyze.places.geonames import load_gazetteer
    from europenews.analyze.places.toponyms import Toponym

    found = candidates_for(load_gazetteer(), Toponym(0, 12, "Mt. Pleasant"))
    assert {e.country for e in found} >= {"US", "CA"}
    assert any(e.region == "US.SC" for e in found)
