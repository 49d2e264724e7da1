"""``europenews eval entities``: BCubed P/R/F1 of store-wide entity linking.

The documents (``{"id", "topic", "language", "text", "mentions": [{"start", "end", "text",
"type", "entity"}]}``, the form of ``data/entities/ecbplus/documents.jsonl`` and
``data/multilingual/slavicner/documents.jsonl``) are stored and analysed in file order in a
fresh store, as ``ingest`` would; every gold mention then takes the store-wide id of the
entity whose mention covers it (at the end, so later splits and merges count), and the
grouping is scored against the gold ``entity`` ids with BCubed over all PER/ORG/LOC mentions.
A gold mention the system did not find is a group of its own.

With ``gold_mentions`` the gold spans replace the model's names (after the statistical NER,
before ``europenews_entities``), so only the grouping within and across articles is measured.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from sqlalchemy import Connection, Engine

from europenews.analyze.export import doc_to_analysis
from europenews.analyze.languages import NAMES_FACTORY
from europenews.analyze.pipeline import build_pipeline, language_pipeline
from europenews.config import Settings
from europenews.errors import InputError
from europenews.evaluate.stories import cluster_scores
from europenews.ingest.jsonl import read_jsonl
from europenews.model import Analysis, Article
from europenews.stages.analysis import store_analysis
from europenews.stages.writer import DirectWriter
from europenews.store.articles import add_article
from europenews.store.engine import open_store
from europenews.store.entities import entity_mentions

SCORED_TYPES = frozenset({"PER", "ORG", "LOC"})
# Gold types → the spaCy labels our components read.
GOLD_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "EVT": "EVENT", "PRO": "PRODUCT"}
# What linking reads; the later components (quotes, events) are not needed for the score.
LINKING_COMPONENTS = ("europenews_gazetteer", "europenews_entities", "europenews_places")


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    type: str
    entity: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    article: Article
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A scored gold mention with the store-wide entity the system gave it: its id, or
    ``missed-<document>-<mention>`` when no system mention covers it (a group of its own)."""

    gold: GoldDocument
    mention: GoldMention
    entity: str

    @property
    def missed(self) -> bool:
        return self.entity.startswith("missed-")


# Called with the store before each document is linked, and after it with None.
Watch = Callable[[Engine, GoldDocument | None], None]


def read_documents(path: Path, limit: int | None = None) -> list[GoldDocument]:
    """The documents of an entity-linking file, in file order."""
    docs = []
    for number, record in enumerate(read_jsonl(path, limit)):
        if not isinstance(record.get("text"), str):
            raise InputError(f"{path}:{number + 1}: no text")
        doc_id = str(record.get("id", number))
        mentions = tuple(
            GoldMention(int(m["start"]), int(m["end"]), str(m.get("type", "")),
                        str(m["entity"]))
            for m in record.get("mentions", ())
        )
        article = Article(text=record["text"], id=doc_id, title=None,
                          language=record.get("language") or "en")
        docs.append(GoldDocument(doc_id, article, mentions))
    return docs


def _gold_spans(doc: Doc, gold: GoldDocument) -> list[Span]:
    spans = []
    for m in gold.mentions:
        label = GOLD_LABELS.get(m.type)
        span = doc.char_span(m.start, m.end, label=label or "MISC", alignment_mode="expand")
        if label is not None and span is not None:
            spans.append(span)
    return filter_spans(spans)


def _analyse(nlp: Language, gold: GoldDocument, gold_mentions: bool) -> Analysis:
    # The article goes through its language's pipeline, as ingest sends it (Polish through
    # the multilingual names component, whose entity cleaner keeps a lower-case noun ending a
    # Slavic name: *Evropské unie*); a language not analysed fully through the main one.
    pipe = language_pipeline(nlp, gold.article.language or "en") or nlp
    doc = pipe.make_doc(gold.article.text)
    for name, proc in pipe.pipeline:
        if gold_mentions and name == "europenews_gazetteer":
            continue  # the gold names stand: no known-name corrections
        if gold_mentions and name == NAMES_FACTORY:
            doc.ents = _gold_spans(doc, gold)  # the gold names instead of the recogniser's
            continue
        if (name.startswith("europenews_") and name not in LINKING_COMPONENTS
                and name != NAMES_FACTORY):
            continue
        doc = proc(doc)
        if gold_mentions and name == "ner":
            doc.ents = _gold_spans(doc, gold)
    return doc_to_analysis(doc, gold.article)


