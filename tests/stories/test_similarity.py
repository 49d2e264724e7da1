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
    headline_text,
    item_terms,
    number_keys,
    own_terms,
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


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Two men shot outside bar - Fairhaven Daily News", "Two men shot outside bar"),
        ("Woman wounded on Quarry Road | Local | Lindenport Post", "Woman wounded on Quarry Road"),
        ("Ana Ruiz « WXYZ Radio", "Ana Ruiz WXYZ Radio"),  # separators go, words stay
        (
            "Zorvex - Quillon merger talks collapse after regulators object",
            "Zorvex Quillon merger talks collapse after regulators object",
        ),
    ],
    ids=["dash-site", "pipe-section-site", "too-short-to-strip", "long-tail-kept"],
)
def test_similarity_headline_text_drops_site_labels(title, expected):
    assert headline_text(title) == expected


def test_similarity_site_label_is_not_a_key():
    terms = item_terms(StoryItem(id="1", title="Man shot on Elm Street - Riverside Gazette"))
    assert "gazette" not in terms.keys and "gazette" not in terms.title
    assert "elm" in terms.keys


def test_similarity_decayed_frequencies_forget_old_articles():
    plain, decayed = DocumentFrequencies(), DocumentFrequencies(half_life=10)
    for dfs in (plain, decayed):
        for _ in range(50):
            dfs.add(item_terms(StoryItem(id="x", title="ferry strike")))
        for _ in range(50):
            dfs.add(item_terms(StoryItem(id="y", title="harbour fire")))
    # 50 articles ago "ferry" was everywhere: the running counts still say so, the decayed
    # counts have forgotten it and treat it as rare again.
    assert plain.word_idf("ferry") == pytest.approx(plain.word_idf("harbour"))
    assert decayed.word_idf("ferry") > decayed.word_idf("harbour") + 1.0
    assert decayed.n_docs == 100


def test_similarity_decayed_frequencies_rescale_without_changing_idf():
    dfs = DocumentFrequencies(half_life=1)
    for i in range(600):  # 2^600 overflows unless the weights are rescaled
        dfs.add(item_terms(StoryItem(id=str(i), title="ferry strike" if i % 2 else "harbour")))
    assert math.isfinite(dfs.word_idf("ferry"))
    assert dfs.word_idf("ferry") < dfs.word_idf("lighthouse")


@pytest.mark.parametrize(
    ("df", "expected"),
    [({"whitby": 3.0, "chicago": 40.0}, 1), ({"whitby": 4.0, "chicago": 40.0}, 0)],
    ids=["only-story-and-item", "one-more-article-has-it"],
)
def test_similarity_own_terms_counts_terms_nobody_outside_the_story_has(df, expected):
    # Two of the story's articles name Whitby; the item (counted in df) does too.
    story_docs = {"whitby": 2, "chicago": 2}
    assert own_terms(["whitby", "chicago", "marlow"], story_docs, df) == expected


def test_similarity_stop_words_follow_the_article_language():
    from europenews.stories.similarity import STOP_WORDS, stop_words

    assert stop_words(None) is STOP_WORDS and stop_words("en") is STOP_WORDS
    assert stop_words("zz") is STOP_WORDS and stop_words("../x") is STOP_WORDS
    french = stop_words("fr")
    assert {"les", "dans", "une"} <= french and french >= STOP_WORDS
    # English content words that are stop words elsewhere stay words in English articles.
    assert "die" in stop_words("de") and "die" not in STOP_WORDS
    item = StoryItem("x", title="Les pompiers dans la vallée",
                     text="Les habitants de la vallée ont été évacués dans la nuit.",
                     language="fr")
    terms = item_terms(item)
    assert set(terms.title) == {"pompiers", "vallée"}
    assert "les" not in terms.keys and "dans" not in terms.body


def test_similarity_stop_words_are_scikit_learns() -> None:
    # Written out so that the writer does not import scikit-learn (and SciPy) for one set.
    from sklearn.feature_extraction.text import (  # type: ignore[import-untyped]
        ENGLISH_STOP_WORDS as SKLEARN,
    )

    from europenews.stories.stopwords import ENGLISH_STOP_WORDS

    assert ENGLISH_STOP_WORDS == SKLEARN
