from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from europenews.ingest.pipeline import IngestSettings, ingest_sources
from europenews.ingest.process import load_clusterer, reanalyse_stored
from europenews.store.articles import STATUS_CLUSTERED, status_counts
from europenews.store.schema import entities, quotes, story_members
from europenews.store.stories import list_stories

TEXTS = [
    ("1.json", '{"title": "Quake hits Izmir", "published": "2024-03-01T08:00:00Z", "source": "A", '
               '"text": "An earthquake struck Izmir on Friday, killing three people, Turkish '
               'officials said. \\"We are searching the rubble,\\" Mayor Cemil Tugay said."}'),
    ("2.json", '{"title": "Izmir quake toll rises", "published": "2024-03-01T12:00:00Z", '
               '"source": "B", "text": "The death toll from the earthquake in Izmir rose to '
               'five, Mayor Cemil Tugay said on Friday."}'),
]


def _write(folder: Path, files: list[tuple[str, str]]) -> None:
    folder.mkdir(exist_ok=True)
    for name, body in files:
        (folder / name).write_text(body, encoding="utf-8")


@pytest.mark.slow
def test_process_analyses_links_and_clusters(engine: Engine, nlp, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder, TEXTS)
    summary = ingest_sources([str(folder)], engine, nlp, IngestSettings())
    assert (summary.new, summary.analysed, summary.failed) == (2, 2, 0)
    with engine.connect() as conn:
        tugay = conn.execute(select(entities.c.article_count)
                             .where(entities.c.name == "Cemil Tugay")).scalar()
        assert tugay == 2  # one canonical person across both articles
    if load_clusterer() is None:
        pytest.skip("stories.cluster is not available")
    assert summary.clustered == 2
    # A later run restores the stored stories and continues them.
    _write(folder, [("3.json", '{"title": "Izmir quake: rescue ends", "published": '
                               '"2024-03-02T09:00:00Z", "source": "C", "text": "Rescuers in '
                               'Izmir ended the search after the earthquake, Mayor Cemil Tugay '
                               'said. The death toll from the Izmir earthquake stands at five."}')])
    later = ingest_sources([str(folder)], engine, nlp, IngestSettings())
    assert (later.new, later.duplicates, later.clustered) == (1, 2, 1)
    with engine.connect() as conn:
        assert status_counts(conn) == {STATUS_CLUSTERED: 3}
        stories = list_stories(conn)
        members = conn.execute(select(func.count()).select_from(story_members)).scalar_one()
    assert members == 3
    assert sum(s.article_count for s in stories) == 3


@pytest.mark.slow
def test_process_reanalyse_one_stage_keeps_the_rest(engine: Engine, nlp, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder, TEXTS[:1])
    ingest_sources([str(folder)], engine, nlp, IngestSettings(cluster=False))
    with engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(quotes)).scalar_one()
        n_entities = conn.execute(select(func.count()).select_from(entities)).scalar_one()
    summary = reanalyse_stored(engine, nlp, stage="quotes")
    assert (summary.analysed, summary.failed) == (1, 0)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(quotes)).scalar_one() == before
        assert conn.execute(select(func.count()).select_from(entities)).scalar_one() == n_entities


def test_process_unknown_stage_is_refused(engine: Engine, nlp) -> None:
    from europenews.errors import InputError

    with pytest.raises(InputError, match="unknown stage"):
        reanalyse_stored(engine, nlp, stage="sentiment")


def test_process_pending_articles_are_analysed_on_next_run(engine: Engine, nlp,
                                                          tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder, TEXTS[1:])
    ingest_sources([str(folder)], engine, None, IngestSettings(cluster=False))  # store only
    resumed = ingest_sources([str(folder)], engine, nlp, IngestSettings(cluster=False))
    assert (resumed.new, resumed.duplicates, resumed.analysed) == (0, 1, 1)


def test_process_failing_article_is_recorded_and_others_stored(
        engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from europenews.ingest import process
    from europenews.model import Analysis

    folder = tmp_path / "in"
    _write(folder, [(f"{i}.txt", f"Story {i}\n\nText number {i}.") for i in range(4)])
    ingest_sources([str(folder)], engine, None, IngestSettings(cluster=False))

    def pipe(nlp, articles, batch_size=32):
        for article in articles:
            if "number 2" in article.text:
                raise ValueError("component bug")
            yield Analysis(article=article)

    monkeypatch.setattr(process, "analyze_with", pipe)
    summary = ingest_sources([str(folder)], engine, object(), IngestSettings(cluster=False))
    assert (summary.analysed, summary.failed) == (3, 1)
    assert "component bug" in summary.failures[0][1]
    with engine.connect() as conn:
        assert status_counts(conn) == {"analysed": 3, "failed": 1}