def _article_id(gold: GoldDocument) -> str:
    return hashlib.sha256(gold.id.encode("utf-8")).hexdigest()[:32]


def _store_article(conn: Connection, *, article: Article, article_id: str) -> None:
    # Every document is stored, even one whose text repeats another's: the gold counts it.
    add_article(conn, article, article_id=article_id, url=None, url_key=None,
                content_hash=article_id)


def _assign(gold: GoldDocument, found: list[tuple[int, int, int]]) -> Iterator[str | None]:
    """For each gold mention, the store-wide id of the entity mention that best covers it:
    the exact span first, then the largest overlap with the closest length."""
    for m in gold.mentions:
        best: tuple[int, int] | None = None
        chosen: int | None = None
        for start, end, entity_id in found:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            score = (int((start, end) == (m.start, m.end)),
                     overlap - abs((end - start) - (m.end - m.start)))
            if best is None or score > best:
                best, chosen = score, entity_id
        yield None if chosen is None else str(chosen)


@contextmanager
def linked_store(nlp: Language, documents: Sequence[GoldDocument], gold_mentions: bool,
                 watch: Watch | None = None) -> Iterator[tuple[Connection, list[LinkedMention]]]:
    """Store, analyse and link ``documents`` in file order in a fresh SQLite store, as ``ingest``
    would; yields a connection to that store and every scored gold mention with the entity it
    ended with (read at the end, so later splits and merges count). The bench scripts that
    sort linking errors run the same loop through here."""
    with tempfile.TemporaryDirectory(prefix="europenews-eval-") as folder:
        engine = open_store(f"sqlite:///{folder}/entities.db")
        writer = DirectWriter(engine)
        try:
            for gold in documents:
                article_id = _article_id(gold)
                writer.write(partial(_store_article, article=gold.article, article_id=article_id))
                analysis = _analyse(nlp, gold, gold_mentions)
                if watch is not None:
                    watch(engine, gold)
                store_analysis(writer, article_id, analysis)
                if watch is not None:
                    watch(engine, None)
            with engine.connect() as conn:
                linked = []
                for n, gold in enumerate(documents):
                    found = entity_mentions(conn, _article_id(gold))
                    for k, (m, entity_id) in enumerate(
                        zip(gold.mentions, _assign(gold, found), strict=True)
                    ):
                        if m.type in SCORED_TYPES:
                            linked.append(LinkedMention(gold, m, entity_id or f"missed-{n}-{k}"))
                yield conn, linked
        finally:
            engine.dispose()


def evaluate_entities(
    path: Path,
    settings: Settings,
    gold_mentions: bool = False,
    limit: int | None = None,
    topics: frozenset[str] | None = None,
) -> dict[str, Any]:
    """Link the documents' entities through a fresh store and score the grouping."""
    documents = read_documents(path, limit)
    if topics is not None:
        records = {r.get("id"): r.get("topic") for r in read_jsonl(path, limit)}
        documents = [d for d in documents if str(records.get(d.id)) in topics]
    if not documents:
        raise InputError(f"{path}: no documents to score")
    nlp = build_pipeline(settings)
    started = time.perf_counter()
    with linked_store(nlp, documents, gold_mentions) as (_, linked):
        gold_ids = [x.mention.entity for x in linked]
        predicted = [x.entity for x in linked]
    elapsed = time.perf_counter() - started
    scores = cluster_scores(gold_ids, predicted)
    return {
        "task": "entities",
        "data": str(path),
        "gold_mentions": gold_mentions,
        "documents": len(documents),
        "predicted_entities": scores["predicted_stories"],
        "gold_entities": scores["gold_stories"],
        "articles_per_s": round(len(documents) / elapsed, 1) if elapsed > 0 else None,
        "bcubed": scores["bcubed"],
        "mentions": len(gold_ids),
    }
