"""How many URLs of a JSONL file (``url`` per line) change under ``canonical_url``, by what
changes (host and port, query, fragment, path, scheme): what a store that kept only the
canonical form would have exported in place of the ingested URL.

    .venv/bin/python bench/url_changes.py ../shared/data/clustering/gva-incidents/articles.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from urllib.parse import urlsplit

from europenews.ingest.fingerprint import canonical_url


def change_kind(url: str) -> str | None:
    """What ``canonical_url`` changes in ``url`` ("netloc+query", ...), None when nothing."""
    canonical = canonical_url(url)
    if canonical == url:
        return None
    a, b = urlsplit(url), urlsplit(canonical)
    parts = [name for name, x, y in (("netloc", a.netloc, b.netloc), ("query", a.query, b.query),
                                     ("path", a.path, b.path), ("scheme", a.scheme, b.scheme))
             if x != y]
    if a.fragment:
        parts.append("fragment")
    return "+".join(parts) or "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl")
    args = parser.parse_args()
    kinds: Counter[str] = Counter()
    urls = 0
    with open(args.jsonl, encoding="utf-8") as fh:
        for line in fh:
            url = json.loads(line).get("url") if line.strip() else None
            if not url:
                continue
            urls += 1
            kind = change_kind(url)
            if kind is not None:
                kinds[kind] += 1
    print(json.dumps({"urls": urls, "changed": sum(kinds.values()), "by_change": dict(kinds)}))


if __name__ == "__main__":
    main()
