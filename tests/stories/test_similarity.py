from __future__ import annotations

import math
from collections import Counter

import pytest

from europenews.stories.items import StoryItem
from europenews.stories.similarity import (
    Centroid,
    DocumentFrequencies,
    capitalised_keys,
    cosine,
    item_terms,
    number_keys,
    weigh,
    words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The mayor said the bridge is closed", ["mayor", "bridge", "closed"])],
    ids=["stop-words-dropped"],
)
def test_similarity_words_drop_stop_words(text, expected):
    assert words(text) == expected


def test_similarity_capitalised_keys_skip_function_words():
    keys = capitalised_keys("The shooting happened on Cerise Avenue in Hawthorne on Tuesday.")
    assert keys == ["cerise", "avenue", "hawthorne"]


def test_similarity_number_keys_skip_years():
    assert number_keys("A 23-year-old man was shot in 2016 in the 4500 block") == ["#23", "#4500"]


def test_similarity_centroid_norm_matches_direct_computation():
    a, b = {"x": 0.6, "y": 0.8}, {"y": 0.6, "z": 0.8}
    centroid = Centroid()
    centroid.add(a)
    centroid.add(b)
    direct = math.sqrt(sum(v * v for v in centroid.total.values()))
    assert centroid.sq_norm == pytest.approx(direct**2)
    assert centroid.cosine(a) == pytest.approx(
        sum(centroid.total[t] * v for t, v in a.items()) / direct
    )


def test_similarity_running_idf_favours_rare_terms():
    dfs = DocumentFrequencies()
    for text in ("storm hits coast", "storm floods town", "storm in Lisbon"):
        dfs.add(item_terms(StoryItem(id=text, title=text)))
    vec = weigh(Counter(["storm", "lisbon"]), dfs.words, dfs)
    assert vec["lisbon"] > vec["storm"]
    assert cosine(vec, vec) == pytest.approx(1.0)


def test_similarity_item_terms_use_analysis_entities():
    terms = item_terms(
        StoryItem(id="1", text="he spoke", entities=("olaf scholz",), places=("geo:2950159",))
    )
    assert terms.keys["ent:olaf scholz"] == 2
    assert terms.keys["geo:2950159"] == 2
