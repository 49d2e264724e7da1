from __future__ import annotations

from europenews.stories.similarity import Centroid
from europenews.stories.state import StoryState


def _state(story_id: str, words: dict[str, float], day: int, source: str) -> StoryState:
    state = StoryState(id=story_id, size=1, last_day=day, sources={source})
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
    assert (a.size, a.last_day, a.sources) == (2, 12, {"one.example", "two.example"})
    assert a.word_docs == {"crane": 1, "harbour": 1}
