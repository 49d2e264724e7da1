"""The outlet's home: the country an article's source (hostname or URL) points to.

A local paper writes "Durham" and "St. Louis" without their state: its readers know where it
is. The hostname often says so too:
- a country-code domain (``bbc.co.uk``, ``cbc.ca``, ``abc.net.au``), except the codes sold for
  other uses (``.tv``, ``.fm``, ``.io``, ``.co`` …);
- a place name opening or closing a label of the name (``chicago.suntimes.com``,
  ``detroitnews.com``, ``nbcnewyork.com``, ``texastribune.org``, ``irishtimes.com``): a sizeable
  town, a first-level region, a country or a demonym, when every such reading of it lies in
  one country ("richmond" could be Virginia's or British Columbia's: no answer);
- a US broadcaster's call sign (``wsmv.com``, ``khou.com``, ``wsbtv.com``): US stations' call
  signs start with K or W, Canada's with C, Mexico's with X;
- a national broadcaster or network (``abc7chicago.com``, ``6abc.com``, ``cbslocal.com``,
  ``bbc.com``); the country-code domain comes first (``abc.net.au`` is Australian).
The home is one vote for its country among the article's place names (``geocode.py``); when
the hostname says nothing, a US station's call sign in the text ("(WMC-TV) -") gives it.
Failing both, the article's language, when one country writes it (``language_country``: a
Polish report is written in Poland, while German, French, Russian or English news comes from
many countries), frames out small towns abroad only (``geocode.resolve_toponyms``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from europenews.analyze.places.geonames import GeoEntry, GeoGazetteer, place_key
from europenews.analyze.places.toponym_forms import VAGUE

# Country-code domains used as generic ones (television, radio, tech, "company").
GENERIC_CODES = frozenset(
    {"tv", "fm", "am", "io", "co", "me", "ly", "cc", "ws", "to", "nu", "ai", "gg", "la", "eu"}
)
UK_CODE = "uk"  # the United Kingdom's domain is not its ISO code (GB)
# Labels that are part of the address, not of the outlet's name.
_PLUMBING = frozenset({"www", "m", "mobile", "amp", "news", "edition", "beta", "web"})
_CALL_SIGN = re.compile(r"[kw][a-z]{2,3}(?:tv|fm|am|radio|news|actionnews|channel)?\d{0,2}")
# National broadcasters and networks whose name (with a channel number, or a word for news or
# a local station) makes a hostname: "abc7chicago", "6abc", "cbslocal", "bbc", "cbc".
BROADCASTERS = {
    "abc": "US", "nbc": "US", "cbs": "US", "fox": "US", "cnn": "US", "npr": "US", "pbs": "US",
    "bbc": "GB", "itv": "GB", "cbc": "CA", "ctv": "CA", "rte": "IE", "dw": "DE", "zdf": "DE",
    "rai": "IT", "nhk": "JP", "cctv": "CN", "cgtn": "CN", "rt": "RU", "tass": "RU",
}  # fmt: skip
_BROADCASTER = re.compile(
    r"\d*(" + "|".join(sorted(BROADCASTERS, key=len, reverse=True)) + r")"
    r"(?:\d+[a-z]*|news|local|tv|online|world)?\d*"
)
# A paper's name after a US state's postal code ("nydailynews", "nypost", "latimes"): one
# or more press words, so that a code is never read inside an ordinary word.
_STATE_PAPER = re.compile(
    r"([a-z]{2})(?:daily|news|post|times|tribune|herald|journal|press|star|sun|gazette|record"
    r"|register|courier|observer|chronicle|examiner|ledger|dispatch|online)+"
)
# Languages written as a national language in one country only (ISO 639-1 → ISO 3166): an
# article in one is from there, as far as its place names go. Languages of several countries
# (de, fr, nl, es, pt, ru, sv, el, en, …) have none.
LANGUAGE_HOMES = {
    "pl": "PL", "cs": "CZ", "sk": "SK", "sl": "SI", "hu": "HU", "hr": "HR", "bg": "BG",
    "lt": "LT", "lv": "LV", "et": "EE", "fi": "FI", "da": "DK", "it": "IT", "uk": "UA",
}  # fmt: skip
MIN_NAME = 5  # letters of a place name inside a label (a whole label may be shorter: "ohio")
OUTLET_TOWN = 100_000  # a town that names the outlet's home ("detroitnews", "miamiherald")
NAMESAKE_TOWN = 10_000  # a town this big elsewhere makes a name in a hostname ambiguous ...
BIG_CITY = 1_000_000  # ... unless a city this big has ten times its people ("losangeles")
DWARFED = 10


def outlet_region(gaz: GeoGazetteer, outlet: str | None) -> str | None:
    """The first-level region ("US.NY") a place name in the outlet's hostname points to, when
    its readings all lie in one ("nbcnewyork", "detroitnews", "texastribune"): a local paper
    or station reports its own state's towns first."""
    host = _hostname(outlet)
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    for label in labels[:-1]:
        if label in _PLUMBING or _CALL_SIGN.fullmatch(label):
            continue
        if _STATE_PAPER.fullmatch(label):
            return None  # two letters say the country, not the state: "latimes" is no Louisiana's
        brand = _BROADCASTER.fullmatch(label)
        for part in re.split(r"[-\d]+", label):
            if brand and part == brand.group(1):
                continue
            readings = _home_readings(gaz, part, dwarf=False)
            if readings:
                regions = {e.region for e in readings if e.feature != "country"}
                return regions.pop() if len(regions) == 1 else None
    return None


