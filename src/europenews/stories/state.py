"""What the online clusterer keeps per active story (and how two stories become one), and an
article prepared for comparison with them."""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field

from europenews.stories.dense import DenseCentroid, Vector
from europenews.stories.guards import DateSpan
from europenews.stories.incidents import IncidentCues
from europenews.stories.items import StoryItem
from europenews.stories.similarity import Centroid, ItemVectors, SparseVec

MEMBER_TITLES = 48  # recent member headlines kept per story for the best-member similarity


@dataclass(slots=True)
class StoryState:
    """One active story: centroids of its members' vectors, its time and its incident cues."""

    id: str
    title: Centroid = field(default_factory=Centroid)
    body: Centroid = field(default_factory=Centroid)
    keys: Centroid = field(default_factory=Centroid)
    text: Centroid = field(default_factory=Centroid)
    size: int = 0
    last_day: int | None = None
    last_index: int = 0
    indexed: set[str] = field(default_factory=set)
    member_titles: deque[SparseVec] = field(default_factory=lambda: deque(maxlen=MEMBER_TITLES))
    weekdays: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)
    counts: set[int] = field(default_factory=set)
    # Articles per key, word and name pair: which terms only this story's articles have.
    key_docs: Counter[str] = field(default_factory=Counter)
    word_docs: Counter[str] = field(default_factory=Counter)
    name_docs: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)
    dense: DenseCentroid = field(default_factory=DenseCentroid)
    dates: DateSpan = field(default_factory=DateSpan)  # known days (stories/guards.py)

    def absorb(self, other: StoryState) -> None:
        """Take in every member of ``other``, as if its articles had joined this story."""
        for mine, theirs in (
            (self.title, other.title),
            (self.body, other.body),
            (self.keys, other.keys),
            (self.text, other.text),
        ):
            mine.merge(theirs)
        self.size += other.size
        if other.last_day is not None:
            self.last_day = max(self.last_day or other.last_day, other.last_day)
        self.last_index = max(self.last_index, other.last_index)
        self.indexed |= other.indexed
        self.member_titles.extend(other.member_titles)
        self.weekdays |= other.weekdays
        self.ages |= other.ages
        self.counts |= other.counts
        self.key_docs.update(other.key_docs)
        self.word_docs.update(other.word_docs)
        self.name_docs.update(other.name_docs)
        self.sources |= other.sources
        self.dense.merge(other.dense)
        self.dates.add(other.dates.first)
        self.dates.add(other.dates.last)


@dataclass(slots=True)
class Prepared:
    """An item with its vectors, ready to be compared with stories."""

    item: StoryItem
    vectors: ItemVectors
    day: int | None
    headline_only: bool
    cues: IncidentCues
    dense: Vector | None = None
    known_day: int | None = None  # publication day, else the day the text states

    @property
    def kind(self) -> str:
        """Which weights of the decision model apply: headline, full or undated."""
        if self.headline_only:
            return "headline"
        return "full" if self.day is not None else "undated"
