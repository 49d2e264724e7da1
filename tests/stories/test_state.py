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
