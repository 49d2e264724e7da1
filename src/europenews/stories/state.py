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
# Issue 19's ruling (docs/stories.md, "Bounded story state"): what a story keeps is bounded,
# so the clusterer's memory follows the number of stories in its window, not the length or
# number of their articles. A centroid keeps its CENTROID_TERMS highest-weighted terms, the
# story's articles-per-term counts only the terms its centroid keeps (names: the most
# frequent), its index entries the latest INDEXED_TERMS, its outlets the latest STORY_SOURCES.
CENTROID_TERMS = 512
INDEXED_TERMS = 256
STORY_SOURCES = 64
PLACE_VALUES = 64  # streets, addresses, people with ages kept per story (the latest)


def _bounded() -> Centroid:
    return Centroid(limit=CENTROID_TERMS)


def _keep_only(counts: Counter[str], kept: dict[str, float]) -> None:
    """Beyond the bound, drop the counts of terms the centroid no longer keeps."""
    if len(counts) > CENTROID_TERMS:
        for term in [t for t in counts if t not in kept]:
            del counts[term]


@dataclass(slots=True)
class MemberTitles:
    """The latest ``limit`` member headlines of a story, indexed by word, for the best cosine
    of a new headline with any of them.

    Only members sharing a word with the headline can score above 0, and a headline has a
    handful of words: through the index the cost follows the members that share one, not the
    story's size (a scan of every member was the largest cost per article on a headline
    stream, and grew as stories filled up).
    """

    limit: int = MEMBER_TITLES
    # Each member's words only: their weights are in ``_by_word`` (one copy, not two).
    _members: deque[tuple[int, tuple[str, ...]]] = field(default_factory=deque)
    _by_word: dict[str, dict[int, float]] = field(default_factory=dict)
    _next: int = 0

    def append(self, vec: SparseVec) -> None:
        if not vec:
            return
        seq = self._next
        self._next += 1
        self._members.append((seq, tuple(vec)))
        for word, weight in vec.items():
            self._by_word.setdefault(word, {})[seq] = weight
        if len(self._members) > self.limit:
            old, old_words = self._members.popleft()
            for word in old_words:
                holders = self._by_word[word]
                del holders[old]
                if not holders:
                    del self._by_word[word]

    def extend(self, other: MemberTitles) -> None:
        for seq, words in other._members:
            self.append({word: other._by_word[word][seq] for word in words})

    def best_cosine(self, vec: SparseVec) -> float:
        """The highest cosine of ``vec`` with a member (0 without a shared word); members and
        ``vec`` are unit vectors."""
        dots: dict[int, float] = {}
        for word, weight in vec.items():
            for seq, member_weight in self._by_word.get(word, {}).items():
                dots[seq] = dots.get(seq, 0.0) + weight * member_weight
        return max(dots.values(), default=0.0)

    def __len__(self) -> int:
        return len(self._members)


