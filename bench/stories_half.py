"""Score the shipped story model on one half of a clustering set's stories.

    .venv/bin/python bench/stories_half.py ../shared/data/clustering/uci-news-aggregator \
        --half B [--limit N]

The halves are `bench/train_stories.py`'s (stories split by a hash of their id), streamed in
the set's prescribed order through the real online clusterer. With the whole UCI stream, one
half is about 150k headlines over all 104 days: close to the density of a held-out part of
the set, which the whole shared stream (twice as dense) is not. Prints scores as JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

from europenews.stories.cluster import load_decision_model
from europenews.stories.minilm import default_embedder, embedder_name
from train_stories import load, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--half", choices=["A", "B"], required=True)
    parser.add_argument("--limit", type=int, default=None, help="first N lines of the set only")
    parser.add_argument("--merge", type=float, default=None, help="merge threshold to try")
    parser.add_argument("--no-merge", action="store_true", help="never merge stories")
    parser.add_argument("--words-only", action="store_true",
                        help="no headline vectors even when the model is installed")
    args = parser.parse_args()
    records = load(args.folder, args.half, args.limit)
    started = time.perf_counter()
    model = load_decision_model()
    if args.no_merge:
        model = dataclasses.replace(model, merge_headline=None, merge_full=None,
                                    merge_undated=None)
    elif args.merge is not None:
        model = dataclasses.replace(model, merge_headline=args.merge, merge_full=args.merge,
                                    merge_undated=args.merge)
    embedder = None if args.words_only else default_embedder()
    scores = run(records, model, embedder)
    seconds = time.perf_counter() - started
    print(json.dumps({"set": args.folder.name, "half": args.half, "limit": args.limit,
                      "articles": len(records), "seconds": round(seconds, 1),
                      "merge": None if args.no_merge else args.merge,
                      "placed_by": embedder_name(embedder), **scores}, indent=2))


if __name__ == "__main__":
    main()
