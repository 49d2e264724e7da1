"""The whole flow on the real model: store → analyse → link entities → cluster, and a later
run that continues the stored stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from europenews.stages.ingest import ingest_sources
from europenews.stages.settings import IngestSettings
from europenews.store.articles import STATUS_CLUSTERED, status_counts
from europenews.store.schema import entities, story_members
from europenews.store.stories import list_stories

TEXTS = [
    ("1.json", '{"title": "Quake hits Izmir", "published": "2024-03-01T08:00:00Z", "source": "A", '
               '"text": "An earthquake struck Izmir on Friday, killing three people, Turkish '
               'officials said. \\"We are searching the rubble,\\" Mayor Cemil Tugay said."}'),
    ("2.json", '{"title": "Izmir quake toll rises", "published": "2024-03-01T12:00:00Z", '
               '"source": "B", "text": "The death toll from the earthquake in Izmir rose to '
               'five, Mayor Cemil Tugay said on Friday."}'),
]
LATER = ("3.json", '{"title": "Izmir quake: rescue ends", "published": "2024-03-02T09:00:00Z", '
                   '"source": "C", "text": "Rescuers in Izmir ended the search after the '
                   'earthquake, Mayor Cemil Tugay said. The death toll from the Izmir earthquake '
                   'stands at five."}')


def _write(folder: Path, files: list[tuple[str, str]]) -> None:
    folder.mkdir(exist_ok=True)
    for name, body in files:
        (folder / name).write_text(body, encoding="utf-8")


@pytest.mark.slow
def test_ingest_analyses_links_clusters_and_a_later_run_continues(engine: Engine, nlp,
                                                                  tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder, TEXTS)
    summary = ingest_sources([str(folder)], engine, nlp, IngestSettings())
    assert (summary.new, summary.analysed, summary.clustered, summary.failed) == (2, 2, 2, 0)
    with engine.connect() as conn:
        tugay = conn.execute(select(entities.c.article_count)
                             .where(entities.c.name == "Cemil Tugay")).scalar()
        assert tugay == 2  # one canonical person across both articles
    # A later run restores the stored stories and continues them.
    _write(folder, [LATER])
    later = ingest_sources([str(folder)], engine, nlp, IngestSettings())
    assert (later.new, later.duplicates, later.clustered) == (1, 2, 1)
    with engine.connect() as conn:
        assert status_counts(conn) == {STATUS_CLUSTERED: 3}
        stories = list_stories(conn)
        members = conn.execute(select(func.count()).select_from(story_members)).scalar_one()
    assert members == 3
    assert sum(s.article_count for s in stories) == 3
