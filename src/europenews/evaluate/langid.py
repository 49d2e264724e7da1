"""``europenews eval langid ITEMS.jsonl``: language identification as ``analyze`` does it.

Each item (``{"id", "language", "kind", "text"}``, the format of
``../shared/data/multilingual/README.md``) goes in as an article with only its text, as
``analyze`` reads a JSON line with no ``language``; its language is the one the article
leaves ``ingest.bounds`` with. Accuracy per ``kind``, per kind and language, and the macro
accuracy over languages per kind.

``--part`` splits the items reproducibly by a checksum of their id: ``dev`` (even) and
``report`` (odd); develop on one, report the other.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from europenews.errors import InputError
from europenews.ingest.bounds import bound_article
from europenews.model import Article

PARTS = ("dev", "report", "all")


def in_part(item_id: str, part: str) -> bool:
    """Whether the item belongs to ``part``: dev and report halve the items by id."""
    return part == "all" or (zlib.crc32(item_id.encode("utf-8")) % 2 == 0) == (part == "dev")


def detected_language(text: str) -> str:
    """What ``analyze`` gives an input line with this text and no language."""
    return bound_article(Article(text, language=None)).language or ""


def evaluate_langid(path: Path, part: str = "all") -> dict[str, Any]:
    """Accuracy per kind (and per kind and language) on the items of ``part``."""
    if part not in PARTS:
        raise InputError(f"part {part!r}: unknown (use one of {', '.join(PARTS)})")
    total: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            key = (str(item["kind"]), str(item["language"]))
            item_id, text = str(item["id"]), str(item["text"])
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}: not a language-identification item ({exc})") from exc
        if not in_part(item_id, part) or not text.strip():
            continue
        total[key] += 1
        right[key] += detected_language(text) == key[1]
    kinds: dict[str, Any] = {}
    for kind in sorted({k for k, _ in total}):
        langs = sorted(lang for k, lang in total if k == kind)
        n = sum(total[(kind, lang)] for lang in langs)
        ok = sum(right[(kind, lang)] for lang in langs)
        per = {lang: round(right[(kind, lang)] / total[(kind, lang)], 4) for lang in langs}
        kinds[kind] = {"items": n, "accuracy": round(ok / n, 4),
                       "macro": round(sum(per.values()) / len(per), 4), "per_language": per}
    return {"part": part, "kinds": kinds}
