from __future__ import annotations

import numpy as np
import pytest

from europenews.stories.cluster import OnlineClusterer
from europenews.stories.dense import DenseCentroid
from europenews.stories.items import StoryItem


def _unit(*values: float) -> np.ndarray:
    vec = np.array(values, dtype=np.float32)
    return vec / np.linalg.norm(vec)


def test_dense_similarity_is_zero_without_vectors():
    centroid = DenseCentroid()
    assert centroid.similarity(_unit(1, 0)) == 0.0
    centroid.add(_unit(1, 0))
    assert centroid.similarity(None) == 0.0


@pytest.mark.parametrize(("members", "probe", "expected"), [
    ([(1, 0)], (1, 0), 1.0),
    ([(1, 0), (0, 1)], (1, 0), 1.0),  # the best member, not the diffuse mean (0.707)
    ([(1, 0)], (0, 1), 0.0),
], ids=["same", "best-member", "orthogonal"])
def test_dense_similarity_takes_the_best_of_centroid_and_members(members, probe, expected):
    centroid = DenseCentroid()
    for member in members:
        centroid.add(_unit(*member))
    assert centroid.similarity(_unit(*probe)) == pytest.approx(expected, abs=1e-6)


def test_dense_merge_adds_both_stories_members():
    a, b = DenseCentroid(), DenseCentroid()
    a.add(_unit(1, 0))
    b.add(_unit(0, 1))
    a.merge(b)
    assert a.similarity(_unit(0, 1)) == pytest.approx(1.0)
    assert a.total is not None and a.total.tolist() == pytest.approx([1.0, 1.0])


def test_dense_clusterer_passes_the_embedders_vector_to_the_feature():
    vectors = {"a": _unit(1, 0), "b": _unit(1, 0)}
    clusterer = OnlineClusterer(dedup=False, embedder=lambda item: vectors.get(item.id))
    clusterer.assign(StoryItem(id="a", title="Harbour crane collapses"))
    prepared = clusterer.prepare(StoryItem(id="b", title="Harbour crane collapses"))
    [(_, features)] = clusterer.candidate_features(prepared)
    assert features[-1] == pytest.approx(1.0)
