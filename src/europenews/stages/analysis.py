"""Stored → analysed → entities linked: analyse the articles waiting in the store, link their
entities across articles and save their analyses; re-run the analysis (or one stage of it) on
everything stored, without fetching.

Analyses are stored a batch of articles per transaction, so a crash loses at most the batch in
hand (never a committed article), a stop stores the analyses in hand first, and a re-run
resumes where it stopped: an article's stage is in ``articles.status``. Analysis runs in this
process, in local worker processes (``analyze.processes``, every core) or on Dask.
"""

from __future__ import annotations

import itertools
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeAlias, TypeGuard

from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from europenews.analyze.backends import AnalysisBackend, analyze_with
from europenews.analyze.processes import Failed, ProcessBackend
from europenews.contract import analysis_from_dict, analysis_to_dict
from europenews.errors import InputError
from europenews.ingest.bounds import MAX_TEXT_CHARS, MAX_TITLE_CHARS, bound_article
from europenews.model import Analysis, Article
from europenews.stages.settings import FIELD_COMPONENT, STAGES
from europenews.stages.summary import IngestSummary, NullProgress, Progress
from europenews.stages.writer import DirectWriter, Writer
from europenews.store.articles import (
    STATUS_CLUSTERED,
    STATUS_FETCHED,
    analysed_among,
    clustered_among,
    count_articles,
    get_analysis_payloads,
    get_articles,
    ids_with_status,
    iter_article_ids,
    mark_failed,
    save_analysis,
    set_status,
    shorten_article,
    statuses,
)
from europenews.store.entities import link_entities, settle_links

if TYPE_CHECKING:  # the writer never builds a pipeline: an ingest whose analysis runs in
    # worker processes does not import spaCy in this process (about 0.5 s of CPU, issue 19)
    from spacy.language import Language

# Analyses stored per transaction: one commit per batch instead of per article; a crash
# loses at most the batch in hand, which the next run analyses again.
WRITE_BATCH = 16

Analyser: TypeAlias = "Language | AnalysisBackend"
# Told about each analysis once it is stored (the clustering stage keeps what it needs).
OnAnalysed = Callable[[str, Analysis], None]
# Called after each batch of analyses is stored (``ingest`` assigns their stories then).
OnStored = Callable[[], None]


def _is_pipeline(nlp: Analyser) -> TypeGuard[Language]:
    """Whether ``nlp`` is a spaCy pipeline (not an engine), asked without importing spaCy: a
    pipeline exists only once ``spacy.language`` has been imported."""
    module = sys.modules.get("spacy.language")
    return module is not None and isinstance(nlp, module.Language)


def store_analyses(writer: Writer, items: Sequence[tuple[str, Analysis]],
                   model: str | None = None, *, first: bool = False) -> list[bool]:
    """Link entities and save the analyses of several articles, in one transaction (a crash
    loses the batch in hand, never a committed one). With ``first``, an article is saved
    only if it still waits for its first analysis (another process may have analysed it
    meanwhile). Returns, for each item, whether it was saved."""
    ids = [article_id for article_id, _ in items]

    def save(conn: Connection) -> list[bool]:
        status = statuses(conn, ids)
        clustered = clustered_among(conn, ids)
        # Articles with an analysis to replace (a re-analysis); the others' first analysis
        # has no rows to delete.
        stored = analysed_among(conn, ids)
        saved: list[bool] = []
        for article_id, analysis in items:
            if first and status.get(article_id) != STATUS_FETCHED:
                saved.append(False)
                continue
            linked = link_entities(conn, analysis, article_id)
            save_analysis(conn, article_id, analysis_to_dict(analysis), analysis, linked, model,
                          fresh=article_id not in stored)
            stored.add(article_id)  # the same article again in this batch replaces it
            # Settled after each article, not once per batch: linking the next article
            # prefers the entity with more articles, so the counts must be current.
            settle_links(conn, article_id, list(linked.values()))
            if article_id in clustered:  # re-analysis keeps the article in its story
                set_status(conn, article_id, STATUS_CLUSTERED)
            saved.append(True)
        return saved

    return writer.write(save) if items else []


