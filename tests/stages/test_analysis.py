"""Stored → analysed → entities linked: pending articles, re-analysis, failures, stop."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from europenews.errors import InputError
from europenews.model import Analysis, Article
from europenews.stages.analysis import analyze_pending, reanalyze_stored
from europenews.stages.ingest import ingest_sources
from europenews.stages.settings import IngestSettings
from europenews.stages.summary import IngestSummary
from europenews.store.articles import status_counts
from europenews.store.schema import entities, quotes

QUAKE = ("1.json", '{"title": "Quake hits Izmir", "published": "2024-03-01T08:00:00Z", '
                   '"source": "A", "text": "An earthquake struck Izmir on Friday, killing three '
                   'people, Turkish officials said. \\"We are searching the rubble,\\" Mayor '
                   'Cemil Tugay said."}')
TOLL = ("2.json", '{"title": "Izmir quake toll rises", "published": "2024-03-01T12:00:00Z", '
                  '"source": "B", "text": "The death toll from the earthquake in Izmir rose to '
                  'five, Mayor Cemil Tugay said on Friday."}')
STORE_ONLY = IngestSettings(cluster=False)


def write(folder: Path, files: list[tuple[str, str]]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, body in files:
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def store_texts(engine: Engine, folder: Path, count: int) -> None:
    """``count`` short articles stored, not analysed."""
    write(folder, [(f"{i}.txt", f"Story {i}\n\nText number {i}.") for i in range(count)])
    ingest_sources([str(folder)], engine, None, STORE_ONLY)


@pytest.fixture
def fake_analyzer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Analyses with nothing found, without a model; "number 2" makes a component fail."""

    def analyze_with(nlp: object, articles: Iterable[Article],
                     batch_size: int = 32) -> Iterator[Analysis]:
        for article in articles:
            if "number 2" in article.text:
                raise ValueError("component bug")
            yield Analysis(article=article)

    monkeypatch.setattr("europenews.stages.analysis.analyze_with", analyze_with)


@pytest.mark.slow
def test_analysis_reanalyze_one_stage_keeps_the_rest(engine: Engine, nlp, tmp_path: Path) -> None:
    ingest_sources([str(write(tmp_path / "in", [QUAKE]))], engine, nlp, STORE_ONLY)
    with engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(quotes)).scalar_one()
        n_entities = conn.execute(select(func.count()).select_from(entities)).scalar_one()
    summary = reanalyze_stored(engine, nlp, stage="quotes")
    assert (summary.analysed, summary.failed) == (1, 0)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(quotes)).scalar_one() == before
        assert conn.execute(select(func.count()).select_from(entities)).scalar_one() == n_entities


def test_analysis_unknown_stage_is_refused(engine: Engine) -> None:
    with pytest.raises(InputError, match="unknown stage"):
        reanalyze_stored(engine, object(), stage="sentiment")  # type: ignore[arg-type]


def test_analysis_pending_articles_are_analysed_on_next_run(engine: Engine, nlp,
                                                            tmp_path: Path) -> None:
    folder = write(tmp_path / "in", [TOLL])
    ingest_sources([str(folder)], engine, None, STORE_ONLY)  # store only
    resumed = ingest_sources([str(folder)], engine, nlp, STORE_ONLY)
    assert (resumed.new, resumed.duplicates, resumed.analysed) == (0, 1, 1)


def test_analysis_failing_article_is_recorded_and_others_stored(
        engine: Engine, tmp_path: Path, fake_analyzer: None) -> None:
    store_texts(engine, tmp_path / "in", 4)
    summary = ingest_sources([str(tmp_path / "in")], engine, object(), STORE_ONLY)  # type: ignore[arg-type]
    assert (summary.analysed, summary.failed) == (3, 1)
    assert "component bug" in summary.failures[0][1]
    with engine.connect() as conn:
        assert status_counts(conn) == {"analysed": 3, "failed": 1}


def test_analysis_hands_each_stored_analysis_to_the_hook(
        engine: Engine, tmp_path: Path, fake_analyzer: None) -> None:
    store_texts(engine, tmp_path / "in", 2)
    seen: list[tuple[str, str | None]] = []
    analyze_pending(engine, object(), IngestSummary(),  # type: ignore[arg-type]
                    analysed=lambda aid, a: seen.append((aid, a.article.id)))
    assert len(seen) == 2 and all(aid == article_id for aid, article_id in seen)


