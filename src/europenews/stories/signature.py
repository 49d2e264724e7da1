"""Incident signatures: the town an article is about and its day, as a second way to find
candidate stories (issue 20, session 13).

The term index finds stories through the article's most salient words; a second report of a
shooting can share few of them with the first (another outlet, another angle) and still name
the same town on the same day or the next. Two reports of one town within a day or two are
few, so the stories they point to are cheap to score, and the decision model still judges
them. Places come from the analysis when one ran (``StoryItem.places``); otherwise from the
text by regular expressions only (``europenews cluster`` runs without NLP): a dateline
("HAWTHORNE —", "SPRINGFIELD, Ill. (AP) —") and "in/near <Town>" in the title and lead.
"""

from __future__ import annotations

import re
from collections import Counter, deque

from europenews.stories.items import StoryItem

_CAP = r"[A-Z][a-zA-Z'.]+(?: [A-Z][a-zA-Z'.]+){0,2}"
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{2,30})(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\([A-Za-z ]+\)\s*)?"
    r"[—–-]{1,2}\s",
    re.MULTILINE,
)
_IN_PLACE = re.compile(r"\b(?:in|near) (" + _CAP + r")")
LEAD_CHARS = 300
DAYS = 2  # a second report of one incident names its town within a day or two
PER_KEY = 8  # stories kept per (place, day): a town's busy day must not flood the candidates
# A place named by more articles than this is a city with a shooting most days (Chicago):
# its reports are look-alikes, not a signature.
RARE_PLACE = 10
MAX_KEYS = 200_000  # (place, day) entries kept, oldest first out: memory stays flat


def signature_places(item: StoryItem) -> tuple[str, ...]:
    """The places an article is about: the analysis' places, else its dateline town and the
    capitalised words after "in"/"near" in its title and lead (lower-cased)."""
    if item.places:
        return item.places
    found: dict[str, None] = {}
    dateline = _DATELINE.search(item.text[:LEAD_CHARS])
    if dateline:
        found[dateline.group(1).strip().lower()] = None
    for text in (item.title, item.text[:LEAD_CHARS]):
        for match in _IN_PLACE.finditer(text):
            found[match.group(1).rstrip(".").lower()] = None
    return tuple(found)


class SignatureIndex:
    """Stories by (place, day) of their articles, the latest ``PER_KEY`` per key."""

    def __init__(self) -> None:
        self._stories: dict[tuple[str, int], dict[str, None]] = {}
        self._order: deque[tuple[str, int]] = deque()
        self.place_counts: Counter[str] = Counter()  # articles naming each place

    def add(self, places: tuple[str, ...], day: int | None, story_id: str) -> None:
        self.place_counts.update(places)
        if day is None:
            return
        for place in places:
            key = (place, day)
            held = self._stories.get(key)
            if held is None:
                held = self._stories[key] = {}
                self._order.append(key)
                if len(self._order) > MAX_KEYS:
                    self._stories.pop(self._order.popleft(), None)
            held.pop(story_id, None)
            held[story_id] = None
            if len(held) > PER_KEY:
                del held[next(iter(held))]

    def stories(self, places: tuple[str, ...], day: int | None) -> list[str]:
        """Story ids (possibly merged or expired since: the caller checks) sharing a place
        with the item within ``DAYS`` days, most recently indexed first."""
        if day is None:
            return []
        found: dict[str, None] = {}
        for place in places:
            if self.place_counts[place] > RARE_PLACE:
                continue
            for d in range(day - DAYS, day + DAYS + 1):
                for sid in reversed(self._stories.get((place, d), {})):
                    found[sid] = None
        return list(found)