def store_analysis(writer: Writer, article_id: str, analysis: Analysis,
                   model: str | None = None, *, first: bool = False) -> bool:
    """:func:`store_analyses` for one article. True when it was saved."""
    [saved] = store_analyses(writer, [(article_id, analysis)], model, first=first)
    return saved


def bounded(writer: Writer, article: Article) -> Article:
    """The article within its limits (``ingest.bounds``). One stored before the limits with a
    longer text or title is shortened in the store first (and flagged), so what is analysed
    is what is stored, at a bounded cost."""
    if len(article.text) <= MAX_TEXT_CHARS and len(article.title or "") <= MAX_TITLE_CHARS:
        return article
    try:
        short = bound_article(article)
    except InputError:
        return article  # nothing readable left: the analysis fails on it and says so
    assert article.id is not None
    writer.write(lambda conn: shorten_article(conn, str(article.id), short.text, short.title,
                                              short.truncated))
    return short


def _record_failure(writer: Writer, article_id: str, reason: str) -> None:
    writer.write(lambda conn: mark_failed(conn, article_id, reason))


# An article with its analysis, or the reason its analysis failed.
Outcome = tuple[Article, Analysis | str]


def _analyze(nlp: Analyser, batch: Sequence[Article],
             batch_size: int) -> Iterator[Outcome]:
    """Each article with its analysis as soon as it is ready, or why it failed (batch
    isolation: after a failure the rest are analysed one by one, so one bad article cannot
    take the others down)."""
    done = 0
    try:
        for analysis in analyze_with(nlp, batch, batch_size):
            yield batch[done], analysis
            done += 1
        return
    except Exception:  # any component bug: go on one by one to find the culprit
        pass
    for article in batch[done:]:
        try:
            [analysis] = analyze_with(nlp, [article], 1)
            yield article, analysis
        except Exception as exc:  # recorded on the article; the run continues
            yield article, f"{type(exc).__name__}: {exc}"


def _outcomes(nlp: Analyser, articles: Iterable[Article], batch_size: int,
              expected: int | None = None) -> Iterator[Outcome]:
    """Analyses of a stream of ``expected`` articles, in its order. Worker processes take the
    stream as it comes (they stay busy across batches); a pipeline or Dask takes it in
    batches."""
    if isinstance(nlp, ProcessBackend):
        for article, result in nlp.results(articles, expected):
            yield article, result.reason if isinstance(result, Failed) else result
        return
    stream = iter(articles)
    while batch := list(itertools.islice(stream, batch_size * 4)):
        yield from _analyze(nlp, batch, batch_size)


def _read(engine: Engine, writer: Writer, ids: Sequence[str], size: int) -> Iterator[Article]:
    """The articles with these ids, in that order, read ``size`` at a time and within their
    limits (a long queue is never held in memory at once)."""
    for start in range(0, len(ids), size):
        with engine.connect() as conn:
            batch = get_articles(conn, ids[start:start + size])
        yield from (bounded(writer, a) for a in batch)


