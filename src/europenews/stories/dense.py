"""Dense sentence vectors as optional story evidence: a story's centroid and recent members.

An embedder is any function from a ``StoryItem`` to a unit vector (or None when it has no
text to embed). The clusterer works without one (the feature is then 0); with one, the
``dense`` feature is the larger of the cosine with the story's mean vector and with its most
similar recent member, as for titles: a big story's centroid is diffuse.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from europenews.stories.items import StoryItem

Vector = npt.NDArray[np.float32]
Embedder = Callable[[StoryItem], Vector | None]
DENSE_MEMBERS = 16  # recent member vectors kept per story


@dataclass(slots=True)
class DenseCentroid:
    """Sum of a story's unit vectors and its most recent members."""

    total: Vector | None = None
    members: deque[Vector] = field(default_factory=lambda: deque(maxlen=DENSE_MEMBERS))

    def add(self, vec: Vector | None) -> None:
        if vec is None:
            return
        self.total = vec.copy() if self.total is None else self.total + vec
        self.members.append(vec)

    def merge(self, other: DenseCentroid) -> None:
        if other.total is not None:
            self.total = other.total.copy() if self.total is None else self.total + other.total
        self.members.extend(other.members)

    def similarity(self, vec: Vector | None) -> float:
        """Max of the centroid cosine and the best recent member cosine (0 without vectors)."""
        if vec is None or self.total is None:
            return 0.0
        norm = float(np.linalg.norm(self.total))
        best = float(self.total @ vec) / norm if norm > 0 else 0.0
        if self.members:
            best = max(best, float(np.max(np.stack(self.members) @ vec)))
        return max(0.0, min(1.0, best))
