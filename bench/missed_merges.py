"""Missed merges of store-wide linking, and what a better link decision could win (issue 17).

Links the chosen topics (the development half by default: odd ECB+ topics) as ``europenews eval
entities FILE --gold-mentions`` does, then:

1. sorts every *missed merge* (two mentions of one gold entity the store keeps apart) by scope
   (``within`` one article or ``across`` articles), gold type and how the two texts relate
   (the same words; one word that is the other's last or first word, or its initials; one
   name's words inside the other's; a word shared; no word shared; another system type; no
   system mention), with the share of BCubed recall each class costs (each pair costs
   2 / (gold entity size × mentions); the classes overlap through transitivity, so the shares
   are a guide, not a sum);
2. ``--oracle``: links again with the gold deciding (an upper bound, not a system):
   ``candidates``: the decisions the linker puts to context (its current candidates), made by
   the gold; ``words``: any stored entity of the same type that shares a word of its names with
   an article entity that would start a new one, taken when the gold says so; ``any``: any
   stored entity at all (world knowledge: nicknames, descriptions).

    .venv/bin/python bench/missed_merges.py ../shared/data/entities/ecbplus/documents.jsonl --oracle

Only the development half should be read this way (docs/benchmarks-archive.md, session 14).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from entity_errors import DEV_TOPICS, Row, linked_rows
from europenews.evaluate import entities as ev
from europenews.evaluate.entities import GoldDocument, _article_id, _assign
from europenews.evaluate.stories import cluster_scores
from europenews.names import name_key
from europenews.store import linking
from europenews.store.entities import entity_mentions
from europenews.store.schema import entities, entity_aliases

STOP = frozenset({"the", "of", "a", "an", "in", "at", "on", "and", "for", "to", "from", "s"})


def _words(text: str) -> list[str]:
    return [w for w in name_key(text).split() if w not in STOP]


def relation(a: str, b: str) -> str:
    """How two mention texts of one gold entity relate, by their words."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return "no-words"
    if wa == wb:
        return "same"
    if len(wa) == 1 or len(wb) == 1:
        short, long_ = (wa, wb) if len(wa) == 1 else (wb, wa)
        if len(long_) == 1:
            return "one-word-other"  # "Softies" / "Microsoft", "She" / "Reid"
        word = short[0]
        if word == "".join(w[0] for w in long_):
            return "initials"
        if word == long_[-1]:
            return "last-word"
        if word == long_[0]:
            return "first-word"
        return "inner-word" if word in long_ else "no-shared-word"
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return "words-inside"
    return "shares-word" if set(wa) & set(wb) else "no-shared-word"


def missed_merges(rows: list[Row]) -> dict[str, Any]:
    """Missed merges by scope, gold type and relation: pairs and the recall share they cost."""
    by_gold: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_gold[r.gold].append(r)
    pairs: Counter[tuple[str, str, str]] = Counter()
    cost: Counter[tuple[str, str, str]] = Counter()
    for group in by_gold.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.predicted == b.predicted:
                    continue
                if a.predicted.startswith("missed-") or b.predicted.startswith("missed-"):
                    kind = "no-system-mention"
                elif a.system_type != b.system_type:
                    kind = "another-type"
                else:
                    kind = relation(a.text, b.text)
                key = ("within" if a.doc == b.doc else "across", a.type, kind)
                pairs[key] += 1
                cost[key] += 2.0 / len(group) / len(rows)
    return {" / ".join(k): {"pairs": pairs[k], "recall": round(v, 4)}
            for k, v in cost.most_common()}


