"""MiniLM vectors of full texts' title and lead, for trying them as story evidence (issue 20).

    .venv/bin/python bench/lead_vectors.py [--data ../shared/data/clustering] [--half A]
        [--cache /tmp/stories13/lead.pkl] [--sentences 2] [--cost 200]

``LeadEmbedder`` is an embedder for ``OnlineClusterer``: a headline-only item gets its
headline's vector exactly as the shipped ``HeadlineEmbedder`` gives it (so headline items are
untouched), a full text the vector of its title followed by its lead, the first sentences of
the body the clusterer sees (page furniture already dropped by ``prepare``), after short lines
that end no sentence (a dateline, "January 1, 2013 7:18 PM", a byline). Vectors are kept in a
cache keyed by the embedded text, so the two-part runs of ``story_trees.py`` encode each text
once. Run as a script it fills the cache for one half of gva-incidents in batches and, with
``--cost N``, times N texts one at a time and in batches (CPU seconds of this process).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import time
from pathlib import Path

import numpy as np

from europenews.stories.items import StoryItem
from europenews.stories.minilm import MAX_TOKENS, embed_text, load_minilm
from europenews.stories.similarity import headline_text
from train_stories import item_of, load

# A sentence ends at . ! ? (or a closing quote after one) followed by a space and a capital,
# a digit or an opening quote; abbreviations like "St." or "Jan." split a sentence early, which
# only shortens the lead.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")
MIN_LINE_WORDS = 6  # shorter lines that end no sentence are datelines, bylines, captions
LEAD_CHARS = 600  # at most this much of the lead (a 2-sentence lead is 200-400 characters)


def lead(text: str, sentences: int = 2) -> str:
    """The first ``sentences`` sentences of a body, skipping short lines that end no sentence."""
    kept: list[str] = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if len(line.split()) < MIN_LINE_WORDS and not line.endswith((".", "!", "?", '"', "”")):
            continue
        kept.extend(s for s in SENTENCE_END.split(line) if s)
        if len(kept) >= sentences:
            break
    return " ".join(kept[:sentences])[:LEAD_CHARS]


def lead_text(item: StoryItem, sentences: int = 2) -> str | None:
    """What is embedded: the headline of a headline-only item (as shipped), else title + lead."""
    if not item.text.strip():
        return embed_text(item)
    title = headline_text(item.title).strip()
    body = lead(item.text, sentences)
    if title and body:
        return f"{title}. {body}"
    return title or body or None


class LeadEmbedder:
    """An embedder with a cache by embedded text (in memory, saved to ``path`` on ``save``)."""

    def __init__(self, path: Path | None = None, sentences: int = 2,
                 full: bool = True) -> None:
        self.path = path
        self.sentences = sentences
        self.full = full  # False: headline-only items alone, as shipped
        self.cache: dict[str, np.ndarray] = {}
        if path is not None and path.exists():
            self.cache = pickle.loads(path.read_bytes())
        self.encoded = 0

    def text(self, item: StoryItem) -> str | None:
        if not self.full and item.text.strip():
            return None
        return lead_text(item, self.sentences)

    def warm(self, items: list[StoryItem]) -> None:
        texts = list(dict.fromkeys(
            t for t in map(self.text, items) if t is not None and _key(t) not in self.cache))
        model = load_minilm()
        if texts and model is not None:
            for text, vec in zip(texts, model.encode(texts), strict=True):
                self.cache[_key(text)] = vec
            self.encoded += len(texts)

    def __call__(self, item: StoryItem) -> np.ndarray | None:
        text = self.text(item)
        if text is None:
            return None
        key = _key(text)
        vec = self.cache.get(key)
        if vec is None:
            model = load_minilm()
            if model is None:
                return None
            vec = self.cache[key] = model.encode([text])[0]
            self.encoded += 1
        return vec

    def save(self) -> None:
        if self.path is not None and self.encoded:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.cache))
            self.encoded = 0


def _key(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def cost(texts: list[str]) -> dict[str, float]:
    """CPU ms per text, one at a time and in batches of 32, and the mean token count."""
    model = load_minilm()
    assert model is not None
    model.encode(texts[:4])  # weights touched once
    start = time.process_time()
    for text in texts:
        model.encode([text])
    single = time.process_time() - start
    start = time.process_time()
    model.encode(texts)
    batched = time.process_time() - start
    tokens = [len(model.tokenizer.encode(t, MAX_TOKENS)) for t in texts]
    return {
        "texts": len(texts),
        "cpu_ms_one_at_a_time": round(1000 * single / len(texts), 2),
        "cpu_ms_batched": round(1000 * batched / len(texts), 2),
        "mean_tokens": round(sum(tokens) / len(tokens), 1),
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/clustering"))
    parser.add_argument("--half", choices=["A", "B"], default="A")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/stories13/lead.pkl"))
    parser.add_argument("--sentences", type=int, default=2)
    parser.add_argument("--cost", type=int, default=0, help="time this many texts")
    args = parser.parse_args()
    records = load(args.data / "gva-incidents", args.half, None)
    items = [item_of(r, i) for i, r in enumerate(records)]
    embedder = LeadEmbedder(args.cache, args.sentences)
    if args.cost:
        chosen = [item for item in items if embedder.text(item)][: args.cost]
        # The same items' headlines alone, in the same minute: what the shipped vectors cost.
        heads = [headline_text(item.title) or "-" for item in chosen]
        print(json.dumps({"title_and_lead": cost([str(embedder.text(i)) for i in chosen]),
                          "headline": cost(heads)}))
        return
    embedder.warm(items)
    embedder.save()
    print(json.dumps({"half": args.half, "items": len(items), "cached": len(embedder.cache)}))


if __name__ == "__main__":
    main()