def outlet_country(gaz: GeoGazetteer, outlet: str | None) -> str | None:
    """The ISO code of the country the outlet's hostname points to, if it points to one."""
    host = _hostname(outlet)
    if not host:
        return None
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    tld = labels[-1]
    if len(tld) == 2 and tld.isalpha() and tld not in GENERIC_CODES:
        iso = "GB" if tld == UK_CODE else tld.upper()
        if gaz.country(iso) is not None:
            return iso
    for label in labels[:-1]:
        if label in _PLUMBING:
            continue
        if _CALL_SIGN.fullmatch(label):
            return "US"
        brand = _BROADCASTER.fullmatch(label)
        if brand:
            return BROADCASTERS[brand.group(1)]
        paper = _STATE_PAPER.fullmatch(label)
        if paper and any(e.feature == "region" and e.country == "US"
                         for e in gaz.candidates(paper.group(1).upper())):
            return "US"
        for part in re.split(r"[-\d]+", label):
            country = _named_in(gaz, part)
            if country is not None:
                return country
    return None


# A US station's call sign written in the text, with its service ("(WMC-TV) -", "told
# KXAS-TV"): wire copy from a station names it even where the hostname says nothing
# ("14news.com"). Canadian signs start with C, Mexican with X.
_STATION = re.compile(r"\b[KW][A-Z]{2,3}-(?:TV|DT|FM|AM)\b")


# US stations east of the Mississippi have call signs starting with W, those west of it with
# K (an FCC rule since the 1920s; a few older signs break it: KDKA Pittsburgh, WBAP Dallas).
# The river is taken as one meridian: its course runs from 95° W to 89° W.
MISSISSIPPI_LON = -90.5


def language_country(language: str | None) -> str | None:
    """The country an article in ``language`` is written in, when one country writes it."""
    return LANGUAGE_HOMES.get((language or "").lower())


def station_side(outlet: str | None) -> str | None:
    """"east" or "west" of the Mississippi, when the hostname is a US station's call sign."""
    for label in _hostname(outlet).split(".")[:-1]:
        if label not in _PLUMBING and _CALL_SIGN.fullmatch(label):
            return "east" if label[0] == "w" else "west"
    return None


def on_side(entry: GeoEntry, side: str | None) -> bool:
    """Whether a US town or county lies on the station's side of the Mississippi."""
    if side is None or entry.country != "US" or entry.feature not in ("city", "county"):
        return False
    return (entry.lon > MISSISSIPPI_LON) == (side == "east")


def station_country(text: str) -> str | None:
    """"US" when the text names a US broadcaster by its call sign, else None."""
    return "US" if _STATION.search(text) else None


def _hostname(outlet: str | None) -> str:
    """The lower-case hostname of a URL or of a bare hostname."""
    if not outlet:
        return ""
    text = outlet.strip().lower()
    if "://" not in text:
        text = "//" + text
    try:
        return urlsplit(text).hostname or ""
    except ValueError:  # a malformed address names no outlet
        return ""


def _named_in(gaz: GeoGazetteer, part: str) -> str | None:
    """The country of the place a part of a hostname names (``_home_readings``)."""
    readings = _home_readings(gaz, part)
    return readings[0].country if readings else None


def _home_readings(gaz: GeoGazetteer, part: str, dwarf: bool = True) -> list[GeoEntry] | None:
    """The country of the longest place name that opens or closes ``part``, when every
    reading of it lies in that country ("texastribune" → Texas, "irishtimes" → Ireland) or
    it is a big city that dwarfs its namesakes ("nbclosangeles"). US towns are named after
    places everywhere: "savannah" is also a region of Ghana, "athens" the capital of Greece,
    so neither says anything. The longest name decides ("baltimoresun" is not "balti", a town
    in Moldova); a country or demonym counts only where it opens the name ("northjersey" is
    no paper from Jersey); a common or direction word ("valley", "north") says nothing."""
    for n in range(len(part), MIN_NAME - 1 if len(part) >= MIN_NAME else len(part) - 1, -1):
        for piece in dict.fromkeys((part[:n], part[-n:])):
            readings = _readings(gaz, piece, countries=part.startswith(piece))
            if not readings:
                continue
            if piece in gaz.common or piece in VAGUE:
                return None
            big = [e for e in readings if e.feature == "city" and e.population >= BIG_CITY]
            if big and dwarf:  # for the country only: a state needs a name of one country
                top = max(e.population for e in big)
                readings = [e for e in readings if e.population * DWARFED >= top]
            if len({e.country for e in readings}) > 1:
                return None  # a name of places in several countries: no answer
            if any(e.feature != "city" or e.population >= OUTLET_TOWN for e in readings):
                return readings
            return None  # only small towns: a name too common to say where
    return None


def _readings(gaz: GeoGazetteer, piece: str, countries: bool) -> list[GeoEntry]:
    """Towns of some size, regions and (with ``countries``) countries and demonyms whose own
    name, written without its spaces, is ``piece`` ("newyork", "texas", "irish")."""
    found: list[GeoEntry] = []
    demonym = gaz.demonym(piece) if countries else None
    if demonym is not None and demonym.country:
        found.append(demonym)
    for cut in range(len(piece)):
        text = piece if cut == 0 else f"{piece[:cut]} {piece[cut:]}"
        for e in gaz.candidates(text):
            if place_key(e.name).replace(" ", "") != piece or not e.country:
                continue
            if (
                e.feature == "region"
                or (e.feature == "country" and countries)
                or (e.feature == "city" and e.population >= NAMESAKE_TOWN)
            ):
                found.append(e)
    return found
