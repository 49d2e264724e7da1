"""One data function per resource, shared by a page and its /api/ twin, on a hand-built store."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.contract import analysis_to_dict
from europenews.model import Analysis, Article, Entity, Mention, Quote, Speaker
from europenews.store.articles import add_article, save_analysis
from europenews.store.entities import link_entities
from europenews.store.stories import assign_to_story, list_story_members, refresh_story
from europenews.stories.summary import summarize_story
from europenews.web import resources
from europenews.web.resources import Paging

SPEAKER = "Marta Kowalczyk"


def _article(conn, n: int, source: str, story: str = "s1") -> str:
    text = f'"The bridge will reopen in spring," {SPEAKER} said on day {n}.'
    article = Article(text=text, id=f"a{n}", title=f"Bridge news {n}", source=source,
                      published=f"2026-10-{n:02d}T09:00:00Z")
    person = Entity("e1", SPEAKER, "person", mentions=(Mention(36, 51, SPEAKER),))
    quote = Quote("The bridge will reopen in spring,", 1, 34, ((1, 34),), "direct",
                  Speaker("e1", SPEAKER, Mention(36, 51, SPEAKER)), Mention(52, 56, "said"))
    analysis = Analysis(article, (person,), (quote,), (), ())
    add_article(conn, article, article_id=f"a{n}", url=None, url_key=None, content_hash=f"h{n}")
    ids = link_entities(conn, analysis, f"a{n}")
    save_analysis(conn, f"a{n}", analysis_to_dict(analysis), analysis, ids)
    assign_to_story(conn, f"a{n}", story)
    refresh_story(conn, story, summarize_story(list_story_members(conn, story)))
    return f"a{n}"


@pytest.fixture
def conn(engine: Engine):
    with engine.begin() as c:
        for n, source in enumerate(["Herald", "Courier", "Herald"], start=1):
            _article(c, n, source)
        yield c


@pytest.mark.parametrize(("page", "per_page", "ids", "more"), [
    (1, 2, ["a3", "a2"], True), (2, 2, ["a1"], False), (1, 3, ["a3", "a2", "a1"], False),
], ids=["first-of-two", "last", "exactly-one-page"])
def test_resources_lists_page_with_has_more(conn, page, per_page, ids, more):
    got = resources.articles(conn, None, Paging(page, per_page))
    assert [a["id"] for a in got.items] == ids and got.has_more is more


def test_resources_empty_parameters_mean_not_given(conn):
    assert resources.quote_filters("", "", None, "", None, "") == resources.quote_filters(
        None, None, None, None, None, None)
    every = resources.articles(conn, "", Paging(1, 10)).items
    assert len(every) == 3
    assert {a["source"] for a in resources.articles(conn, "Courier", Paging(1, 10)).items} == {
        "Courier"}


def test_resources_entity_pages_its_quotes(conn):
    [person] = resources.entities(conn, "person", "Kowalczyk", Paging(1, 10)).items
    first = resources.entity(conn, person["id"], Paging(1, 2))
    last = resources.entity(conn, person["id"], Paging(2, 2))
    assert first is not None and last is not None
    assert len(first.entity["quotes"]) == 2 and first.more_quotes
    assert len(last.entity["quotes"]) == 1 and not last.more_quotes
    assert resources.entity(conn, 10_000, Paging(1, 2)) is None


@pytest.mark.parametrize(("value", "kind"), [("person", "person"), ("robot", None), (None, None)],
                         ids=["known", "unknown", "none"])
def test_resources_entity_type_ignores_unknown_types(value, kind):
    assert resources.entity_type(value) == kind


def test_resources_quotes_filter_by_speaker(conn):
    found = resources.quotes(conn, resources.quote_filters(None, "Kowalczyk", None, None, None,
                                                           None), Paging(1, 10))
    assert len(found.items) == 3 and {q["speaker_name"] for q in found.items} == {SPEAKER}


def test_resources_story_and_top_stories_show_the_stored_summary(conn):
    [top] = resources.top_stories(conn, Paging(1, 5)).items
    story = resources.story(conn, "s1")
    assert story is not None and top["id"] == "s1"
    assert (top["headline"], top["source_count"], top["article_count"]) == ("Bridge news 1", 2, 3)
    assert [a["id"] for a in story["articles"]] == ["a1", "a2", "a3"]
    assert resources.story(conn, "nope") is None


def test_resources_article_carries_its_analysis(conn):
    article = resources.article(conn, "a2")
    assert article is not None and article["analysis"]["schema"] == "europenews.analysis/1"
    assert article["analysis"]["quotes"][0]["speaker"]["name"] == SPEAKER
    assert resources.article(conn, "nope") is None


@pytest.mark.parametrize("view", ["sources", "admin_sources"])
def test_resources_sources_carry_the_totals(conn, view):
    status = getattr(resources, view)(conn, "2026-10-02")
    assert status["counts"]["articles"] == 3 and status["counts"]["stories"] == 1
    assert {p["source"] for p in status["publishers"]} == {"Herald", "Courier"}


def _repeating_article(conn) -> None:
    # Two quotes of one speaker in one article, the shorter held by the longer (the newest).
    long = "The bridge will reopen in spring and the ferry in May"
    short = "The bridge will reopen in spring"
    text = f'"{long}," {SPEAKER} said. "{short}," she told the council.'
    article = Article(text=text, id="a4", title="Bridge news 4", source="Herald",
                      published="2026-10-04T09:00:00Z")
    at = text.index(SPEAKER)
    person = Entity("e1", SPEAKER, "person", mentions=(Mention(at, at + len(SPEAKER), SPEAKER),))
    quotes = []
    for words in (long, short):
        s = text.index(f'"{words},') + 1
        quotes.append(Quote(words, s, s + len(words), ((s, s + len(words)),), "direct",
                            Speaker("e1", SPEAKER, Mention(at, at + len(SPEAKER), SPEAKER)),
                            Mention(at + len(SPEAKER) + 1, at + len(SPEAKER) + 5, "said")))
    analysis = Analysis(article, (person,), tuple(quotes), (), ())
    add_article(conn, article, article_id="a4", url=None, url_key=None, content_hash="h4")
    ids = link_entities(conn, analysis, "a4")
    save_analysis(conn, "a4", analysis_to_dict(analysis), analysis, ids)


def test_resources_a_repeat_left_out_never_ends_the_paging(conn):
    _repeating_article(conn)
    filters = resources.quote_filters(None, "Kowalczyk", None, None, None, None)
    first = resources.quotes(conn, filters, Paging(1, 2))
    assert [q["article_id"] for q in first.items] == ["a4"] and first.has_more
    assert "ferry" in first.items[0]["text"]
    every = list(resources.all_quotes(conn, filters, batch=2))
    assert [q["article_id"] for q in every] == ["a4", "a3", "a2", "a1"]
