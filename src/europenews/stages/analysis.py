"""Stored → analysed → entities linked: analyse the articles waiting in the store, link their
entities across articles and save their analyses; re-run the analysis (or one stage of it) on
everything stored, without fetching.

Each article is one transaction, so a crash or a stop loses at most the article in hand, and
a re-run resumes where it stopped: an article's stage is in ``articles.status``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import replace

from spacy.language import Language
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from europenews.analyze.backends import AnalysisBackend, analyze_with
from europenews.contract import analysis_from_dict, analysis_to_dict
from europenews.errors import InputError
from europenews.ingest.bounds import MAX_TEXT_CHARS, MAX_TITLE_CHARS, bound_article
from europenews.model import Analysis, Article
from europenews.stages.summary import IngestSummary, NullProgress, Progress
from europenews.stages.writer import DirectWriter, Writer
from europenews.store.articles import (
    STATUS_CLUSTERED,
    STATUS_FETCHED,
    article_status,
    articles_with_status,
    count_articles,
    get_analysis_payloads,
    get_articles,
    is_clustered,
    iter_article_ids,
    mark_failed,
    save_analysis,
    set_status,
    shorten_article,
)
from europenews.store.entities import link_entities, settle_links

# What each re-runnable stage replaces in a stored analysis. Quotes and events point at
# entity ids, and events at geocoded places, so re-running those stages refreshes them too.
STAGES: dict[str, tuple[str, ...]] = {
    "entities": ("entities", "quotes", "events"),
    "places": ("places", "events"),
    "quotes": ("quotes",),
    "events": ("events",),
}
# The component that produces each analysis field (the spaCy model itself always runs).
_FIELD_COMPONENT = {
    "entities": "europenews_entities",
    "places": "europenews_places",
    "quotes": "europenews_quotes",
    "events": "europenews_events",
}

Analyser = Language | AnalysisBackend
# Told about each analysis once it is stored (the clustering stage keeps what it needs).
OnAnalysed = Callable[[str, Analysis], None]


def store_analysis(writer: Writer, article_id: str, analysis: Analysis,
                   model: str | None = None, *, first: bool = False) -> bool:
    """Link entities and save the analysis of one article, in one transaction; with
    ``first``, only if the article still waits for its first analysis (another process may
    have analysed it meanwhile). True when it was saved."""
    def save(conn: Connection) -> bool:
        if first and article_status(conn, article_id) != STATUS_FETCHED:
            return False
        ids = link_entities(conn, analysis, article_id)
        save_analysis(conn, article_id, analysis_to_dict(analysis), analysis, ids, model)
        settle_links(conn, article_id, list(ids.values()))
        if is_clustered(conn, article_id):  # re-analysis keeps the article in its story
            set_status(conn, article_id, STATUS_CLUSTERED)
        return True

    return writer.write(save)


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


def _analyze(nlp: Analyser, batch: Sequence[Article],
             batch_size: int) -> Iterator[tuple[Article, Analysis | Exception]]:
    """Each article with its analysis as soon as it is ready, or the exception that stopped
    it (batch isolation: after a failure the rest are analysed one by one, so one bad article
    cannot take the others down)."""
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
            yield article, exc


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
) -> None:
    """Analyse every stored article still at ``fetched`` (from this run or an interrupted one),
    in publication order, until none is left or ``stop`` is set."""
    progress = progress or NullProgress()
    writer = writer or DirectWriter(engine)
    stop = stop or threading.Event()
    with engine.connect() as conn:
        total = count_articles(conn, STATUS_FETCHED)
    if not total or stop.is_set():
        return
    progress.stage("analyse", total)
    while True:
        with engine.connect() as conn:
            batch = articles_with_status(conn, [STATUS_FETCHED], limit=batch_size * 4)
        batch = [bounded(writer, a) for a in batch]
        if not batch:
            break
        for article, result in _analyze(nlp, batch, batch_size):
            if stop.is_set():  # between two articles: the one in hand is stored
                return
            assert article.id is not None
            if isinstance(result, Exception):
                reason = f"analysis failed: {type(result).__name__}: {result}"
                _record_failure(writer, article.id, reason)
                summary.fail(article.id, reason)
            elif store_analysis(writer, article.id, result, model, first=True):
                summary.analysed += 1
                if analysed is not None:
                    analysed(article.id, result)
            progress.advance()


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
    if stage is not None and isinstance(nlp, Language):  # on Dask, workers run every stage
        names = list(nlp.pipe_names)
        needed = [names.index(_FIELD_COMPONENT[f]) for f in STAGES[stage]
                  if _FIELD_COMPONENT[f] in names]
        if needed:  # components after the last one needed can be skipped
            disable = [n for n in names[max(needed) + 1:] if n.startswith("europenews_")]
    with engine.connect() as conn:
        id_batches = list(iter_article_ids(conn, batch_size * 4))
    skipping = nlp.select_pipes(disable=disable) if isinstance(nlp, Language) else nullcontext()
    with skipping:
        for ids in id_batches:
            with engine.connect() as conn:
                batch = get_articles(conn, ids)
                stored = get_analysis_payloads(conn, ids) if stage else {}
            batch = [bounded(writer, a) for a in batch]
            for article, result in _analyze(nlp, batch, batch_size):
                if stop.is_set():
                    return summary
                assert article.id is not None
                if isinstance(result, Exception):
                    summary.fail(article.id, f"analysis failed: {result}")
                else:
                    if stage and article.id in stored:
                        old = analysis_from_dict(stored[article.id])
                        result = replace(old, article=result.article, **{
                            f: getattr(result, f) for f in STAGES[stage]})
                    store_analysis(writer, article.id, result, model)
                    summary.analysed += 1
                progress.advance()
    return summary
