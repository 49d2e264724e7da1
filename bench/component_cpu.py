"""CPU of our components alone, on Docs the model has already parsed: what a change to
``analyze/`` costs or saves, without the model's share (about four fifths of the analysis)
drowning it. Run old and new code alternately (``PYTHONPATH=<sources>``) in the same minutes.

    .venv/bin/python bench/analysis_diff.py sample GVA.jsonl 400 IN.jsonl
    PYTHONPATH=src .venv/bin/python bench/component_cpu.py IN.jsonl [--n 200] [--repeat 3]

The model's components run once; the Docs are kept as bytes and restored before each timed
round (so every round starts from the same parses), each of our components timed with
``process_time``, then the export to ``Analysis``. A first round warms the tables and caches
and is not counted. Prints JSON: CPU seconds per component and in all, one value per round.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from spacy.tokens import Doc

from europenews.analyze.export import doc_to_analysis
from europenews.analyze.pipeline import build_pipeline, make_doc
from europenews.model import Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="JSONL with id, title, text")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles: list[Article] = []
    with args.articles.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            articles.append(Article(text=row["text"], id=row["id"], title=row.get("title"),
                                    language="en"))
            if len(articles) == args.n:
                break
    nlp = build_pipeline()
    ours = [n for n in nlp.pipe_names if n.startswith("europenews_")]
    docs = [make_doc(nlp, a) for a in articles]
    for name in nlp.pipe_names:
        if name not in ours:
            docs = list(nlp.get_pipe(name).pipe(docs, batch_size=32))  # type: ignore[attr-defined]
    blobs = [doc.to_bytes() for doc in docs]
    rounds: dict[str, list[float]] = {k: [] for k in [*ours, "export", "total"]}
    for r in range(args.repeat + 1):
        docs = [Doc(nlp.vocab).from_bytes(b) for b in blobs]
        spent = dict.fromkeys([*ours, "export"], 0.0)
        start = time.process_time()
        for doc, article in zip(docs, articles, strict=True):
            for name in ours:
                t0 = time.process_time()
                doc = nlp.get_pipe(name)(doc)
                spent[name] += time.process_time() - t0
            t0 = time.process_time()
            doc_to_analysis(doc, article)
            spent["export"] += time.process_time() - t0
        total = time.process_time() - start
        if r == 0:
            continue  # the warm-up round
        for key, value in spent.items():
            rounds[key].append(round(value, 3))
        rounds["total"].append(round(total, 3))
    print(json.dumps({"articles": len(articles), "cpu_s": rounds}))


if __name__ == "__main__":
    main()
