"""Cheap incident cues of a full text: what tells one shooting from the look-alikes around it.

Reports of one incident name the same weekday ("early Sunday"), the same ages ("a 3-year-old",
"Boy, 8") and casualty counts ("3 dead, 2 wounded", "quadruple shooting"), and the same people
and places as capitalised word pairs ("Julian Sims", "Marlow Street"). Regular expressions
only: ``europenews cluster`` runs without NLP.
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True, slots=True)
class IncidentCues:
    """Weekdays, ages, casualty counts and capitalised name pairs of one article."""

    weekdays: frozenset[str] = frozenset()
    ages: frozenset[int] = frozenset()
    counts: frozenset[int] = frozenset()
    names: frozenset[str] = frozenset()


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
    return IncidentCues(
        weekdays=frozenset(m.lower() for m in _WEEKDAY.findall(text)),
        ages=frozenset(ages),
        counts=frozenset(counts),
        names=frozenset(names),
    )


def agreement(item: frozenset[str] | frozenset[int], story: set[str] | set[int]) -> float:
    """1 when item and story share a value, -1 when both have values and none is shared,
    0 when either says nothing."""
    if not item or not story:
        return 0.0
    return -1.0 if item.isdisjoint(story) else 1.0
