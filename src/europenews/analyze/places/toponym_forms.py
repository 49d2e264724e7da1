"""Forms of place names in news text that need rules of their own: direction words, datelines,
abbreviations that are also words ("Man."), postal codes ("KY"), facilities ("Penn Avenue")
and degrees after names ("M.D."). Used by ``toponyms.py``."""

from __future__ import annotations

import re

from europenews.analyze.places.geonames import GeoEntry, GeoGazetteer, place_key

# Direction words that the model tags as places ("the West") but that name no one place.
VAGUE = frozenset(
    {
        "west",
        "east",
        "north",
        "south",
        "western",
        "eastern",
        "northern",
        "southern",
        "central",
        "midwest",
        "far north",
        "far south",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "middle",
        "centre",
        "center",
        "north side",
        "south side",
        "east side",
        "west side",
        "downtown",
        "uptown",
        "midtown",
    }
)
# Facilities whose names say nothing about where they are ("Penn Avenue", "Francis Street"),
# unlike "Kabul Airport" or "Kharkiv Railway Station".
STREET_WORDS = frozenset(
    {"street", "st", "avenue", "ave", "road", "rd", "lane", "drive", "boulevard", "blvd",
     "way", "parkway", "pkwy", "terrace", "circle"}  # "Guadalajara Way" is in Sacramento
)
# Words that make a name a facility ("Penn Avenue", "Children's Hospital"): they are never a
# place of their own, and the names inside the facility's name are weak evidence.
FACILITY_WORDS = STREET_WORDS | frozenset(
    {
        "highway",
        "hospital",
        "clinic",
        "school",
        "university",
        "college",
        "church",
        "bridge",
        "station",
        "airport",
        "square",
        "plaza",
        "mall",
        "stadium",
        "arena",
        "museum",
        "library",
        "prison",
        "jail",
        "tower",
        "building",
        "hall",
        "center",
        "centre",
        "park",
        "apartments",
        "manor",
    }
)
# Words of lakes, rivers, parks and mountains: the name in front of them ("Falcon Lake",
# "Georgia Dome" aside) is the feature's, not a place's.
LANDFORM_WORDS = frozenset(
    {"lake", "lakes", "river", "creek", "bay", "park", "mountain", "mountains", "mount",
     "island", "islands", "dam", "reservoir", "canyon", "forest", "falls", "beach", "trail"}
)  # fmt: skip
# Words for a kind of place: GeoNames gives some of them alone as another name of one place
# ("Region" for Calabarzon, "Mountain" for Mountain Province, both in the Philippines), and a
# name the gazetteer does not know ("the Rocky Mountain Region") must not fall back on them.
KIND_WORDS = frozenset(
    {"region", "regions", "province", "state", "states", "county", "district", "territory",
     "city", "town", "village", "oblast", "prefecture", "municipality", "republic", "kingdom",
     "valley", "coast", "sea", "ocean", "desert", "peninsula"}
)  # fmt: skip
# Words that are never a place name on their own.
NOT_A_PLACE = VAGUE | FACILITY_WORDS | LANDFORM_WORDS | KIND_WORDS


# Time zones, written after clock times ("10:30 a.m. EST"): "Est" is a region of Burkina Faso,
# "CAT" and "WAT" are towns, none is ever meant.
TIME_ZONES = frozenset(
    {
        "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "ast",
        "adt", "nst", "ndt", "gmt", "utc", "bst", "ist", "cet", "cest", "eet", "eest", "wet",
        "west", "msk", "aest", "aedt", "acst", "awst", "nzst", "nzdt", "jst", "kst", "hkt",
        "sgt", "pht", "wib", "cat", "eat", "wat", "sast",
    }
)  # fmt: skip
MAX_SHOUTED = 3  # letters of a word in capitals that is taken for an acronym, not a name

# Degrees after a name that read like state abbreviations ("Jane Roe, M.D." is no Maryland).
POST_NOMINALS = frozenset({"M.D.", "P.A.", "D.O.", "R.N.", "N.P.", "D.C.M.", "M.A.", "M.S."})

_DATELINE_END = re.compile(r"(?:,[^\n,]{1,20})?\s*(?:—|–|--|-|\()")


def dateline(text: str, start: int, end: int, dash: bool = False) -> bool:
    """Whether text[start:end] is a dateline's town: capitals opening the text, or a line
    before a dash or an agency's name ("TORRINGTON — Mayor …", "LOUISVILLE, KY--(Wire)");
    with ``dash``, the dash or agency is required ("GREEN fingered youngsters …" is no town)."""
    name = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    return (
        len(name) > 2
        and name.isupper()
        and not text[line_start:start].strip()
        and (_DATELINE_END.match(text, end) is not None or not (dash or text[:start].strip()))
    )



def not_a_name(gaz: GeoGazetteer, full: str, start: int, end: int) -> bool:
    """Whether a stretch that the gazetteer knows is no place name: a time zone, or a short
    word in capitals that is a record's own name rather than a code or an abbreviation of it
    ("EST" is no Est, "MAN" no Man; "UK", "USA" and "KY" are codes; a dateline's town counts)."""
    text = full[start:end]
    key = place_key(text)
    if text.isupper() and key in TIME_ZONES:
        return True
    if not (text.isupper() and text.isalpha() and len(text) <= MAX_SHOUTED):
        return False
    if dateline(full, start, end, dash=True):
        return False
    cands = gaz.candidates(text)
    return bool(cands) and all(place_key(c.name) == key for c in cands)


