"""CPU time of the quote finder alone on parsed GVA articles, and a digest of what it found.

    .venv/bin/python bench/quotes_cpu.py parse --n 300 --cache /tmp/quotes10/gva.pkl
    PYTHONPATH=OLD/src .venv/bin/python bench/quotes_cpu.py time --cache ... --repeat 2
    PYTHONPATH=NEW/src .venv/bin/python bench/quotes_cpu.py time --cache ... --repeat 2

``parse`` runs the pipeline up to the entities on the first N shared GVA articles with text and
pickles the Docs (outside the repository). ``time`` runs ``find_quotes`` over them ``--repeat``
times and prints the process CPU seconds, the number of quotes and a digest of every quote's
fields: run it with two checkouts' sources in turn, in the same minutes, to see whether a change
is faster and whether its output is identical (the same digest).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import time
from pathlib import Path

from europenews.analyze.extensions import register_extensions
from europenews.analyze.quotes import find_quotes, load_quote_lexicon

GVA = (Path(__file__).resolve().parents[2]
       / "shared/data/clustering/gva-incidents/articles.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("parse", "time"))
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    register_extensions()
    if args.mode == "parse":
        from europenews.analyze.pipeline import build_pipeline
        from europenews.config import Settings

        texts: list[str] = []
        with GVA.open(encoding="utf-8") as fh:
            for line in fh:
                text = (json.loads(line).get("text") or "").strip()
                texts += [text] if text else []
                if len(texts) >= args.n:
                    break
        nlp = build_pipeline(Settings(components=("europenews_gazetteer", "europenews_entities")))
        args.cache.write_bytes(pickle.dumps(list(nlp.pipe(texts, batch_size=32)), protocol=5))
        return
    docs = pickle.loads(args.cache.read_bytes())
    lex = load_quote_lexicon()
    began = time.process_time()
    for _ in range(args.repeat):
        found = [find_quotes(doc, lex) for doc in docs]
    seconds = time.process_time() - began
    print(json.dumps({"articles": len(docs), "repeat": args.repeat, "cpu_s": round(seconds, 3),
                      "quotes": sum(map(len, found)),
                      "digest": hashlib.sha256(repr(found).encode()).hexdigest()[:16]}))


if __name__ == "__main__":
    main()
