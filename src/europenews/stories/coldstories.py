"""The clusterer's active stories: the recently used ones as objects, the rest serialised.

Issue 19's ruling (session 20, docs/stories.md "Bounded story state"): the clusterer's
in-memory state is a cache, not the record. Only the HOT_STORIES most recently used stories
are kept as :class:`StoryState` objects; any other active story is kept as one compressed
pickle (a few kB instead of tens) and brought back, exactly as it was, when a candidate
look-up, an article or a merge needs it. Pickling keeps every float bit for bit and every
dict in its order, so a story brought back scores exactly as it did before it left: the
decisions, and so the story ids, are those of a clusterer that keeps every story as an
object (tests/test_coldstories.py, and the ids compared in docs/benchmarks-archive.md).

What the candidate scans read of every story they pass (its last day and article index, its
span of known days, the languages of its words) stays beside the bytes in a small
:class:`StoryHead`, so a scan over the postings does not bring stories back.
"""

from __future__ import annotations

import pickle
import zlib
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

from europenews.stories.guards import DateSpan
from europenews.stories.state import StoryState

# Stories kept as objects. Most candidates of an article are stories updated in the last few
# hundred articles (a stream's running news); an older one is brought back when asked for.
HOT_STORIES = 256


@dataclass(frozen=True, slots=True)
class StoryHead:
    """What scans read of a story without its centroids (a cold story's copy is current: a
    cold story does not change until it is brought back)."""

    last_day: int | None
    last_index: int
    dates: DateSpan
    word_languages: frozenset[str | None]


def _head(story: StoryState) -> StoryHead:
    return StoryHead(story.last_day, story.last_index,
                     DateSpan(story.dates.first, story.dates.last),
                     frozenset(story.word_languages))


def freeze(story: StoryState) -> bytes:
    """A story as compressed bytes (:func:`thaw` gives it back equal in every field)."""
    return zlib.compress(pickle.dumps(story, protocol=pickle.HIGHEST_PROTOCOL), 1)


def thaw(data: bytes) -> StoryState:
    story: StoryState = pickle.loads(zlib.decompress(data))
    return story


class StoryTable:
    """Active stories by id, as a mapping; at most ``hot`` of them held as objects."""

    def __init__(self, hot: int = HOT_STORIES) -> None:
        # Two at least: a merge holds the story it keeps and the one it takes in at once.
        self.hot = max(2, hot)
        # Objects, least recently used first; beside each, its bytes while it is unchanged
        # since it was brought back (leaving memory again then costs no pickling).
        self._hot: OrderedDict[str, StoryState] = OrderedDict()
        self._clean: dict[str, bytes] = {}
        self._cold: dict[str, bytes] = {}
        self._heads: dict[str, StoryHead] = {}
        self.thawed = 0  # stories brought back (for the benchmarks)

    def __len__(self) -> int:
        return len(self._hot) + len(self._cold)

    def __contains__(self, story_id: object) -> bool:
        return story_id in self._hot or story_id in self._cold

    def __iter__(self) -> Iterator[str]:
        yield from list(self._hot)
        yield from list(self._cold)

    def __getitem__(self, story_id: str) -> StoryState:
        story = self._hot.get(story_id)
        if story is not None:
            self._hot.move_to_end(story_id)
            return story
        data = self._cold.pop(story_id)  # KeyError: not an active story
        del self._heads[story_id]
        story = thaw(data)
        self.thawed += 1
        self._hot[story_id] = story
        self._clean[story_id] = data
        self._shrink()
        return story

    def get(self, story_id: str, default: StoryState | None = None) -> StoryState | None:
        if story_id not in self:
            return default
        return self[story_id]

    def __setitem__(self, story_id: str, story: StoryState) -> None:
        if story_id in self:
            self.pop(story_id)
        self._hot[story_id] = story
        self._shrink()

    def __delitem__(self, story_id: str) -> None:
        self.pop(story_id)

    def pop(self, story_id: str) -> StoryState:
        """Remove a story, returning it (brought back when it was cold); KeyError when it is
        not an active story."""
        story = self[story_id]
        del self._hot[story_id]
        self._clean.pop(story_id, None)
        return story

    def head(self, story_id: str) -> StoryState | StoryHead:
        """What scans read of a story (the object itself when hot), without bringing it back
        or changing which stories stay hot."""
        story = self._hot.get(story_id)
        return story if story is not None else self._heads[story_id]

    def changed(self, story_id: str) -> None:
        """Say that a hot story was changed: its kept bytes are stale."""
        self._clean.pop(story_id, None)

    def cold_bytes(self) -> int:
        return sum(len(data) for data in self._cold.values())

    def _shrink(self) -> None:
        while len(self._hot) > self.hot:
            story_id, story = self._hot.popitem(last=False)
            data = self._clean.pop(story_id, None)
            self._cold[story_id] = data if data is not None else freeze(story)
            self._heads[story_id] = _head(story)