def analyze_pending(
    engine: Engine,
    nlp: Analyser,
    summary: IngestSummary,
    progress: Progress | None = None,
    batch_size: int = 32,
    model: str | None = None,
    *,
    writer: Writer | None = None,
    stop: threading.Event | None = None,
    analysed: OnAnalysed | None = None,
    write_batch: int = WRITE_BATCH,
    stored: OnStored | None = None,
) -> None:
    """Analyse every stored article still at ``fetched`` (from this run or an interrupted one),
    in publication order, until none is left or ``stop`` is set. Analyses are stored
    ``write_batch`` at a time, each batch in one transaction; ``stored()`` follows each batch
    that saved any (worker processes meanwhile analyse the next articles)."""
    progress = progress or NullProgress()
    writer = writer or DirectWriter(engine)
    stop = stop or threading.Event()
    with engine.connect() as conn:
        total = count_articles(conn, STATUS_FETCHED)
    if not total or stop.is_set():
        return
    progress.stage("analyse", total)
    in_hand: list[tuple[str, Analysis]] = []

    def flush() -> None:
        saved = store_analyses(writer, in_hand, model, first=True)
        for (article_id, analysis), ok in zip(in_hand, saved, strict=True):
            if ok:
                summary.analysed += 1
                if analysed is not None:
                    analysed(article_id, analysis)
        in_hand.clear()
        if stored is not None and any(saved):
            stored()

    while not stop.is_set():
        # Articles stored meanwhile (``run`` keeps fetching) are taken on the next round.
        with engine.connect() as conn:
            ids = ids_with_status(conn, [STATUS_FETCHED])
        if not ids:
            break
        for article, result in _outcomes(nlp, _read(engine, writer, ids, batch_size * 4),
                                         batch_size, len(ids)):
            if stop.is_set():  # between two articles: the analyses in hand are stored
                break
            assert article.id is not None
            if isinstance(result, str):
                reason = f"analysis failed: {result}"
                _record_failure(writer, article.id, reason)
                summary.fail(article.id, reason)
            else:
                in_hand.append((article.id, result))
                if len(in_hand) >= write_batch:
                    flush()
            progress.advance()
        flush()


def reanalyze_stored(
    engine: Engine,
    nlp: Analyser,
    stage: str | None = None,
    progress: Progress | None = None,
    batch_size: int = 32,
    model: str | None = None,
    *,
    writer: Writer | None = None,
    stop: threading.Event | None = None,
    write_batch: int = WRITE_BATCH,
) -> IngestSummary:
    """Re-run the analysis (or one stage of it) on every stored article, without fetching."""
    if stage is not None and stage not in STAGES:
        raise InputError(f"--stage {stage}: unknown stage (use {', '.join(STAGES)})")
    summary = IngestSummary()
    progress = progress or NullProgress()
    writer = writer or DirectWriter(engine)
    stop = stop or threading.Event()
    with engine.connect() as conn:
        total = count_articles(conn)
    progress.stage("reanalyse", total)
    disable: list[str] = []
    if stage is not None and _is_pipeline(nlp):  # elsewhere, workers run every stage
        names = list(nlp.pipe_names)
        needed = [names.index(FIELD_COMPONENT[f]) for f in STAGES[stage]
                  if FIELD_COMPONENT[f] in names]
        if needed:  # components after the last one needed can be skipped
            disable = [n for n in names[max(needed) + 1:] if n.startswith("europenews_")]
    with engine.connect() as conn:
        ids = [i for batch in iter_article_ids(conn, batch_size * 4) for i in batch]
    in_hand: list[tuple[str, Analysis]] = []

    def flush() -> None:
        items = in_hand
        if stage:  # the stored analysis keeps what this stage does not replace
            with engine.connect() as conn:
                stored = get_analysis_payloads(conn, [i for i, _ in items])
            items = [(i, _merged(stored[i], a, stage) if i in stored else a) for i, a in items]
        store_analyses(writer, items, model)
        summary.analysed += len(items)
        in_hand.clear()

    skipping = nlp.select_pipes(disable=disable) if _is_pipeline(nlp) else nullcontext()
    with skipping:
        for article, result in _outcomes(nlp, _read(engine, writer, ids, batch_size * 4),
                                         batch_size, len(ids)):
            if stop.is_set():
                break
            assert article.id is not None
            if isinstance(result, str):
                summary.fail(article.id, f"analysis failed: {result}")
            else:
                in_hand.append((article.id, result))
                if len(in_hand) >= write_batch:
                    flush()
            progress.advance()
        flush()
    return summary


def _merged(payload: dict[str, Any], fresh: Analysis, stage: str) -> Analysis:
    old = analysis_from_dict(payload)
    return replace(old, article=fresh.article, **{f: getattr(fresh, f) for f in STAGES[stage]})
