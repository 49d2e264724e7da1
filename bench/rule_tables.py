"""The rule tables against the model's own attribute ruler and lemmatizer, token by token.

    .venv/bin/python bench/rule_tables.py [--gva 600] [--ecb 300] [--polnear 200] [--fr 0]

Loads the model twice with our tokenizer: once as it is, once with ``use_rule_tables``
(``analyze/ruletable.py``). Every text goes through both; the script compares, for every token,
``tag_``, ``pos_``, ``morph``, ``lemma_``, ``dep_``, head, norm and entity values, and each
Doc's ``to_bytes()``. It prints JSON: texts, tokens, differences (must be 0), the first few
differing tokens, and the CPU time of the attribute ruler and lemmatizer in each pipeline.
``--fr N`` adds N French texts (WikiNEuRal sentences, joined ten to a text) through the French
model. Texts are read from ``../shared/data``; nothing of them is written out but counts and,
for a difference, the token's form.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.pipeline import TOKENIZER_CONFIG
from europenews.analyze.ruletable import use_rule_tables
from europenews.config import Settings
from europenews.evaluate.polnear import read_polnear

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data"
COMPARED = [TAG, POS, MORPH, LEMMA, DEP, HEAD, NORM, ENT_IOB, ENT_TYPE]
TIMED = ("attribute_ruler", "lemmatizer")


def jsonl_texts(path: Path, n: int) -> list[str]:
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if text.strip():
                out.append(text)
            if len(out) >= n:
                break
    return out


def french_texts(n: int) -> list[str]:
    sentences: list[str] = []
    with gzip.open(DATA / "multilingual/wikineural/fr/val.conllu.gz", "rt", encoding="utf-8") as fh:
        words: list[str] = []
        for line in fh:
            if not line.strip():
                if words:
                    sentences.append(" ".join(words))
                words = []
            elif not line.startswith("#"):
                words.append(line.split("\t")[1])
            if len(sentences) >= n * 10:
                break
    return [" ".join(sentences[i:i + 10]) for i in range(0, len(sentences), 10)][:n]


def run(nlp: Language, texts: list[str]) -> tuple[list[Doc], dict[str, float]]:
    """The texts through ``nlp`` one component at a time, with each component's CPU time."""
    docs = [nlp.make_doc(t) for t in texts]
    spent: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [
            proc(d) for d in docs]
        spent[name] = round(time.process_time() - start, 3)
    return docs, spent


def differences(real: list[Doc], fast: list[Doc]) -> Iterator[dict[str, Any]]:
    for n, (a, b) in enumerate(zip(real, fast, strict=True)):
        left, right = a.to_array(COMPARED), b.to_array(COMPARED)
        for i in range(len(a)):
            if (left[i] != right[i]).any():
                ta, tb = a[i], b[i]
                yield {"text": n, "token": i, "form": ta.text,
                       "real": [ta.tag_, ta.pos_, str(ta.morph), ta.lemma_, ta.dep_],
                       "table": [tb.tag_, tb.pos_, str(tb.morph), tb.lemma_, tb.dep_]}
        if a.to_bytes(exclude=["user_data"]) != b.to_bytes(exclude=["user_data"]):
            yield {"text": n, "token": None, "form": "to_bytes differs"}


def compare(model: str, texts: list[str], repeat: int) -> dict[str, Any]:
    real_nlp = spacy.load(model, config=TOKENIZER_CONFIG)
    fast_nlp = spacy.load(model, config=TOKENIZER_CONFIG)
    use_rule_tables(fast_nlp)
    found: list[dict[str, Any]] = []
    count, tokens = 0, 0
    real_time: dict[str, list[float]] = {n: [] for n in TIMED}
    fast_time: dict[str, list[float]] = {n: [] for n in TIMED}
    # The tables start empty and fill as they read: the first pass is the cold one, later
    # passes read what they learned (as a long-running worker does).
    for _ in range(repeat):
        real, spent_real = run(real_nlp, texts)
        fast, spent_fast = run(fast_nlp, texts)
        for name in TIMED:
            if name in spent_real:
                real_time[name].append(spent_real[name])
                fast_time[name].append(spent_fast[name])
        for diff in differences(real, fast):
            count += 1
            if len(found) < 10:
                found.append(diff)
        tokens += sum(len(d) for d in real)
    sizes = {n: len(fast_nlp.get_pipe(n).table) for n in TIMED if n in fast_nlp.pipe_names}
    return {"model": model, "texts": len(texts), "tokens_compared": tokens, "table_entries": sizes,
            "differences": count, "first_differences": found,
            "cpu_seconds_per_pass": {"real": real_time, "tables": fast_time}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gva", type=int, default=600)
    parser.add_argument("--ecb", type=int, default=300)
    parser.add_argument("--polnear", type=int, default=200)
    parser.add_argument("--fr", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    texts = (jsonl_texts(DATA / "clustering/gva-incidents/articles.jsonl", args.gva)
             + jsonl_texts(DATA / "clustering/ecbplus/articles.jsonl", args.ecb)
             + [d.text for d in read_polnear(DATA / "quotes/polnear/train", args.polnear)])
    result = {"english": compare(Settings().model, texts, args.repeat)}
    if args.fr:
        result["french"] = compare("fr_core_news_md", french_texts(args.fr), args.repeat)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
