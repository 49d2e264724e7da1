from __future__ import annotations

import pytest

from europenews.stories.similarity import Centroid
from europenews.stories.state import StoryState


def _state(story_id: str, words: dict[str, float], day: int, source: str) -> StoryState:
    state = StoryState(id=story_id, size=1, last_day=day, sources={source: None})
    state.title.add(words)
    state.word_docs.update(words)
    return state


def test_state_absorb_is_the_story_both_members_would_make():
    a = _state("a", {"crane": 1.0}, day=10, source="one.example")
    b = _state("b", {"harbour": 1.0}, day=12, source="two.example")
    a.absorb(b)
    both = Centroid()
    both.add({"crane": 1.0})
    both.add({"harbour": 1.0})
    assert a.title.total == both.total
    assert a.title.sq_norm == both.sq_norm
    assert (a.size, a.last_day, a.sources) == (2, 12, {"one.example": None, "two.example": None})
    assert a.word_docs == {"crane": 1, "harbour": 1}


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = sum(w * w for w in weights.values()) ** 0.5
    return {t: w / norm for t, w in weights.items()}


def test_member_titles_best_cosine_matches_a_scan_of_the_latest_members() -> None:
    import random

    from europenews.stories.similarity import cosine
    from europenews.stories.state import MemberTitles

    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(30)]
    members = MemberTitles(limit=5)
    kept: list[dict[str, float]] = []
    for _ in range(40):
        vec = _unit({w: rng.random() + 0.1 for w in rng.sample(vocabulary, 4)})
        members.append(vec)
        kept = [*kept, vec][-5:]
        query = _unit({w: rng.random() + 0.1 for w in rng.sample(vocabulary, 3)})
        expected = max((cosine(m, query) for m in kept), default=0.0)
        assert members.best_cosine(query) == pytest.approx(expected)
    assert len(members) == 5
    # evicted members leave the word index too
    assert all(len(holders) <= 5 for holders in members._by_word.values())
    assert members.best_cosine({"unseen": 1.0}) == 0.0


def test_a_bounded_centroid_keeps_its_heaviest_terms_and_their_norm() -> None:
    centroid = Centroid(limit=3)
    centroid.add({"a": 0.1, "b": 0.5, "c": 0.2, "d": 0.4, "e": 0.3})
    assert centroid.total == {"b": 0.5, "d": 0.4, "e": 0.3}
    assert centroid.sq_norm == pytest.approx(0.5**2 + 0.4**2 + 0.3**2)
    centroid.add({"a": 0.6})  # "a" comes back heavier than "e"
    assert set(centroid.total) == {"a", "b", "d"}
    assert centroid.total["a"] == pytest.approx(0.6)  # its earlier 0.1 was dropped
    assert centroid.cosine({"b": 1.0}) == pytest.approx(0.5 / centroid.sq_norm**0.5)


def _words(n: int, offset: int = 0) -> str:
    letters = "bcdfghklmnprstvz"  # made-up words: 4,096 of them
    return " ".join(letters[(i // 256) % 16] + "a" + letters[(i // 16) % 16] + "o"
                    + letters[i % 16] + "u" for i in range(offset, offset + n))


def test_a_story_of_long_articles_keeps_a_bounded_state() -> None:
    from europenews.stories.cluster import OnlineClusterer
    from europenews.stories.items import StoryItem
    from europenews.stories.state import CENTROID_TERMS, INDEXED_TERMS

    clusterer = OnlineClusterer(embedder=None, dedup=False)
    for i in range(40):  # 40 long articles of 150 words (4,096 distinct in all), one story
        item = StoryItem(id=f"a{i}", title=f"Harbour crane {_words(6, 6 * i)}",
                         text=_words(150, 150 * i), published="2026-05-01", source=f"s{i}")
        clusterer.add(clusterer.prepare(item), "story")
    story = clusterer._stories["story"]
    for centroid in (story.title, story.body, story.keys, story.text):
        assert len(centroid.total) <= CENTROID_TERMS
    assert len(story.body.total) == CENTROID_TERMS  # the bound did bite
    assert set(story.word_docs) <= set(story.text.total)
    assert len(story.indexed) == INDEXED_TERMS
    assert len(story.sources) <= 64
    indexed = set(story.indexed)
    holding = {term for term, stories in clusterer._postings.items() if "story" in stories}
    assert holding <= indexed  # unindexed under the terms it forgot
    assert story.size == 40



def test_a_story_keeps_its_latest_streets_and_named_ages() -> None:
    from europenews.stories.cluster import OnlineClusterer
    from europenews.stories.items import StoryItem
    from europenews.stories.state import PLACE_VALUES

    clusterer = OnlineClusterer(embedder=None, dedup=False)
    for i in range(PLACE_VALUES + 10):
        text = f"Ada Quill, {i % 90 + 10}, was hurt in the {100 + i} block of Elm Street."
        item = StoryItem(id=f"a{i}", title="Crane falls", text=text, published="2026-05-01")
        clusterer.add(clusterer.prepare(item), "story")
    story = clusterer._stories["story"]
    assert story.streets == {"elm street": None}
    assert len(story.addresses) == len(story.named_ages) == PLACE_VALUES
    assert "100 elm street" not in story.addresses  # the oldest went first
    assert f"{100 + PLACE_VALUES + 9} elm street" in story.addresses
    other = StoryState(id="b", streets={"cedar street": None})
    story.absorb(other)
    assert list(story.streets) == ["elm street", "cedar street"]