@dataclass(slots=True)
class StoryState:
    """One active story: centroids of its members' vectors, its time and its incident cues."""

    id: str
    title: Centroid = field(default_factory=_bounded)
    body: Centroid = field(default_factory=_bounded)
    keys: Centroid = field(default_factory=_bounded)
    text: Centroid = field(default_factory=_bounded)
    size: int = 0
    last_day: int | None = None
    last_index: int = 0
    # The prefixed terms the story is indexed under, oldest indexed first (the clusterer
    # keeps INDEXED_TERMS of them).
    indexed: dict[str, None] = field(default_factory=dict)
    member_titles: MemberTitles = field(default_factory=MemberTitles)
    weekdays: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)
    counts: set[int] = field(default_factory=set)
    # Streets, addresses, people with ages (stories/incidents.py): the latest
    # PLACE_VALUES of each, latest last.
    streets: dict[str, None] = field(default_factory=dict)
    addresses: dict[str, None] = field(default_factory=dict)
    named_ages: dict[str, None] = field(default_factory=dict)
    # Articles per key, word and name pair: which terms only this story's articles have.
    key_docs: Counter[str] = field(default_factory=Counter)
    word_docs: Counter[str] = field(default_factory=Counter)
    name_docs: Counter[str] = field(default_factory=Counter)
    sources: dict[str, None] = field(default_factory=dict)  # latest last (STORY_SOURCES)
    dense: DenseCentroid = field(default_factory=DenseCentroid)
    dates: DateSpan = field(default_factory=DateSpan)  # known days (stories/guards.py)
    # Across languages (stories/across.py): articles per language, the centroid of the
    # language-neutral key vectors and the story's articles per such key.
    languages: Counter[str] = field(default_factory=Counter)
    linked: Centroid = field(default_factory=_bounded)
    linked_docs: Counter[str] = field(default_factory=Counter)
    # The languages of the members in the word centroids (None: a member of unknown language).
    word_languages: set[str | None] = field(default_factory=set)

    def takes_words(self, language: str | None) -> bool:
        """Whether an article in ``language`` joins the word centroids: always in a new story,
        in one told in that language, and whenever a language is unknown (streams without
        languages behave as they always did); not an article in another language."""
        return (not self.word_languages or language is None or None in self.word_languages
                or language in self.word_languages)

    def add_words(self, prepared: Prepared) -> None:
        """Add an article's words, keys, incident cues and outlet (what the word route reads)."""
        v = prepared.vectors
        self.title.add(v.title)
        self.member_titles.append(v.title)
        self.body.add(v.body)
        self.keys.add(v.keys)
        self.text.add(v.text)
        self.size += 1
        self.dense.add(prepared.dense)
        cues = prepared.cues
        self.weekdays.update(cues.weekdays)
        self.ages.update(cues.ages)
        self.counts.update(cues.counts)
        for latest, values in self._places(cues):
            for value in sorted(values):  # sorted: the bound below must not follow hash order
                latest.pop(value, None)
                latest[value] = None
        self.key_docs.update(v.keys.keys())
        self.word_docs.update(v.text.keys())
        self.name_docs.update(cues.names)
        if prepared.item.source:
            self.sources.pop(prepared.item.source, None)
            self.sources[prepared.item.source] = None
        self.word_languages.add(prepared.item.language)
        self.bound()

    def bound(self) -> None:
        """Keep the per-term counts to the terms the centroids keep, the names to the most
        frequent, the outlets to the latest (the ruling above)."""
        _keep_only(self.key_docs, self.keys.total)
        _keep_only(self.word_docs, self.text.total)
        _keep_only(self.linked_docs, self.linked.total)
        if len(self.name_docs) > CENTROID_TERMS:
            self.name_docs = Counter(dict(self.name_docs.most_common(CENTROID_TERMS)))
        while len(self.sources) > STORY_SOURCES:
            del self.sources[next(iter(self.sources))]
        for latest, _ in self._places(None):
            while len(latest) > PLACE_VALUES:
                del latest[next(iter(latest))]

    def _places(self, cues: IncidentCues | None) -> list[tuple[dict[str, None], frozenset[str]]]:
        """The story's street, address and named-age tables, each beside the article's values
        (none without cues)."""
        c = cues or IncidentCues()
        return [(self.streets, c.streets), (self.addresses, c.addresses),
                (self.named_ages, c.named_ages)]

    def absorb(self, other: StoryState) -> None:
        """Take in every member of ``other``, as if its articles had joined this story."""
        for mine, theirs in (
            (self.title, other.title),
            (self.body, other.body),
            (self.keys, other.keys),
            (self.text, other.text),
            (self.linked, other.linked),
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
        for (latest, _), (others, _) in zip(
            self._places(None), other._places(None), strict=True
        ):
            latest.update(others)
        self.key_docs.update(other.key_docs)
        self.word_docs.update(other.word_docs)
        self.name_docs.update(other.name_docs)
        self.languages.update(other.languages)
        self.word_languages |= other.word_languages
        self.linked_docs.update(other.linked_docs)
        self.sources |= other.sources
        self.dense.merge(other.dense)
        self.dates.add(other.dates.first)
        self.dates.add(other.dates.last)
        self.bound()


def bound_index(story: StoryState, postings: dict[str, dict[str, None]]) -> None:
    """Unindex ``story`` under its oldest indexed terms beyond INDEXED_TERMS (the terms of
    its earliest members: its recent members' terms still find it)."""
    indexed = story.indexed
    while len(indexed) > INDEXED_TERMS:
        term = next(iter(indexed))
        del indexed[term]
        stories = postings.get(term)
        if stories is not None:
            stories.pop(story.id, None)
            if not stories:
                del postings[term]


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
    linked: SparseVec = field(default_factory=dict)  # language-neutral keys (stories/across.py)

    @property
    def kind(self) -> str:
        """Which weights of the decision model apply: headline (headline_dense with a sentence
        vector), full or undated."""
        if self.headline_only:
            return "headline" if self.dense is None else "headline_dense"
        return "full" if self.day is not None else "undated"
