"""Near-duplicate detection: republished agency copy found with MinHash LSH (datasketch).

Bodies are compared on word 5-shingles; items without a body (headline feeds) on their exact
normalised headline only, because two different short headlines can share most 3-word shingles.
The index holds a bounded window of recent items, so memory and time stay flat on long streams.
"""

from __future__ import annotations

import hashlib
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
    """Finds, for a new item, an earlier item it copies (within the last ``window`` items).

    The banding of datasketch's ``MinHashLSH`` (its bands and rows for ``threshold`` and
    ``num_perm``), held compactly (issue 19 item 4): per full text, its MinHash values as one
    bytes object and, per band, a 16-byte digest of the band's values pointing at the
    arrival number(s) that have it. Two items are candidates exactly when one of their bands
    is equal, as in the LSH (a digest collision of unequal bands, about 2^-128, aside), and
    the Jaccard estimate is datasketch's (equal values over ``num_perm``): the same
    originals are found, at about a third of the LSH's memory (its buckets are sets, its
    signatures objects).
    """

    threshold: float = 0.6
    num_perm: int = 64
    window: int = 50_000
    _ranges: list[tuple[int, int]] = field(default_factory=list)
    _bands: list[dict[bytes, int | list[int]]] = field(default_factory=list)
    _signatures: dict[int, bytes] = field(default_factory=dict)  # arrival -> MinHash values
    _ids: dict[int, str | None] = field(default_factory=dict)  # arrival -> article id
    _headlines: dict[str, str | None] = field(default_factory=dict)
    # Arrival number, and for a headline kept for exact matches: it and the article's id.
    _order: deque[tuple[int, str | None, str | None]] = field(default_factory=deque)
    _permutations: tuple[np.ndarray, np.ndarray] | None = None
    _scheme: str | None = None
    _dtype: str = "<u4"  # of the MinHash values (datasketch's), set by the first signature
    _count: int = 0

    def find_and_add(self, item: StoryItem) -> str | None:
        """The id of the earlier item this one duplicates (or None); then index this item."""
        if not self._ranges:
            lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
            self._ranges = [(i * lsh.r, (i + 1) * lsh.r) for i in range(lsh.b)]
            self._bands = [{} for _ in self._ranges]
        body_tokens = _TOKEN.findall(item.text[:DEDUP_CHARS])
        original: str | None = None
        self._count += 1
        arrival = self._count
        headline: str | None = None
        if len(body_tokens) >= MIN_BODY_WORDS:
            values = self._signature(shingles(item.text[:DEDUP_CHARS])).hashvalues
            self._dtype = values.dtype.str
            digests = self._digests(values)
            best = 0.0
            # Oldest first, so that among equal scores the earliest copy is the original.
            for other in sorted(self._candidates(digests)):
                stored = np.frombuffer(self._signatures[other], dtype=values.dtype)
                score = float(np.count_nonzero(values == stored)) / float(len(values))
                if score >= self.threshold and score > best:
                    best, original = score, self._ids[other]
            for band, digest in zip(self._bands, digests, strict=True):
                held = band.get(digest)
                if held is None:
                    band[digest] = arrival
                elif isinstance(held, int):
                    band[digest] = [held, arrival]
                else:
                    held.append(arrival)
            self._signatures[arrival] = values.tobytes()
            self._ids[arrival] = item.id
        else:
            headline = headline_key(item.title)
            if len(headline.split()) >= 4:  # "Obituaries" or "Home" are not copies of each other
                original = self._headlines.get(headline)
                self._headlines.setdefault(headline, item.id)
            else:
                headline = None
        self._order.append((arrival, headline, item.id if headline is not None else None))
        self._expire()
        return original

    def _digests(self, values: np.ndarray) -> list[bytes]:
        return [hashlib.blake2b(values[start:end].tobytes(), digest_size=16).digest()
                for start, end in self._ranges]

    def _candidates(self, digests: list[bytes]) -> set[int]:
        found: set[int] = set()
        for band, digest in zip(self._bands, digests, strict=True):
            held = band.get(digest)
            if held is None:
                continue
            if isinstance(held, int):
                found.add(held)
            else:
                found.update(held)
        return found

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
            arrival, headline, item_id = self._order.popleft()
            data = self._signatures.pop(arrival, None)
            self._ids.pop(arrival, None)
            if data is not None:
                values = np.frombuffer(data, dtype=self._dtype)
                for band, digest in zip(self._bands, self._digests(values), strict=True):
                    held = band[digest]
                    if isinstance(held, int):
                        del band[digest]
                    else:
                        held.remove(arrival)
                        if len(held) == 1:
                            band[digest] = held[0]
            # Forgotten when this article is still the one kept for its headline (an article
            # without an id never was: as before).
            if (headline is not None and item_id is not None
                    and self._headlines.get(headline) == item_id):
                del self._headlines[headline]
