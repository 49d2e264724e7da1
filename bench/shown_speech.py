"""Shown reported and mixed quotes to read by eye: is what the pages print as reported speech
something the speaker said or thought?

    .venv/bin/python bench/shown_speech.py parse GVA_HALF_A.jsonl DOCS.pkl [--gva 300]
    PYTHONPATH=<sources> .venv/bin/python bench/shown_speech.py dump DOCS.pkl OUT.json
    .venv/bin/python bench/shown_speech.py sample OUT.json --n 40 --seed 18

``parse`` runs the pipeline up to the entities over the odd (development) ECB+ topics of
``../shared/data/entities/ecbplus/documents.jsonl`` and the first ``--gva`` articles with text
of a GVA file, and pickles the Docs outside the repository. ``dump`` runs ``find_quotes`` (of
the sources on ``PYTHONPATH``) over them and writes every shown quote that is not direct, with
its sentence. ``sample`` prints ``--n`` of them from each corpus, drawn with ``--seed``, for a
reader to judge; the count of speech among them is the figure (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
from pathlib import Path

from europenews.analyze.extensions import register_extensions
from europenews.analyze.quotes import find_quotes, load_quote_lexicon

ECBPLUS = Path(__file__).resolve().parents[2] / "shared/data/entities/ecbplus/documents.jsonl"


def parse(gva: Path, out: Path, n_gva: int) -> None:
    from europenews.analyze.pipeline import build_pipeline
    from europenews.config import Settings

    items = []
    with ECBPLUS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if int(d["topic"]) % 2 == 1:
                items.append(("ecb:" + d["id"], d["text"]))
    with gva.open(encoding="utf-8") as fh:
        texts = ((d["id"], (d.get("text") or "").strip()) for d in map(json.loads, fh))
        items += [("gva:" + i, t) for i, t in texts if t][:n_gva]
    nlp = build_pipeline(Settings(components=("europenews_gazetteer", "europenews_entities")))
    docs = list(nlp.pipe([t for _, t in items], batch_size=32))
    out.write_bytes(pickle.dumps(([i for i, _ in items], docs), protocol=5))


def dump(cache: Path, out: Path) -> None:
    ids, docs = pickle.loads(cache.read_bytes())
    lex = load_quote_lexicon()
    rows = []
    for item, doc in zip(ids, docs, strict=True):
        for q in find_quotes(doc, lex):
            if not q.shown or q.kind == "direct":
                continue
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            rows.append({"id": item, "kind": q.kind, "text": q.text,
                         "cue": q.cue.text if q.cue else None,
                         "speaker": q.speaker.mention.text if q.speaker and q.speaker.mention
                         else None,
                         "sentence": span[0].sent.text if span is not None and len(span) else ""})
    out.write_text(json.dumps(rows, indent=0), encoding="utf-8")
    print(len(rows))


def sample(dumped: Path, n: int, seed: int) -> None:
    rows = json.loads(dumped.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    for corpus in ("ecb:", "gva:"):
        pool = [r for r in rows if r["id"].startswith(corpus)]
        for r in rng.sample(pool, min(n, len(pool))):
            print(json.dumps(r, ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse")
    p.add_argument("gva", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--gva", dest="n_gva", type=int, default=300)
    d = sub.add_parser("dump")
    d.add_argument("cache", type=Path)
    d.add_argument("out", type=Path)
    s = sub.add_parser("sample")
    s.add_argument("dumped", type=Path)
    s.add_argument("--n", type=int, default=40)
    s.add_argument("--seed", type=int, default=18)
    args = ap.parse_args()
    register_extensions()
    if args.command == "parse":
        parse(args.gva, args.out, args.n_gva)
    elif args.command == "dump":
        dump(args.cache, args.out)
    else:
        sample(args.dumped, args.n, args.seed)


if __name__ == "__main__":
    main()