class Oracle:
    """Gold-decided linking: which gold entity each stored entity holds so far."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.doc: GoldDocument | None = None
        self.gold_of: dict[int, Counter[str]] = {}
        self.words_of: dict[int, tuple[str, set[str]]] = {}
        self.by_context = linking._by_context
        self.choose = linking._choose

    def watch(self, engine: Engine, doc: GoldDocument | None) -> None:
        if doc is not None:
            self.doc = doc
            return
        assert self.doc is not None
        with engine.connect() as conn:
            found = entity_mentions(conn, _article_id(self.doc))
            self.words_of = {}
            for eid, alias, type_ in conn.execute(
                    select(entity_aliases.c.entity_id, entity_aliases.c.alias, entities.c.type)
                    .join(entities, entities.c.id == entity_aliases.c.entity_id)):
                self.words_of.setdefault(int(eid), (str(type_), set()))[1].update(_words(alias))
        for m, eid in zip(self.doc.mentions, _assign(self.doc, found), strict=True):
            if eid is not None:
                self.gold_of.setdefault(int(eid), Counter())[m.entity] += 1

    def _gold(self, local: linking.Local) -> str | None:
        assert self.doc is not None
        golds = Counter(m.entity for m in self.doc.mentions for lm in local.entity.mentions
                        if m.start < lm.end and lm.start < m.end)
        return golds.most_common(1)[0][0] if golds else None

    def _right(self, local: linking.Local, candidates: set[int]) -> list[int]:
        gold = self._gold(local)
        return sorted(c for c in candidates if gold is not None and self.gold_of.get(c)
                      and self.gold_of[c].most_common(1)[0][0] == gold)

    def decide_context(self, conn: Any, local: linking.Local, candidates: set[int],
                       context: set[int]) -> int | None:
        if self._gold(local) is None:  # not scored: the rule decides
            return self.by_context(conn, local, candidates, context)
        right = self._right(local, candidates)
        return right[0] if right else None

    def decide(self, conn: Any, local: linking.Local, context: set[int] | None,
               seen: Any = None) -> tuple[int | None, str]:
        found, evidence = self.choose(conn, local, context, seen)
        if found is not None or (context is None and evidence == linking.BY_CONTEXT):
            return found, evidence
        words = {w for m in local.entity.mentions for w in _words(m.text)}
        pool = {c for c, (type_, ws) in self.words_of.items()
                if self.mode == "any" or (type_ == local.entity.type and ws & words)}
        right = self._right(local, pool)
        return (right[0], linking.BY_CONTEXT) if right else (found, evidence)


def _oracle_bcubed(path: Path, topics: frozenset[str], mode: str) -> dict[str, float]:
    oracle = Oracle(mode)
    saved: tuple[Callable[..., Any], Callable[..., Any]] = (linking._by_context,
                                                            linking._choose)
    if mode == "candidates":
        linking._by_context = oracle.decide_context
    else:
        linking._choose = oracle.decide
    try:
        rows = linked_rows(path, topics, oracle.watch)
    finally:
        linking._by_context, linking._choose = saved
    return dict(cluster_scores([r.gold for r in rows], [r.predicted for r in rows])["bcubed"])


def _memoise_analyses() -> None:
    """Analyse each document once for all the runs (the linking differs, not the analysis)."""
    analyse = ev._analyse
    done: dict[str, Any] = {}

    def cached(nlp: Any, gold: GoldDocument, gold_mentions: bool) -> Any:
        if gold.id not in done:
            done[gold.id] = analyse(nlp, gold, gold_mentions)
        return done[gold.id]
    ev._analyse = cached


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--topics", default=DEV_TOPICS,
                        help="comma-separated topics (default: the odd ones, the dev half)")
    parser.add_argument("--oracle", action="store_true", help="also the gold-decided bounds")
    args = parser.parse_args()
    topics = frozenset(args.topics.split(","))
    _memoise_analyses()
    rows = linked_rows(args.path, topics)
    scores = cluster_scores([r.gold for r in rows], [r.predicted for r in rows])["bcubed"]
    out: dict[str, Any] = {"bcubed": scores, "missed_merges": missed_merges(rows)}
    if args.oracle:
        out["oracle"] = {mode: _oracle_bcubed(args.path, topics, mode)
                         for mode in ("candidates", "words", "any")}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
