"""``alerts replay``: how a rule would have fired on a set of articles.

The articles go through the whole pipeline (stored, analysed, clustered in publication order,
the rules evaluated after each assignment, exactly as ``run`` does) into a throwaway SQLite
store; the hits are then read back as their stories stand at the end of the replay, one per
rule and story, in the order they fired.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from europenews.alerts.rules import AlertRule
from europenews.alerts.watch import AlertWatcher
from europenews.stages.analysis import Analyser
from europenews.stages.clustering import AfterAssign
from europenews.stages.ingest import ingest_sources
from europenews.stages.settings import IngestSettings
from europenews.stages.summary import IngestSummary, Progress
from europenews.store.alerts import all_hits_in_order, save_rule
from europenews.store.engine import open_store
from europenews.store.schema import articles


def replay(rules: Sequence[AlertRule], sources: Sequence[str], nlp: Analyser,
           settings: IngestSettings | None = None,
           progress: Progress | None = None,
           observe: AfterAssign | None = None) -> tuple[list[dict[str, Any]], IngestSummary]:
    """The hits of ``rules`` over the articles of ``sources`` (one dict per rule and story:
    ``alert``, ``story``, ``articles`` [{id, url, title, published}], ``fact``) and the ingest
    summary. An article's ``id`` is the one its input gave, else the stored id. ``observe``
    is called after the rules on every assignment (``bench/alert_replay.py`` records what the
    rules read there, so other rules can be tried on the same replay without running it)."""
    with tempfile.TemporaryDirectory(prefix="europenews-replay-") as tmp:
        engine = open_store(f"sqlite:///{Path(tmp) / 'replay.db'}")
        try:
            with engine.begin() as conn:
                for rule in rules:
                    save_rule(conn, rule.name, rule.to_json(), "config")
            watcher = AlertWatcher()

            def after_assign(conn: Any, story_id: str) -> None:
                watcher(conn, story_id)
                if observe is not None:
                    observe(conn, story_id)

            summary = ingest_sources(list(sources), engine, nlp, settings or IngestSettings(),
                                     progress, after_assign=after_assign)
            with engine.connect() as conn:
                hits = list(_hit_lines(conn))
        finally:
            engine.dispose()
    return hits, summary


def _hit_lines(conn: Any) -> Iterator[dict[str, Any]]:
    from europenews.store.alerts import hit_articles

    for hit in all_hits_in_order(conn):
        members = hit_articles(conn, hit.story_id)
        external = dict(conn.execute(
            select(articles.c.id, articles.c.external_id)
            .where(articles.c.id.in_([m["id"] for m in members]))).tuples().all())
        yield {
            "alert": hit.rule_name,
            "story": hit.story_id,
            "articles": [{"id": external.get(m["id"]) or m["id"], "url": m["url"],
                          "title": m["title"], "published": m["published"]} for m in members],
            "fact": hit.fact,
        }