def test_analysis_stop_request_ends_between_two_articles(
        engine: Engine, tmp_path: Path, fake_analyzer: None) -> None:
    store_texts(engine, tmp_path / "in", 2)  # "number 2" is not among them: none fails
    stop = threading.Event()
    summary = IngestSummary()
    analyze_pending(engine, object(), summary, stop=stop,  # type: ignore[arg-type]
                    analysed=lambda _aid, _a: stop.set(), write_batch=1)
    assert summary.analysed == 1
    with engine.connect() as conn:
        assert status_counts(conn) == {"analysed": 1, "fetched": 1}


def test_analysis_stop_stores_the_batch_in_hand_and_no_more(
        engine: Engine, tmp_path: Path, fake_analyzer: None) -> None:
    store_texts(engine, tmp_path / "in", 5)  # "number 2" fails: four analyses
    stop = threading.Event()
    summary = IngestSummary()
    analyze_pending(engine, object(), summary, stop=stop,  # type: ignore[arg-type]
                    analysed=lambda _aid, _a: stop.set(), write_batch=2)
    assert summary.analysed == 2  # the first batch of two, stored in one transaction
    with engine.connect() as conn:
        counts = status_counts(conn)
    assert counts["analysed"] == 2 and counts.get("fetched", 0) >= 2


def test_analysis_batch_stores_first_and_repeated_analyses_once(engine: Engine) -> None:
    # A first analysis deletes nothing; one that replaces a stored analysis (the same
    # article again in the batch, or one put back to "fetched" for a new analysis) must
    # still replace its rows rather than add to them.
    from europenews.model import Entity, Mention, Quote
    from europenews.stages.analysis import store_analyses
    from europenews.stages.writer import DirectWriter
    from europenews.store.articles import add_article, analysed_among, reset_status
    from europenews.store.schema import mentions

    writer = DirectWriter(engine)
    texts = ['"Doors open at nine," Ada Brook said on Monday.',
             '"The bridge stays shut," Ivo Marsh told reporters.']
    ids: list[str] = []
    with engine.begin() as conn:
        for n, text in enumerate(texts):
            ids.append(add_article(conn, Article(text=text), article_id=f"a{n}", url=None,
                                   url_key=None, content_hash=f"h{n}").article_id)

    def analysis(aid: str, text: str) -> Analysis:
        name = text.split(",")[1].split('"')[1].split(" said")[0].split(" told")[0].strip()
        start = text.index(name)
        person = Entity("e1", name, "person", (), (Mention(start, start + len(name), name),))
        return Analysis(article=Article(text=text, id=aid), entities=(person,),
                        quotes=(Quote(text[1:text.index('"', 1)], 1, text.index('"', 1),
                                      ((1, text.index('"', 1)),), "direct"),))

    def counts() -> list[int]:
        with engine.connect() as conn:
            return [conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in (quotes, mentions)]

    with engine.connect() as conn:
        assert analysed_among(conn, ids) == set()
    first = [(aid, analysis(aid, t)) for aid, t in zip(ids, texts, strict=True)]
    assert store_analyses(writer, [*first, first[0]], first=False) == [True, True, True]
    assert counts() == [2, 2]
    with engine.begin() as conn:
        assert analysed_among(conn, [*ids, "unknown"]) == set(ids)
        reset_status(conn)
    assert store_analyses(writer, first, first=True) == [True, True]
    assert counts() == [2, 2]


def test_analysis_tells_a_pipeline_from_an_engine() -> None:
    import spacy

    from europenews.stages.analysis import _is_pipeline

    class Engine:  # an AnalysisBackend in shape
        def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
            return iter(())

    assert _is_pipeline(spacy.blank("en"))
    assert not _is_pipeline(Engine())


def test_analysis_the_writer_side_imports_no_spacy() -> None:
    import subprocess
    import sys

    # What an ingest's parent process imports when its analysis runs in worker processes.
    code = ("import sys\n"
            "import europenews.cli.main, europenews.cli.ingest, europenews.stages.ingest\n"
            "import europenews.analyze.processes, europenews.store.engine\n"
            "print('spacy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
