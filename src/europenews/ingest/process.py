"""The stages after fetching, over what is stored: analyse pending articles, link their
entities, save their analyses, and assign them to stories. Each article is one transaction,
so a crash or Ctrl-C loses at most the article in hand, and a re-run resumes where it stopped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import replace
from typing import Any

from spacy.language import Language
from sqlalchemy.engine import Engine as DbEngine

from europenews.analyze.backends import AnalysisBackend, analyze_with
from europenews.contract import analysis_from_dict, analysis_to_dict
from europenews.ingest.summary import IngestSummary, NullProgress, Progress
from europenews.model import Analysis, Article
from europenews.store.articles import (
    STATUS_ANALYSED,
    STATUS_CLUSTERED,
    STATUS_FETCHED,
    articles_with_status,
    count_articles,
    get_analysis_payloads,
    get_articles,
    is_clustered,
    iter_article_ids,
    mark_failed,
    save_analysis,
    set_status,
)
from europenews.store.entities import link_entities, refresh_entity_counts
from europenews.store.stories import (
    assign_to_story,
    list_story_members,
    refresh_story,
    story_members_for_restore,
)
from europenews.stories.summary import summarize_story

log = logging.getLogger(__name__)

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


def store_analysis(engine: DbEngine, article_id: str, analysis: Analysis,
                   model: str | None = None) -> None:
    """Link entities and save the analysis of one article, in one transaction."""
    with engine.begin() as conn:
        ids = link_entities(conn, analysis, article_id)
        save_analysis(conn, article_id, analysis_to_dict(analysis), analysis, ids, model)
        refresh_entity_counts(conn, list(ids.values()))
        if is_clustered(conn, article_id):  # re-analysis keeps the article in its story
            set_status(conn, article_id, STATUS_CLUSTERED)


def _analyse(nlp: Language | AnalysisBackend, batch: Sequence[Article],
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


def analyse_pending(
    engine: DbEngine,
    nlp: Language | AnalysisBackend,
    summary: IngestSummary,
    progress: Progress | None = None,
    batch_size: int = 32,
    model: str | None = None,
) -> None:
    """Analyse every stored article still at ``fetched`` (from this run or an interrupted one)."""
    progress = progress or NullProgress()
    with engine.connect() as conn:
        total = count_articles(conn, STATUS_FETCHED)
    if not total:
        return
    progress.stage("analyse", total)
    while True:
        with engine.connect() as conn:
            batch = articles_with_status(conn, [STATUS_FETCHED], limit=batch_size * 4)
        if not batch:
            break
        for article, result in _analyse(nlp, batch, batch_size):
            assert article.id is not None
            if isinstance(result, Exception):
                reason = f"analysis failed: {type(result).__name__}: {result}"
                with engine.begin() as conn:
                    mark_failed(conn, article.id, reason)
                summary.fail(article.id, reason)
            else:
                store_analysis(engine, article.id, result, model)
                summary.analysed += 1
            progress.advance()


def reanalyse_stored(
    engine: DbEngine,
    nlp: Language | AnalysisBackend,
    stage: str | None = None,
    progress: Progress | None = None,
    batch_size: int = 32,
    model: str | None = None,
) -> IngestSummary:
    """Re-run the analysis (or one stage of it) on every stored article, without fetching."""
    if stage is not None and stage not in STAGES:
        from europenews.errors import InputError

        raise InputError(f"--stage {stage}: unknown stage (use {', '.join(STAGES)})")
    summary = IngestSummary()
    progress = progress or NullProgress()
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
            for article, result in _analyse(nlp, batch, batch_size):
                assert article.id is not None
                if isinstance(result, Exception):
                    summary.fail(article.id, f"analysis failed: {result}")
                else:
                    if stage and article.id in stored:
                        old = analysis_from_dict(stored[article.id])
                        result = replace(old, article=result.article, **{
                            f: getattr(result, f) for f in STAGES[stage]})
                    store_analysis(engine, article.id, result, model)
                    summary.analysed += 1
                progress.advance()
    return summary


# --- stories ---------------------------------------------------------------------------------


def load_clusterer() -> Any | None:
    """A new ``stories.cluster.OnlineClusterer``, or None while that module is not there."""
    try:
        from europenews.stories import cluster, items
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("europenews.stories"):
            return None
        raise
    factory = getattr(cluster, "OnlineClusterer", None)
    if factory is None or not hasattr(items, "story_item_from_analysis"):
        return None
    return factory()


def _story_item(payload: dict[str, Any]) -> Any:
    from europenews.stories.items import story_item_from_analysis

    return story_item_from_analysis(analysis_from_dict(payload))


def restore_clusterer(engine: DbEngine, clusterer: Any, max_stories: int = 2000) -> int:
    """Seed the clusterer with the stored recent stories; returns how many were restored."""
    with engine.connect() as conn:
        members = story_members_for_restore(conn, max_stories)
        for story_id, ids in members.items():
            payloads = get_analysis_payloads(conn, ids)
            items = [_story_item(payloads[i]) for i in ids if i in payloads]
            if items:
                clusterer.restore(story_id, items)
    return len(members)


def cluster_pending(
    engine: DbEngine,
    clusterer: Any,
    summary: IngestSummary,
    progress: Progress | None = None,
    chunk: int = 200,
) -> None:
    """Assign every analysed, not yet clustered article to a story, in publication order."""
    progress = progress or NullProgress()
    with engine.connect() as conn:
        pending = [a.id for a in articles_with_status(conn, [STATUS_ANALYSED])]
    if not pending:
        return
    progress.stage("cluster", len(pending))
    for start in range(0, len(pending), chunk):
        ids = [i for i in pending[start:start + chunk] if i is not None]
        with engine.connect() as conn:
            payloads = get_analysis_payloads(conn, ids)
        for article_id in ids:
            payload = payloads.get(article_id)
            if payload is not None:
                assignment = clusterer.assign(_story_item(payload))
                with engine.begin() as conn:
                    assign_to_story(conn, article_id, str(assignment.story_id),
                                    assignment.duplicate_of)
                    story_id = str(assignment.story_id)
                    refresh_story(conn, story_id,
                                  summarize_story(list_story_members(conn, story_id)))
                summary.clustered += 1
            progress.advance()
