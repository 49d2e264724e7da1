from __future__ import annotations

from europenews.stories.items import StoryItem
from europenews.stories.metadata import StoryMetadata


def _item(i: int, source: str, hour: int, killed: int | None = None) -> StoryItem:
    return StoryItem(
        id=str(i),
        title=f"headline {i}",
        published=f"2024-12-01T{hour:02d}:00:00Z",
        source=source,
        killed=killed,
    )


def test_metadata_copies_do_not_count_as_sources_or_figures():
    meta = StoryMetadata("s1")
    meta.add(_item(1, "A", 8, killed=3), 0.0, None)
    meta.add(_item(2, "B", 9, killed=4), 0.5, None)
    meta.add(_item(3, "C", 9, killed=40), 0.9, duplicate_of="1")
    assert meta.distinct_sources == 2
    assert meta.copy_count == 1
    assert meta.killed == 4
    assert meta.article_count == 3


def test_metadata_breaking_when_young_and_several_sources():
    meta = StoryMetadata("s1")
    for i, source in enumerate("ABC"):
        meta.add(_item(i, source, 8 + i), 0.1 * i, None)
    assert meta.is_breaking()
    assert meta.first_seen == "2024-12-01T08:00:00Z" and meta.last_seen == "2024-12-01T10:00:00Z"
    assert meta.summary()["growth_per_hour"] == round(3 / 24, 3)


def test_metadata_not_breaking_when_old():
    meta = StoryMetadata("s1")
    for i, source in enumerate("ABC"):
        meta.add(_item(i, source, 1 + 8 * i), 0.0, None)
    assert not meta.is_breaking()


def test_metadata_headline_is_the_most_central_title():
    meta = StoryMetadata("s1")
    meta.add(_item(1, "A", 8), 0.0, None)
    meta.add(_item(2, "B", 8), 0.7, None)
    meta.add(_item(3, "C", 8), 0.3, None)
    assert meta.headline == "headline 2"
