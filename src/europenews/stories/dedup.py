"""Near-duplicate detection: republished agency copy found with MinHash LSH (datasketch).

Bodies are compared on word 5-shingles; items without a body (headline feeds) on their exact
normalised headline only, because two different short headlines can share most 3-word shingles.
The index holds a bounded window of recent items, so memory and time stay flat on long streams.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

from europenews.stories.items import StoryItem

_TOKEN = re.compile(r"\w+", re.UNICODE)
MIN_BODY_WORDS = 40
DEDUP_CHARS = 6000  # a copy shares its lead; page footers differ anyway


def shingles(text: str, size: int = 5) -> set[bytes]:
    """Word n-gram shingles (lower-cased) of a text, encoded for hashing."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


def headline_key(title: str) -> str:
    return " ".join(_TOKEN.findall(title.lower()))


@dataclass(slots=True)
class NearDuplicateIndex:
    """Finds, for a new item, an earlier item it copies (within the last ``window`` items)."""

    threshold: float = 0.6
    num_perm: int = 64
    window: int = 50_000
    _lsh: MinHashLSH | None = None
    _signatures: dict[str, MinHash] = field(default_factory=dict)
    _headlines: dict[str, str] = field(default_factory=dict)
    _order: deque[tuple[str, str | None]] = field(default_factory=deque)
    _permutations: tuple[np.ndarray, np.ndarray] | None = None
    _scheme: str | None = None
    _count: int = 0

    def find_and_add(self, item: StoryItem) -> str | None:
        """The id of the earlier item this one duplicates (or None); then index this item."""
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        body_tokens = _TOKEN.findall(item.text[:DEDUP_CHARS])
        original: str | None = None
        self._count += 1
        key = f"{self._count}:{item.id}"
        headline: str | None = None
        if len(body_tokens) >= MIN_BODY_WORDS:
            signature = self._signature(shingles(item.text[:DEDUP_CHARS]))
            best = 0.0
            # Oldest first, so that among equal scores the earliest copy is the original
            # whatever order the LSH's buckets (string-hash sets) give.
            for other in sorted(self._lsh.query(signature), key=_arrival):
                score = signature.jaccard(self._signatures[other])
                if score >= self.threshold and score > best:
                    best, original = score, other.split(":", 1)[1]
            self._lsh.insert(key, signature)
            self._signatures[key] = signature
        else:
            headline = headline_key(item.title)
            if len(headline.split()) >= 4:  # "Obituaries" or "Home" are not copies of each other
                original = self._headlines.get(headline)
                self._headlines.setdefault(headline, item.id)
            else:
                headline = None
        self._order.append((key, headline))
        self._expire()
        return original

    def _signature(self, grams: set[bytes]) -> MinHash:
        if self._permutations is None:
            # Fixed seed: the same text always gets the same signature.
            seed_hash = MinHash(num_perm=self.num_perm, seed=1)
            self._permutations, self._scheme = seed_hash.permutations, seed_hash.scheme
        minhash = MinHash(
            num_perm=self.num_perm, permutations=self._permutations, scheme=self._scheme
        )
        minhash.update_batch(list(grams))
        return minhash

    def _expire(self) -> None:
        while len(self._order) > self.window:
            key, headline = self._order.popleft()
            if key in self._signatures and self._lsh is not None:
                self._lsh.remove(key)
                del self._signatures[key]
            if headline is not None and self._headlines.get(headline) == key.split(":", 1)[1]:
                del self._headlines[headline]


def _arrival(key: str) -> int:
    """Arrival number of an LSH key (``"<count>:<article id>"``)."""
    return int(key.split(":", 1)[0])
