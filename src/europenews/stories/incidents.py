"""Cheap incident cues of a full text: what tells one shooting from the look-alikes around it.

Reports of one incident name the same weekday ("early Sunday"), the same ages ("a 3-year-old",
"Boy, 8") and casualty counts ("3 dead, 2 wounded", "quadruple shooting"), and the same people
and places as capitalised word pairs ("Julian Sims", "Marlow Street"), the same streets and
blocks ("the 1200 block of W. Marlow St.") and people with their age ("Julian Sims, 24,").
Regular expressions only: ``europenews cluster`` runs without NLP.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

_ZERO_TO_TWENTY = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {word: value for value, word in enumerate(_ZERO_TO_TWENTY.split())}
_NUM = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + ")"
_AGE = re.compile(r"\b" + _NUM + r"[- ](?:years?|yr)[- ]old\b", re.IGNORECASE)
_PERSON_AGE = re.compile(
    r"\b(?:boy|girl|man|woman|teen|teenager|toddler|child|son|daughter|baby|infant|mother"
    r"|father|mom|dad|grandmother|grandfather),? (\d{1,3})\b",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"\b" + _NUM + r"\s+(?:(?:people|persons|men|women|others|teens|children|kids|adults)\s+)?"
    r"(?:are\s+|were\s+)?(?:dead|killed|wounded|injured|hurt|shot|slain)\b",
    re.IGNORECASE,
)
_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
_MULTIPLE_RE = re.compile(r"\b(double|triple|quadruple|quintuple)\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b")
_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+(?:['’][A-Za-z]+)?) ([A-Z][a-z]+(?:['’][A-Za-z]+)?)\b")
LEAD_CHARS = 1500  # ages and counts of the reported incident come first; later ones drift
# Where it happened (issue 20, session 15): a street ("Marlow Street", "W. 35th St."), an
# address or a block ("the 1200 block of Marlow Street"); and who, with an age ("John Smith,
# 24,"). Streets are named in the lead; the same street in another report is strong evidence
# (half A: 406 same-incident pairs within 30 days share one, 33 of different incidents).
_SUFFIX = {
    "st": "street", "ave": "avenue", "av": "avenue", "rd": "road", "dr": "drive",
    "blvd": "boulevard", "ln": "lane", "ct": "court", "pl": "place", "pkwy": "parkway",
    "hwy": "highway", "ter": "terrace", "cir": "circle",
}
_STREET = re.compile(
    r"\b(?:(\d{1,5}) (?:block of )?)?(?:(?:North|South|East|West|[NSEW])\.? )?"
    r"((?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?: [A-Z][a-z]+)?) "
    r"(Street|Avenue|Road|Drive|Boulevard|Lane|Court|Place|Parkway|Highway|Terrace|Circle"
    r"|St|Ave|Av|Rd|Dr|Blvd|Ln|Ct|Pl|Pkwy|Hwy|Ter|Cir)\b"
)
_NAMED_AGE = re.compile(
    r"\b([A-Z][a-z]+(?:['’][A-Za-z]+)?) ([A-Z][a-z]+(?:['’][A-Za-z]+)?), (\d{1,2}),"
)


@dataclass(frozen=True, slots=True)
class IncidentCues:
    """Weekdays, ages, casualty counts and capitalised name pairs of one article."""

    weekdays: frozenset[str] = frozenset()
    ages: frozenset[int] = frozenset()
    counts: frozenset[int] = frozenset()
    names: frozenset[str] = frozenset()
    streets: frozenset[str] = frozenset()
    addresses: frozenset[str] = frozenset()  # a street with its number or block
    named_ages: frozenset[str] = frozenset()  # "john smith 24": a person with an age


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def incident_cues(title: str, body: str) -> IncidentCues:
    """The cues of a title and body; name pairs only from full texts (a headline feed's Title
    Case would make every word pair look like a name)."""
    text = f"{title}\n{body}"
    lead = text[:LEAD_CHARS]
    ages = {_number(m) for m in _AGE.findall(lead)} | {int(m) for m in _PERSON_AGE.findall(lead)}
    counts = {_number(m) for m in _COUNT.findall(lead)}
    counts |= {_MULTIPLE[m.lower()] for m in _MULTIPLE_RE.findall(lead)}
    names = {f"{a} {b}".lower() for a, b in _NAME_PAIR.findall(text)} if body else set()
    streets, addresses = set(), set()
    for number, name, suffix in _STREET.findall(lead):
        street = f"{name.lower()} {_SUFFIX.get(suffix.lower(), suffix.lower())}"
        streets.add(street)
        if number:
            addresses.add(f"{number} {street}")
    return IncidentCues(
        weekdays=frozenset(m.lower() for m in _WEEKDAY.findall(text)),
        ages=frozenset(ages),
        counts=frozenset(counts),
        names=frozenset(names),
        streets=frozenset(streets),
        addresses=frozenset(addresses),
        named_ages=frozenset(f"{a} {b} {age}".lower() for a, b, age in _NAMED_AGE.findall(lead)),
    )


def agreement(
    item: frozenset[str] | frozenset[int], story: Collection[str] | Collection[int]
) -> float:
    """1 when item and story share a value, -1 when both have values and none is shared,
    0 when either says nothing."""
    if not item or not story:
        return 0.0
    return -1.0 if item.isdisjoint(story) else 1.0
