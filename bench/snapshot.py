"""Record what EuropeNews prints, to show a refactoring changed no behaviour.

Writes, into OUT (a folder outside the repository: the outputs hold shared article text):
- ``analyze.jsonl``: ``europenews analyze`` on the seed article and a fixed sample of the
  shared sets (GVA, ECB+, PolNeAR train and dev, TR-News, SlavicNER, UCI headlines);
- ``eval-*.json``: every ``europenews eval`` figure (``--quick`` runs only the analysis and
  the fast evaluations).

Compare two snapshots with ``python bench/snapshot.py --compare A B``.

Usage: .venv/bin/python bench/snapshot.py OUT [--quick] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EN = str(REPO / ".venv" / "bin" / "europenews")


def _jsonl(path: Path, n: int, step: int = 1) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    out: list[dict] = []
    with opener(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % step == 0 and line.strip():
                out.append(json.loads(line))
            if len(out) >= n:
                break
    return out


def sample_articles(shared: Path) -> list[dict]:
    """A fixed sample of every kind of shared article, as analyze input lines."""
    data = shared / "data"
    items: list[dict] = []
    seed = (shared / "samples" / "ukraine-nato-security-guarantees.txt").read_text("utf-8")
    items.append({"id": "seed", "text": seed})
    for row in _jsonl(data / "clustering" / "gva-incidents" / "articles.jsonl", 120, step=37):
        items.append({k: row.get(k) for k in ("id", "title", "text", "published", "url", "source")})
    for row in _jsonl(data / "clustering" / "ecbplus" / "articles.jsonl", 60, step=11):
        items.append({k: row.get(k) for k in ("id", "title", "text", "source")})
    for part, n in (("train", 40), ("dev", 20)):
        files = sorted((data / "quotes" / "polnear" / part / "text").glob("*.txt"))
        for p in files[:: max(1, len(files) // n)][:n]:
            items.append({"id": f"polnear-{part}-{p.stem}", "text": p.read_text("utf-8")})
    root = ET.parse(data / "geo" / "tr-news" / "TR-News.xml").getroot()
    for i, art in enumerate(root.iter("article")):
        if i % 8 == 0:
            text = art.findtext("text") or ""
            if text.strip():
                items.append({"id": f"trnews-{i}", "text": text})
    for row in _jsonl(data / "multilingual" / "slavicner" / "documents.jsonl", 20, step=150):
        items.append({"id": row["id"], "text": row["text"], "language": row.get("language")})
    for row in _jsonl(data / "clustering" / "uci-news-aggregator" / "articles.jsonl.gz", 20,
                      step=9000):
        items.append({"id": row["id"], "title": row["title"], "text": row["title"]})
    return [{k: v for k, v in it.items() if v is not None} for it in items]


EVALS = [
    ("ner", ["ner", "{d}/ner/conll2003/eng.testa"], True),
    ("quotes-dev", ["quotes", "{d}/quotes"], True),
    ("geo", ["geo", "{d}/geo/tr-news/TR-News.xml"], True),
    ("stories-ecbplus", ["stories", "{d}/clustering/ecbplus"], True),
    ("events", ["events", "{d}/events"], False),
    ("quotes-train", ["quotes", "{d}/quotes/polnear/train"], False),
    ("stories-gva", ["stories", "{d}/clustering/gva-incidents"], False),
    ("stories-uci", ["stories", "{d}/clustering/uci-news-aggregator"], False),
]


def snapshot(out: Path, shared: Path, quick: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    inputs = out / "inputs.jsonl"
    with inputs.open("w", encoding="utf-8") as f:
        for item in sample_articles(shared):
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    t = time.time()
    with (out / "analyze.jsonl").open("wb") as f:
        subprocess.run([EN, "analyze", str(inputs), "--format", "jsonl"], stdout=f, check=True)
    print(f"analyze: {time.time() - t:.0f} s", file=sys.stderr)
    for name, args, fast in EVALS:
        if quick and not fast:
            continue
        t = time.time()
        argv = [EN, "eval", *(a.format(d=shared / "data") for a in args)]
        proc = subprocess.run(argv, capture_output=True, check=True)
        text = proc.stdout.decode()
        (out / f"eval-{name}.json").write_text(text, encoding="utf-8")
        print(f"eval {name}: {time.time() - t:.0f} s", file=sys.stderr)


def _strip_volatile(obj: object) -> object:
    """Timings and machine facts differ between runs; everything else must not."""
    if isinstance(obj, dict):
        return {k: _strip_volatile(v) for k, v in obj.items()
                if k not in {"seconds", "elapsed", "machine", "articles_per_second", "time",
                             "wall_seconds", "per_article_ms", "docs_per_second",
                             "articles_per_s", "data"}}
    if isinstance(obj, list):
        return [_strip_volatile(v) for v in obj]
    return obj


def compare(a: Path, b: Path) -> int:
    diffs = 0
    la = (a / "analyze.jsonl").read_text("utf-8").splitlines()
    lb = (b / "analyze.jsonl").read_text("utf-8").splitlines()
    if len(la) != len(lb):
        print(f"analyze: {len(la)} vs {len(lb)} lines")
        diffs += 1
    for x, y in zip(la, lb, strict=False):
        if x != y:
            diffs += 1
            print(f"analyze differs: {json.loads(x).get('id')}")
    for fa in sorted(a.glob("eval-*.json")):
        fb = b / fa.name
        if not fb.exists():
            print(f"{fa.name}: missing in {b}")
            continue
        ja = _strip_volatile(json.loads(fa.read_text("utf-8")))
        jb = _strip_volatile(json.loads(fb.read_text("utf-8")))
        if ja != jb:
            diffs += 1
            print(f"{fa.name} differs")
    print(f"{diffs} differences")
    return 1 if diffs else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("out", nargs="?")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    args = ap.parse_args()
    if args.compare:
        sys.exit(compare(Path(args.compare[0]), Path(args.compare[1])))
    if not args.out:
        ap.error("OUT is required")
    snapshot(Path(args.out), Path(args.shared), args.quick)


if __name__ == "__main__":
    main()
