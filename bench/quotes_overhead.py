"""How much time quote extraction adds to ``analyze`` (issue 3: at most 20%).

Parses PolNeAR texts once with the full pipeline minus ``europenews_quotes``, then times the
quote component alone on the same Docs (it reads the existing parse; nothing is parsed again).
Prints JSON. Usage: ``python bench/quotes_overhead.py [DATA] [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from europenews.analyze.pipeline import build_pipeline
from europenews.evaluate.polnear import read_polnear

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    texts = [d.text for d in read_polnear(Path(args.data), args.limit)]
    nlp = build_pipeline()
    quotes = nlp.get_pipe("europenews_quotes")
    with nlp.select_pipes(disable=["europenews_quotes"]):
        nlp("warm-up")
        began = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        rest = time.perf_counter() - began
    began = time.perf_counter()
    for doc in docs:
        quotes(doc)
    own = time.perf_counter() - began
    print(json.dumps({
        "documents": len(docs),
        "characters": sum(len(t) for t in texts),
        "pipeline_without_quotes_s": round(rest, 2),
        "quotes_s": round(own, 3),
        "overhead_percent": round(100 * own / rest, 2),
        "quotes_found": sum(len(d._.quotes) for d in docs),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
    }, indent=2))


if __name__ == "__main__":
    main()
