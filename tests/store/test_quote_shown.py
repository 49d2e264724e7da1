"""Quotes not confident enough to show (``shown`` false): stored and exported, one click away
on story and person pages, never in the brief, alerts, quote search or speaker counts."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from europenews.contract import analysis_to_dict
from europenews.model import Analysis, Article, Entity, Mention, Quote, Speaker
from europenews.store.alert_facts import story_facts
from europenews.store.articles import add_article, save_analysis
from europenews.store.engine import open_store
from europenews.store.entities import link_entities
from europenews.store.exports import export_quotes
from europenews.store.migrations import downgrade, upgrade
from europenews.store.schema import quotes
from europenews.store.stories import assign_to_story, list_story_members, refresh_story
from europenews.store.views import counts, story_detail
from europenews.store.views_brief import brief_input
from europenews.store.views_people import QuoteFilters, entity_detail, search_quotes
from europenews.stories.summary import summarize_story

# Written for this test: a statement, then an action a model might read as a report.
TEXT = "Mayor Ines Varga said the ferry will run again. Varga opened the new harbour gate."


def _store(conn) -> int:
    article = Article(text=TEXT, id="a1", title="Ferry", source="Herald",
                      published="2026-11-20T08:00:00Z")
    varga = Entity("e1", "Ines Varga", "person", mentions=(Mention(6, 16, "Ines Varga"),
                                                             Mention(48, 53, "Varga")))
    said = Quote("the ferry will run again", 22, 46, ((22, 46),), "indirect",
                 Speaker("e1", "Ines Varga", Mention(6, 16, "Ines Varga")), Mention(17, 21, "said"))
    opened = Quote("the new harbour gate", 61, 81, ((61, 81),), "indirect",
                   Speaker("e1", "Ines Varga", Mention(48, 53, "Varga")), Mention(54, 60, "opened"),
                   shown=False, confidence=0.41)
    analysis = Analysis(article, (varga,), (said, opened), (), ())
    add_article(conn, article, article_id="a1", url=None, url_key=None, content_hash="h1")
    ids = link_entities(conn, analysis, "a1")
    save_analysis(conn, "a1", analysis_to_dict(analysis), analysis, ids)
    assign_to_story(conn, "a1", "s1")
    refresh_story(conn, "s1", summarize_story(list_story_members(conn, "s1")))
    return ids["e1"]


@pytest.fixture
def conn(tmp_path):
    engine = open_store(f"sqlite:///{tmp_path / 'shown.db'}")
    with engine.begin() as c:
        yield c
    engine.dispose()


def test_shown_quotes_only_on_pages_brief_alerts_and_search(conn):
    varga = _store(conn)
    story = story_detail(conn, "s1")
    assert [q["text"] for g in story["quotes_by_speaker"] for q in g["quotes"]] == [
        "the ferry will run again"]
    [unsure] = [q for g in story["less_certain_quotes"] for q in g["quotes"]]
    assert (unsure["text"], unsure["shown"], unsure["confidence"]) == (
        "the new harbour gate", False, 0.41)
    person = entity_detail(conn, varga)
    assert [q["text"] for q in person["quotes"]] == ["the ferry will run again"]
    assert [q["text"] for q in person["less_certain_quotes"]] == ["the new harbour gate"]
    assert [q.text for q in brief_input(conn, "s1").quotes] == ["the ferry will run again"]
    facts = story_facts(conn, "s1")
    assert [text for _, text in facts.quotes] == ["the ferry will run again"]
    assert len(search_quotes(conn, QuoteFilters(speaker="Varga"))) == 1
    every = search_quotes(conn, QuoteFilters(speaker="Varga", shown_only=False))
    assert sorted(q["shown"] for q in every) == [False, True]
    assert counts(conn)["quotes"] == 1  # the footer's and status page's total


def test_export_keeps_every_quote_with_its_flag(conn):
    _store(conn)
    rows = list(export_quotes(conn))
    assert [(r["shown"], r["confidence"]) for r in rows] == [(True, 1.0), (False, 0.41)]


def test_an_old_store_opens_with_its_quotes_shown(db_url):
    engine = open_store(db_url)
    downgrade(engine, "0006_alerts")
    with engine.begin() as c:
        add_article(c, Article(text=TEXT, title="Ferry"), article_id="a1", url=None,
                    url_key=None, content_hash="h1")
        c.exec_driver_sql("INSERT INTO quotes (article_id, position, text, start, \"end\", kind) "
                          "VALUES ('a1', 0, 'the ferry will run again', 22, 46, 'indirect')")
    upgrade(engine)
    with engine.begin() as c:
        assert list(c.execute(select(quotes.c.shown, quotes.c.confidence))) == [(True, 1.0)]
        c.execute(insert(quotes).values(article_id="a1", position=1, text="x", start=0, end=1,
                                        kind="direct"))  # new rows default to shown
        assert [r.shown for r in c.execute(select(quotes.c.shown))] == [True, True]
    engine.dispose()
