"""Find passages of the shared evaluation texts inside the repository's tracked files.

The data READMEs forbid copying their article text into the repository, tests and comments
included. This lists every tracked text file that shares a run of ``--words`` consecutive words
(case and punctuation ignored) with a shared article, with the article it matches, so a person
can tell a copied sentence from a common news phrase ("people were killed and two others were
wounded" is both). ``examples/`` holds the seed article, which may be copied, and is skipped.

    .venv/bin/python scripts/copycheck.py [--data ../shared/data] [--words 8]

Exit 0 always: the judgement is a reader's, not the script's.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

WORD = re.compile(r"\w+")
TEXT_SUFFIXES = {".py", ".md", ".txt", ".json", ".jsonl", ".toml", ".html", ".tsv", ".csv"}
JSONL_SETS = (
    "clustering/gva-incidents/articles.jsonl",
    "clustering/ecbplus/articles.jsonl",
    "entities/ecbplus/documents.jsonl",
    "multilingual/slavicner/documents.jsonl",
    "multilingual/langid.jsonl",
)


def shared_texts(data: Path) -> Iterator[tuple[str, str]]:
    """(text, where it comes from) for every shared article, headline and document."""
    for path in sorted((data / "quotes").rglob("*")):
        if path.is_file() and "text" in path.parts:
            yield path.read_text(encoding="utf-8", errors="replace"), f"polnear {path.name}"
    for name in JSONL_SETS:
        path = data / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    row = json.loads(line)
                    text = " ".join(str(row.get(k) or "") for k in ("title", "lead", "text"))
                    yield text, f"{name} {row.get('id')}"
    uci = data / "clustering/uci-news-aggregator/articles.jsonl.gz"
    if uci.exists():
        with gzip.open(uci, "rt", encoding="utf-8") as lines:
            for line in lines:
                yield str(json.loads(line).get("title") or ""), "uci headline"
    for path in sorted((data / "geo").rglob("*.xml")):
        yield path.read_text(encoding="utf-8", errors="replace"), f"geo {path.name}"
    for path in sorted((data / "ner").rglob("eng.*")):
        tokens = (line.split(" ")[0] for line in path.read_text(encoding="utf-8").splitlines())
        yield " ".join(tokens), f"ner {path.name}"


def runs(text: str, size: int) -> Iterator[tuple[int, str]]:
    """Hash and text of every run of ``size`` words."""
    words = WORD.findall(text.lower())
    for i in range(len(words) - size + 1):
        run = tuple(words[i : i + size])
        yield hash(run), " ".join(run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--words", type=int, default=8)
    args = parser.parse_args()
    seen: dict[int, str] = {}
    for text, origin in shared_texts(args.data):
        for key, _ in runs(text, args.words):
            seen.setdefault(key, origin)
    tracked = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True)
    for name in tracked.stdout.split():
        path = Path(name)
        if path.suffix not in TEXT_SUFFIXES or name.startswith("examples/"):
            continue
        found = [(seen[k], run) for k, run in runs(path.read_text(errors="replace"), args.words)
                 if k in seen]
        if found:
            print(f"{name}: {len(found)}")
            for origin, run in found[:5]:
                print(f"    {origin}: {run}")


if __name__ == "__main__":
    main()
