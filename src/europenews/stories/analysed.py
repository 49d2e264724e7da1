"""Decision cues from the article's analysis (issue 20, item 4): the store-wide entity ids
and the main event's place and day, not words of the text.

Inside the store (``ingest``, ``run``) an item carries its store-wide entity ids and
geocoded places (``StoryItem.linked``, the keys the route across languages reads) and its
main event's point and day (``story_item_from_analysis``). A canonical person id joins
"Smith" and "John Smith" where the capitalised words do not, and the event's geocoded point
tells two towns apart that share a street name. ``europenews cluster`` and ``eval stories``
run no analysis: their items carry none of this, and every cue here is then ``MISSING``, a
value the analysed cues never take, so a decision fitted on both kinds of item tells them
apart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Protocol, TypeVar

from europenews.stories.incidents import agreement
from europenews.stories.similarity import SparseVec


class KeyFrequencies(Protocol):
    """The running counts of entity ids (``stories.across.KeyFrequencies``; a protocol here
    because across imports the story state, which imports this module)."""

    df: dict[str, int]

    def idf(self, key: str) -> float: ...

    def max_idf(self) -> float: ...

MISSING = -1.0
# log1p(km) beyond any distance on Earth (20,000 km: 9.9): the story has no event point.
NO_STORY_POINT = 11.0
# The event points and days a story keeps: the latest, as its streets (stories/state.py).
EVENT_VALUES = 16
# Slack of one article and a half for "no article outside the story has it" (similarity.py).
SLACK = 1.5


def linked_cues(item: SparseVec, cosine: float, story_docs: Mapping[str, int],
                freqs: KeyFrequencies) -> list[float]:
    """The cosine of the item's entity-id vector with the story's (given), how many of its
    ids only this story's articles have (log 1 + n), and the rarest shared id's IDF as a
    share of the largest possible; ``MISSING`` three times for an item without ids."""
    if not item:
        return [MISSING, MISSING, MISSING]
    own = 0
    rarest = 0.0
    for k in item:
        inside = story_docs.get(k, 0)
        if not inside:
            continue
        if freqs.df.get(k, 0) - inside <= SLACK:
            own += 1
        rarest = max(rarest, freqs.idf(k))
    return [cosine, math.log1p(own), rarest / freqs.max_idf()]


def event_cues(point: tuple[float, float] | None, day: int | None,
               story_points: Mapping[tuple[float, float], None],
               story_days: Mapping[int, None]) -> list[float]:
    """log 1 + km from the item's event place to the nearest event place of the story
    (``MISSING`` without an item point, ``NO_STORY_POINT`` without a story point), and whether
    the event days agree (1), differ (-1) or either is unknown (0)."""
    if point is None:
        km = MISSING
    elif not story_points:
        km = NO_STORY_POINT
    else:
        km = math.log1p(min(distance_km(point, p) for p in story_points))
    days = frozenset((day,)) if day is not None else frozenset()
    return [km, agreement(days, story_days.keys())]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


T = TypeVar("T")


def remember(latest: dict[T, None], value: T | None) -> None:
    """Keep ``value`` as the latest of a story's bounded table (EVENT_VALUES)."""
    if value is None:
        return
    latest.pop(value, None)
    latest[value] = None
    while len(latest) > EVENT_VALUES:
        del latest[next(iter(latest))]
