from __future__ import annotations

from europenews.stories.dedup import NearDuplicateIndex
from europenews.stories.items import StoryItem

WIRE = (
    "Firefighters in the northern port town battled a warehouse blaze for six hours on Sunday "
    "before bringing it under control, the regional fire service said. Nobody was hurt, but the "
    "smoke forced the closure of two schools and the ring road for most of the afternoon. The "
    "cause of the fire is not yet known and investigators will inspect the site on Monday, a "
    "spokesperson for the service told reporters outside the damaged building."
)
OTHER = (
    "The city council approved a new budget for public libraries on Thursday after a long debate "
    "about opening hours, staffing and the cost of digital lending. Three branches will open on "
    "Sundays from next spring, and the mobile library will add two rural routes. Opposition "
    "members said the plan did not go far enough to reverse a decade of cuts to the service."
)


def test_dedup_links_republished_copy_to_original():
    index = NearDuplicateIndex()
    assert index.find_and_add(StoryItem(id="orig", title="Blaze", text=WIRE)) is None
    copy = StoryItem(id="copy", title="Warehouse fire", text=WIRE + " Copyright 2024 Agency.")
    assert index.find_and_add(copy) == "orig"


def test_dedup_equal_copies_link_to_the_earliest():
    index = NearDuplicateIndex()
    for n in range(6):
        found = index.find_and_add(StoryItem(id=f"copy{n}", text=WIRE))
        assert found == (None if n == 0 else "copy0")


def test_dedup_keeps_different_texts_apart():
    index = NearDuplicateIndex()
    index.find_and_add(StoryItem(id="a", text=WIRE))
    assert index.find_and_add(StoryItem(id="b", text=OTHER)) is None


def test_dedup_headline_only_items_match_on_exact_headline():
    index = NearDuplicateIndex()
    index.find_and_add(StoryItem(id="a", title="Apple unveils a bigger iPhone"))
    assert index.find_and_add(StoryItem(id="b", title="Apple unveils a bigger iPhone!")) == "a"
    assert index.find_and_add(StoryItem(id="c", title="Apple unveils a smaller iPad")) is None


def test_dedup_forgets_items_outside_the_window():
    index = NearDuplicateIndex(window=2)
    index.find_and_add(StoryItem(id="a", text=WIRE))
    index.find_and_add(StoryItem(id="b", text=OTHER))
    index.find_and_add(StoryItem(id="c", text=OTHER + " More."))
    assert index.find_and_add(StoryItem(id="d", text=WIRE)) is None


def _reference_originals(items: list[StoryItem], window: int) -> list[str | None]:
    """What datasketch's own MinHashLSH finds for each item (the index before it was made
    compact): the earliest best-scoring earlier text in the window sharing a band."""
    from collections import deque

    from datasketch import MinHash, MinHashLSH

    from europenews.stories.dedup import DEDUP_CHARS, shingles

    lsh = MinHashLSH(threshold=0.6, num_perm=64)
    seed = MinHash(num_perm=64, seed=1)
    kept: dict[int, MinHash] = {}
    order: deque[int] = deque()
    out: list[str | None] = []
    for n, item in enumerate(items):
        sig = MinHash(num_perm=64, permutations=seed.permutations, scheme=seed.scheme)
        sig.update_batch(list(shingles(item.text[:DEDUP_CHARS])))
        best, original = 0.0, None
        for other in sorted(lsh.query(sig)):
            score = sig.jaccard(kept[other])
            if score >= 0.6 and score > best:
                best, original = score, items[other].id
        out.append(original)
        lsh.insert(n, sig)
        kept[n] = sig
        order.append(n)
        while len(order) > window:
            old = order.popleft()
            lsh.remove(old)
            del kept[old]
    return out


def test_dedup_finds_what_datasketchs_lsh_finds():
    # Variants of two texts with a few words changed each: some pairs are near the threshold.
    import random

    rng = random.Random(7)
    items = []
    for n in range(60):
        words = (WIRE if n % 2 else OTHER).split()
        for _ in range(rng.randrange(0, 12)):
            words[rng.randrange(len(words))] = f"w{rng.randrange(1000)}"
        items.append(StoryItem(id=f"v{n}", text=" ".join(words)))
    index = NearDuplicateIndex(window=15)
    found = [index.find_and_add(item) for item in items]
    assert found == _reference_originals(items, window=15)
    assert sum(f is not None for f in found) > 5
    assert len(set(found)) > 4  # not one original for all: the window moved on
