"""Story metadata kept current as articles join: headline, key names, counts, growth, breaking."""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from dataclasses import dataclass, field

from europenews.stories.items import StoryItem

GROWTH_HOURS = 24.0
BREAKING_HOURS = 6.0
BREAKING_SOURCES = 3


def timestamp(published: str | None) -> float | None:
    """Seconds since the epoch of an ISO date or timestamp (UTC when no zone), or None."""
    if not published:
        return None
    try:
        value = dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.timestamp()


@dataclass(slots=True)
class StoryMetadata:
    """What a reader sees about a story; updated in O(1)-ish per article."""

    story_id: str
    headline: str = ""
    headline_score: float = -1.0
    first_seen: str | None = None
    last_seen: str | None = None
    article_count: int = 0
    copy_count: int = 0  # near-duplicates (republished copy), not counted as new sources
    sources: set[str] = field(default_factory=set)
    people: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    killed: int | None = None
    injured: int | None = None
    _recent: deque[float] = field(default_factory=deque)
    _first_ts: float | None = None
    _last_ts: float | None = None

    @property
    def distinct_sources(self) -> int:
        return len(self.sources)

    def growth_rate(self) -> float:
        """Articles per hour over the last GROWTH_HOURS before the latest article."""
        return len(self._recent) / GROWTH_HOURS

    def is_breaking(self) -> bool:
        """Young (first seen within BREAKING_HOURS of the latest article) with several sources."""
        if self._first_ts is None or self._last_ts is None:
            return False
        young = self._last_ts - self._first_ts <= BREAKING_HOURS * 3600
        return young and self.distinct_sources >= BREAKING_SOURCES

    def add(self, item: StoryItem, centrality: float, duplicate_of: str | None) -> None:
        """Count one more article; ``centrality`` (similarity to the story) picks the headline."""
        self.article_count += 1
        if item.title and centrality > self.headline_score:
            self.headline, self.headline_score = item.title, centrality
        ts = timestamp(item.published)
        if ts is not None:
            if self._first_ts is None or ts < self._first_ts:
                self._first_ts, self.first_seen = ts, item.published
            if self._last_ts is None or ts >= self._last_ts:
                self._last_ts, self.last_seen = ts, item.published
            self._recent.append(ts)
            while self._recent and self._recent[0] < self._last_ts - GROWTH_HOURS * 3600:
                self._recent.popleft()
        if duplicate_of is not None:
            # A copy adds reach, not evidence: its source and figures are those of the original.
            self.copy_count += 1
            return
        if item.source:
            self.sources.add(item.source)
        self.people.update(item.entities)
        self.places.update(item.places)
        # Figures are not summed across articles (each reports the same victims): keep the largest.
        if item.killed is not None:
            self.killed = max(self.killed or 0, item.killed)
        if item.injured is not None:
            self.injured = max(self.injured or 0, item.injured)

    def summary(self) -> dict[str, object]:
        """A JSON-ready view of the metadata."""
        return {
            "id": self.story_id,
            "headline": self.headline,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "articles": self.article_count,
            "copies": self.copy_count,
            "distinct_sources": self.distinct_sources,
            "people": [name for name, _ in self.people.most_common(5)],
            "places": [name for name, _ in self.places.most_common(5)],
            "killed": self.killed,
            "injured": self.injured,
            "growth_per_hour": round(self.growth_rate(), 3),
            "breaking": self.is_breaking(),
        }
