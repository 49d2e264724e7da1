"""Story terms are interned: one string per term across stories, counts and order unchanged."""

from __future__ import annotations

from europenews.stories.cluster import OnlineClusterer
from europenews.stories.compact import intern_terms
from europenews.stories.items import StoryItem
from europenews.stories.similarity import item_terms


def _item(i: int, title: str, text: str) -> StoryItem:
    return StoryItem(id=f"a{i}", title=title, text=text, published=f"2026-03-0{i}")


def test_interned_terms_keep_counts_and_order() -> None:
    terms = item_terms(_item(1, "Harbour cranes idle at Rotterdam",
                             "Dock workers at Rotterdam left the cranes idle; cranes stood still."))
    interned = intern_terms(terms)
    for before, after in ((terms.title, interned.title), (terms.body, interned.body),
                          (terms.keys, interned.keys)):
        assert list(after.items()) == list(before.items())


def test_two_stories_share_one_string_per_word() -> None:
    clusterer = OnlineClusterer(embedder=None)
    # Two unrelated headlines that share one word; built from pieces so that the two texts
    # hold distinct string objects before the clusterer reads them.
    word = "".join(["lighthouse"])
    first = clusterer.prepare(_item(1, f"Storm damages {word} keeper's cottage in Cornwall", ""))
    second = clusterer.prepare(_item(2, f"Painter restores {word[:5]}{word[5:]} murals", ""))
    one = next(t for t in first.vectors.title if t == word)
    two = next(t for t in second.vectors.title if t == word)
    assert one is two
