"""Issue 23, items 2 and 3: one hostile item never stops a batch (deep nesting, control
characters, huge texts), its failure is recorded on its source with a reason, and what is
stored is bounded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.engine import Engine

from europenews.cli.main import cli
from europenews.ingest.bounds import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from europenews.ingest.fetch import Fetcher, FetchSettings
from europenews.stages import collect
from europenews.stages.collect import Collector
from europenews.stages.ingest import ingest_sources
from europenews.stages.settings import IngestSettings
from europenews.stages.status import status_snapshot
from europenews.stages.writer import DirectWriter
from europenews.store.schema import articles
from tests.ingest.ingest_site import Site, page, rss

NESTED = "[" * 100_000 + "]" * 100_000  # 200 KB of nesting: past any recursion limit
GOOD = "Lawmakers in the port city approved the new harbour budget on Tuesday."


def _texts(engine: Engine) -> list[tuple[str, str | None, str | None]]:
    with engine.connect() as conn:
        return [(r.text, r.title, r.truncated) for r in conn.execute(
            select(articles.c.text, articles.c.title, articles.c.truncated)
            .order_by(articles.c.pk))]


def test_issue_23_deeply_nested_json_file_fails_alone(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "a-nested.json").write_text(NESTED, encoding="utf-8")
    (tmp_path / "b-nested-field.json").write_text(
        '{"text": "Body.", "title": ' + NESTED + "}", encoding="utf-8")
    (tmp_path / "c-good.json").write_text(json.dumps({"text": GOOD}), encoding="utf-8")
    summary = ingest_sources([str(tmp_path)], engine, None, IngestSettings())
    assert summary.new == 1 and summary.failed == 2
    assert all("nested too deeply" in reason for _, reason in summary.failures)
    assert [t for t, _, _ in _texts(engine)] == [GOOD]


def test_issue_23_deeply_nested_jsonl_line_fails_alone(engine: Engine, tmp_path: Path) -> None:
    lines = [json.dumps({"text": GOOD}), NESTED, json.dumps({"text": GOOD + " Again."})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ingest_sources([str(tmp_path / "batch.jsonl")], engine, None, IngestSettings())
    # One line of a file that holds no article is refused (reported, not a failure).
    assert summary.new == 2 and summary.refused == 1 and summary.failed == 0
    assert "batch.jsonl:2: malformed JSON (nested too deeply)" in summary.refusals[0][1]


def test_issue_23_nested_json_feed_item_fails_alone(engine: Engine, site: Site,
                                                    fetch_settings: FetchSettings) -> None:
    bad = site.add("/bad.json", NESTED, content_type="application/json")
    good = site.add("/good.html", page("Harbour budget", GOOD))
    feed = site.add("/feed.xml", rss([("Bad", bad), ("Good", good)]),
                    content_type="application/rss+xml")
    summary = ingest_sources([feed], engine, None, IngestSettings(fetch=fetch_settings))
    # The page was fetched but holds no article: refused, the other item stored.
    assert summary.new == 1 and summary.refused == 1 and summary.failed == 0
    assert "nested too deeply" in summary.refusals[0][1]


def test_issue_23_control_characters_never_reach_the_store(engine: Engine,
                                                            tmp_path: Path) -> None:
    # db_url runs this on PostgreSQL too, which refuses a NUL byte in text.
    rows = [{"text": "Port\x00 workers\x07 voted to strike.\x1b[2J", "title": "Strike\x00 vote",
             "author": "A\x00B", "source": "Desk\x0c"},
            {"text": GOOD, "title": "Budget"}]
    (tmp_path / "ctl.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows),
                                        encoding="utf-8")
    summary = ingest_sources([str(tmp_path / "ctl.jsonl")], engine, None, IngestSettings())
    assert summary.new == 2 and summary.failed == 0
    stored = _texts(engine)
    assert stored[0][:2] == ("Port workers voted to strike.[2J", "Strike vote")
    with engine.connect() as conn:
        author, source = conn.execute(select(articles.c.author, articles.c.source)
                                      .order_by(articles.c.pk)).first()
    assert (author, source) == ("AB", "Desk")


def test_issue_23_huge_text_and_title_are_truncated_and_flagged(engine: Engine,
                                                                tmp_path: Path) -> None:
    huge = ("The committee heard evidence about the harbour. " * 21_000)[:990_000]
    (tmp_path / "long.json").write_text(json.dumps({"text": huge, "title": "x " * 2_500_000}),
                                        encoding="utf-8")
    summary = ingest_sources([str(tmp_path / "long.json")], engine, None, IngestSettings())
    assert summary.new == 1
    [(text, title, truncated)] = _texts(engine)
    assert len(text) <= MAX_TEXT_CHARS and huge.startswith(text)
    assert title is not None and len(title) <= MAX_TITLE_CHARS
    assert truncated == "text,title"


def test_issue_23_poll_that_breaks_is_recorded_on_its_source(
        engine: Engine, site: Site, fetch_settings: FetchSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    feed = site.add("/feed.xml", rss([("A", site.url("/a.html"))]),
                    content_type="application/rss+xml")

    def broken(body: bytes, where: str) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(collect, "parse_feed", broken)  # a parser bug on a hostile feed
    with Fetcher(fetch_settings) as fetcher:
        collector = Collector(engine, DirectWriter(engine), IngestSettings(fetch=fetch_settings),
                              fetcher)
        assert collector.poll(feed) is False
    [source] = [s for s in status_snapshot(engine)["sources"] if s["url"] == feed]
    assert source["state"] == "failing"  # not "pending"
    assert source["last_error"] == f"{feed}: internal error (RecursionError)"


def test_issue_23_ingest_command_reports_each_bad_file_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text(NESTED, encoding="utf-8")
    (tmp_path / "fine.json").write_text(json.dumps({"text": GOOD}), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "deep.json"),
                                      str(tmp_path / "fine.json"), "--no-analyse", "--db", db])
    assert result.exit_code == 1
    assert "new 1" in result.stderr and "nested too deeply" in result.stderr
    assert "Traceback" not in result.output


def test_issue_23_analyze_command_survives_nested_input(tmp_path: Path) -> None:
    (tmp_path / "deep.jsonl").write_text(NESTED + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "deep.jsonl")])
    assert result.exit_code == 1
    assert "nested too deeply" in result.stderr and "Traceback" not in result.output


def test_issue_23_article_stored_before_the_cap_is_shortened_before_analysis(
        engine: Engine) -> None:
    from europenews.ingest.fingerprint import article_keys
    from europenews.model import Analysis, Article
    from europenews.stages.analysis import analyze_pending
    from europenews.stages.summary import IngestSummary
    from europenews.store.articles import add_article

    long = Article(text="The port authority met again today. " * 9_000, title="Port")
    keys = article_keys(long)
    with engine.begin() as conn:  # as an older store holds it: no cap applied
        add_article(conn, long, article_id=keys.id, url=None, url_key=None,
                    content_hash=keys.content_hash)
    seen: list[int] = []

    class Measuring:
        name = "measuring"

        def analyze(self, batch):
            for article in batch:
                seen.append(len(article.text))
                yield Analysis(article=article)

        def close(self) -> None:
            pass

    summary = IngestSummary()
    analyze_pending(engine, Measuring(), summary)
    [(text, _title, truncated)] = _texts(engine)
    assert summary.analysed == 1 and seen == [len(text)]
    assert len(text) <= MAX_TEXT_CHARS < len(long.text) and truncated == "text"
