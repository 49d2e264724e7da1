from __future__ import annotations

import pytest

from europenews.stories.cluster import OnlineClusterer
from europenews.stories.coldstories import StoryTable, freeze, thaw
from europenews.stories.items import StoryItem
from europenews.stories.state import StoryState

# Invented reports: a few incidents, each told by several outlets over some days, with
# look-alikes between them (same town, same kind of event) so decisions are not all easy.
TOWNS = ["Harlow Creek", "Millbrook", "Ostend Falls", "Pine Hollow"]
STREETS = ["Cedar Lane", "Foundry Road", "Kessler Avenue", "Wharf Street"]
NAMES = [("Marcus Bell", 27), ("Ivy Tran", 41), ("Rosa Delgado", 19), ("Owen Price", 33)]


def _report(incident: int, version: int) -> StoryItem:
    town = TOWNS[incident % len(TOWNS)]
    street = STREETS[incident % len(STREETS)]
    name, age = NAMES[incident % len(NAMES)]
    openings = [
        f"{name}, {age}, was shot on {street} in {town} late Friday, police said.",
        f"Police in {town} seek a gunman after {name}, {age}, was wounded on {street}.",
        f"A {age}-year-old, {name}, remains in hospital after the {street} shooting in {town}.",
    ]
    text = (openings[version % len(openings)]
            + f" Officers found casings near block {100 * (incident + 1)} of {street}."
            + f" Detectives in {town} asked witnesses to call the tip line.")
    day = f"2016-05-{1 + incident + version:02d}"
    return StoryItem(id=f"r{incident}-{version}", title=f"{name} shot on {street} in {town}",
                     text=text, published=day, source=f"outlet{version}.example")


def _stream() -> list[StoryItem]:
    return [_report(incident, version) for version in range(3) for incident in range(8)]


def test_a_frozen_story_comes_back_equal_in_every_field():
    clusterer = OnlineClusterer()
    for item in _stream()[:6]:
        clusterer.assign(item)
    for story_id in list(clusterer._stories):
        story = clusterer._stories[story_id]
        back = thaw(freeze(story))
        assert back == story
        assert list(back.title.total) == list(story.title.total)  # the order too


@pytest.mark.parametrize("hot", [2, 3])
def test_cold_stories_give_the_decisions_of_hot_ones(hot: int):
    # Every story kept as an object against at most ``hot`` of them: the same story for
    # every article, while stories really left memory and were brought back.
    everything = OnlineClusterer(hot_stories=10_000)
    bounded = OnlineClusterer(hot_stories=hot)
    for item in _stream():
        want = everything.assign(item)
        got = bounded.assign(item)
        assert got == want
    assert len(everything._stories) > hot
    assert bounded._stories.thawed > 0
    assert bounded._stories.cold_bytes() > 0


def test_a_story_changed_after_coming_back_leaves_with_its_change():
    table = StoryTable(hot=2)
    for story_id in "abc":
        table[story_id] = StoryState(id=story_id, size=1)  # "a" leaves memory
    assert table.head("a").last_index == 0
    story = table["a"]  # back; "b" leaves
    story.size = 5
    story.last_index = 9
    table.changed("a")
    assert table["b"].size == 1  # back; "c" leaves
    assert table["c"].size == 1  # back; "a" leaves again, with its change
    assert table.head("a").last_index == 9
    assert table["a"].size == 5
    assert len(table) == 3
    del table["b"]
    assert "b" not in table
    assert table.get("b") is None
    with pytest.raises(KeyError):
        del table["b"]


def test_a_merge_of_cold_stories_keeps_both_in_the_table():
    clusterer = OnlineClusterer(hot_stories=2)
    for item in _stream()[:8]:
        clusterer.assign(item)
    ids = list(clusterer._stories)  # the two hot ones first
    assert len(ids) >= 4
    first, second = ids[-1], ids[-2]  # both cold
    held = clusterer._stories[first], clusterer._stories[second]
    sizes = held[0].size + held[1].size
    for story_id in ids[:2]:  # the other two come back: the held objects leave memory
        clusterer._stories[story_id]
    clusterer._merge(*held)
    assert second not in clusterer._stories
    assert clusterer._stories[first].size == sizes
    assert clusterer.resolve(second) == first


class _CheckedTable(StoryTable):
    """A table that, before a story leaves memory with the bytes kept since it came back,
    checks that those bytes still are the story: a path that changes a hot story without
    calling ``changed`` would otherwise store a stale copy silently."""

    def _shrink(self) -> None:
        while len(self._hot) > self.hot:
            story_id, story = next(iter(self._hot.items()))
            kept = self._clean.get(story_id)
            assert kept is None or thaw(kept) == story, f"stale bytes for {story_id}"
            super()._shrink()


def test_every_path_that_changes_a_story_says_so():
    clusterer = OnlineClusterer(hot_stories=2)
    clusterer._stories = _CheckedTable(hot=2)
    for item in _stream() + [_report(incident, 3) for incident in range(8)]:
        clusterer.assign(item)
    assert clusterer._stories.thawed > 0