def shouted_line(full: str, start: int, end: int) -> bool:
    """Whether a name stands in a line written all in capitals (a headline, "PARENT CHARGED
    AFTER TODDLER FINDS GUN"), other than a dateline's town: the model tags such words
    almost at random."""
    line_start = full.rfind("\n", 0, start) + 1
    line_end = full.find("\n", end)
    line = full[line_start : line_end if line_end != -1 else len(full)]
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(letters) > len(full[start:end])
        and all(ch.isupper() for ch in letters)
        and not dateline(full, start, end, dash=True)
    )


_BLOCK_OF = re.compile(r"\bblock of\s+$", re.I)  # "the 300 block of Madrid": a street
_SAINTS = re.compile(r"(?:St\.?|Saint|Ste\.?)\s")
_POSSESSIVE_NEXT = re.compile(r"['’]s?\s+[A-Z]")


def street_or_institution(full: str, start: int, end: int) -> bool:
    """Whether a name is a street's or an institution's, not a place's: after "block of"
    ("the 300 block of Madrid"), ending in a street word ("Second Street" is also a hamlet
    in Canada), or a saint's name owning what follows ("St. Luke's Elmore Medical Center")."""
    text = full[start:end]
    if _BLOCK_OF.search(full, max(0, start - 20), start):
        return True
    words = text.split()
    if len(words) > 1 and place_key(words[-1]) in STREET_WORDS:
        return True
    return _SAINTS.match(text) is not None and _POSSESSIVE_NEXT.match(full, end) is not None


def abbreviation(gaz: GeoGazetteer, full: str, text: str, end: int) -> tuple[str, int]:
    """A one-word name and the period after it that the model left out ("Man" + "." in
    "Churchill, Man."), when the form with the period is an abbreviation."""
    dotted = full[end : end + 1] == "." and " " not in text and not text.endswith(".")
    if dotted and len(gaz.candidates(text + ".")) > len(gaz.candidates(text)):
        return text + ".", end + 1
    return text, end


def code_only(gaz: GeoGazetteer, text: str) -> bool:
    """Whether two capitals read only as a state's postal code ("LA", not "US")."""
    if len(text) != 2 or not text.isupper():
        return False
    return all(c.feature == "region" for c in gaz.candidates(text))


def plain(gaz: GeoGazetteer, dotted: str) -> bool:
    """Whether a word with a period reads the same without it ("Pittsburgh.", not "Alta.")."""
    bare = gaz.candidates(dotted[:-1])
    return bool(bare) and len(bare) >= len(gaz.candidates(dotted))


# A mountain's or a lake's name, written before the name ("Mount Sefton", "Mt. Hood", "Lake
# Tahoe"): what follows the word is the feature's name, and "Mt." there is no Montana.
_FEATURE_PREFIX = re.compile(r"(?:Mount|Mt\.?|Lake|Loch)\s+$")
_NAME_NEXT = re.compile(r"\s+[A-Z]")


def feature_part(gaz: GeoGazetteer, full: str, start: int, end: int) -> bool:
    """Whether a name is part of a mountain's or a lake's ("Mount Sefton" is no Sefton in
    England, "Mt. Hood" has no Montana in it), unless the gazetteer knows the whole as a place
    ("Lake Charles", "Mount Vernon")."""
    text = full[start:end]
    if text in ("Mt.", "Mt") and _NAME_NEXT.match(full, end):
        return True  # a place "Mt. Vernon" would be read whole, not "Mt." alone
    prefix = _FEATURE_PREFIX.search(full, max(0, start - 6), start)
    return prefix is not None and not gaz.candidates(full[prefix.start():end])


def landform(text: str) -> bool:
    """Whether a name is a lake's, a river's, a park's ("Falcon Lake", "Lake Michigan")."""
    words = text.split()
    return len(words) > 1 and (
        place_key(words[-1]) in LANDFORM_WORDS or place_key(words[0]) in LANDFORM_WORDS
    )


def facility(text: str) -> bool:
    """Whether a name ends in a facility word ("Francis Street", "Children's Hospital")."""
    words = text.split()
    return len(words) > 1 and place_key(words[-1]) in FACILITY_WORDS


def broad(candidates: list[GeoEntry]) -> bool:
    """Whether a name inside a longer place name can be a country, region or continent
    ("Western Canada"); a town's name there is usually part of another name ("Indo-Pacific")."""
    return any(c.feature in ("country", "region", "continent") for c in candidates)


# Last words that make a longer place name of a town's ("Salem Township", "Dover Heights"):
# with one of them, or with a known place after it, the town that opens the name is evidence.
_PLACE_TAILS = frozenset(
    {"county", "parish", "township", "borough", "village", "town", "heights", "hills",
     "springs", "valley", "junction", "harbour", "harbor", "port", "station", "square",
     "centre", "center", "district", "region", "province", "state", "city", "oblast",
     "suburbs", "area", "metro", "downtown", "airport"}
)  # fmt: skip


def reads_as_name(text: str, gaz: GeoGazetteer, person_words: set[str]) -> bool:
    """Whether a place-labelled name the gazetteer does not know reads as a person's name: all
    its words are words of the article's people ("Wladimir Klitschko said" elsewhere), or it is
    two or three plain capitalised words whose first is a town and whose others are no place
    and no place word ("Vladimir Putin", "Wladimir Klitschko", tagged GPE by the model). The
    town that opens such a name is a first name, not where anything happened."""
    words = text.split()
    if len(words) < 2:
        return False
    if all(w in person_words for w in words):
        return True
    if len(words) > 3 or not all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words):
        return False
    first = gaz.candidates(words[0])
    if not first or broad(first):
        return False  # "Western Canada", "Texas Hill": a region's name opens many places
    rest = [place_key(w) for w in words[1:]]
    if any(w in _PLACE_TAILS or w in NOT_A_PLACE or w in LANDFORM_WORDS for w in rest):
        return False
    return not any(gaz.candidates(w) for w in words[1:])
