"""``europenews eval wikineural DIR --language fr``: names in another language, by the recipe
of ``../shared/data/multilingual/README.md``.

Each sentence is the space-joined tokens, analysed through ``analyze`` with the sentence's
language; a predicted entity mention scores when its character span is exactly a gold
name's (PER, LOC, ORG; MISC left out) and its type maps to the gold one (person → PER,
place → LOC, organization → ORG; misc counts as nothing).

``--part`` splits the file reproducibly: ``dev`` is every even-numbered sentence (0, 2, ...),
``report`` every odd one; develop on one, report the other.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from europenews.analyze.pipeline import analyze_articles, build_pipeline
from europenews.config import Settings
from europenews.errors import InputError
from europenews.evaluate.ner import score
from europenews.model import Analysis, Article

GOLD_TYPES = frozenset({"PER", "LOC", "ORG"})
TYPE_OF = {"person": "PER", "place": "LOC", "organization": "ORG"}
PARTS = ("dev", "report", "all")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    gold: frozenset[tuple[int, int, str]]


def sentence_from_tokens(tokens: list[tuple[str, str]]) -> Sentence:
    """The sentence's text (tokens joined by spaces) and its gold name spans (BIO tags)."""
    spans: list[tuple[int, int, str]] = []
    pos, current = 0, None
    starts = []
    for token, _ in tokens:
        starts.append(pos)
        pos += len(token) + 1
    for i, (token, tag) in enumerate(tokens):
        end = starts[i] + len(token)
        kind = tag[2:] if len(tag) > 2 else None
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None
                                                              or current[2] != kind)):
            if current is not None:
                spans.append(current)
            current = (starts[i], end, kind or "")
        elif tag.startswith("I-") and current is not None:
            current = (current[0], end, current[2])
        else:
            if current is not None:
                spans.append(current)
            current = None
    if current is not None:
        spans.append(current)
    text = " ".join(t for t, _ in tokens)
    return Sentence(text, frozenset(s for s in spans if s[2] in GOLD_TYPES))


def read_sentences(path: Path) -> Iterator[Sentence]:
    """Sentences of a ``val.conllu.gz`` (``index<TAB>token<TAB>tag`` lines, blank between)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            tokens: list[tuple[str, str]] = []
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3:
                    if tokens:
                        yield sentence_from_tokens(tokens)
                    tokens = []
                    continue
                tokens.append((parts[1], parts[2]))
            if tokens:
                yield sentence_from_tokens(tokens)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise InputError(f"{path}: cannot read WikiNEuRal file ({exc})") from exc


def predicted_spans(analysis: Analysis) -> set[tuple[int, int, str]]:
    """Every mention of a person, place or organization, with its gold-scheme type."""
    return {(m.start, m.end, TYPE_OF[e.type]) for e in analysis.entities
            if e.type in TYPE_OF for m in e.mentions}


def evaluate_wikineural(folder: Path, language: str, settings: Settings, part: str = "all",
                        limit: int | None = None) -> dict[str, Any]:
    """P/R/F1 per type and overall for ``folder/<language>/val.conllu.gz`` (or ``folder``
    itself when it is that file); a JSON-ready dict. Several languages, comma-separated, give
    each one's result and the macro F1 over them (the issue's bar for de,es,it,nl,pl,pt,ru)."""
    languages = [lang.strip() for lang in language.split(",") if lang.strip()]
    if len(languages) > 1:
        results = {lang: _evaluate_one(folder, lang, settings, part, limit)
                   for lang in languages}
        macro = sum(r["overall"]["f1"] for r in results.values()) / len(results)
        return {"languages": results, "part": part, "macro_f1": round(macro, 4)}
    return _evaluate_one(folder, language, settings, part, limit)


def _evaluate_one(folder: Path, language: str, settings: Settings, part: str,
                  limit: int | None) -> dict[str, Any]:
    path = folder if folder.is_file() else folder / language / "val.conllu.gz"
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if part not in PARTS:
        raise InputError(f"part {part!r}: unknown (use one of {', '.join(PARTS)})")
    chosen = [s for i, s in enumerate(read_sentences(path))
              if part == "all" or (i % 2 == 0) == (part == "dev")]
    chosen = chosen[:limit] if limit else chosen
    nlp = build_pipeline(settings)
    articles = [Article(s.text, id=str(i), language=language) for i, s in enumerate(chosen)]
    pairs = [(predicted_spans(a), s.gold)
             for a, s in zip(analyze_articles(nlp, articles), chosen, strict=True)]
    result = score(pairs)
    result["per_type"] = {t: v for t, v in result["per_type"].items() if t in GOLD_TYPES}
    return {"language": language, "part": part, "sentences": len(chosen), **result}
