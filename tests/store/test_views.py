"""Read-only queries behind the web pages (store/views*.py) on a small hand-built store."""

from __future__ import annotations

import pytest

from europenews.model import (
    Analysis,
    Article,
    Entity,
    Event,
    EventSource,
    Figure,
    Mention,
    Place,
    PlaceRef,
    Quote,
    Speaker,
)
from europenews.store.articles import add_article, save_analysis
from europenews.store.engine import open_store
from europenews.store.entities import link_entities
from europenews.store.stories import assign_to_story, list_story_members, refresh_story
from europenews.store.views import casualty_figures, front_stories, store_version
from europenews.store.views_brief import story_brief
from europenews.store.views_geo import map_events, place_detail
from europenews.store.views_people import QuoteFilters, search_quotes, without_repeats
from europenews.stories.summary import summarize_story

TEXT = "Three people were killed in Kherson, governor Oleksandr Prokudin said."


def _store(conn, n: int, killed: int, source: str, story: str = "s1",
           point: tuple[float, float] = (46.6, 32.6), span: tuple[int, int] = (0, 70)) -> str:
    article = Article(text=TEXT + f" ({n})", id=f"a{n}", title=f"Kherson strike {n}",
                      source=source, published=f"2026-11-20T0{n}:00:00Z")
    person = Entity("e1", "Oleksandr Prokudin", "person",
                    mentions=(Mention(46, 64, "Oleksandr Prokudin"),))
    quote = Quote("Three people were killed in Kherson", 0, 35, ((0, 35),), "indirect",
                  Speaker("e1", "Oleksandr Prokudin"), Mention(65, 69, "said"))
    figure = Figure("killed", killed, *span, "Three people",
                    EventSource("e1", "Oleksandr Prokudin"), 0.9)
    event = Event("drone strike", 0, 35, "Three people were killed in Kherson", killed=killed,
                  place=PlaceRef("Kherson", "UA", *point), figures=(figure,))
    analysis = Analysis(article, (person,), (quote,), (event,), ())
    add_article(conn, article, article_id=f"a{n}", url=None, url_key=None,
                content_hash=f"h{n}")
    ids = link_entities(conn, analysis, f"a{n}")
    save_analysis(conn, f"a{n}", {}, analysis, ids)
    assign_to_story(conn, f"a{n}", story)
    refresh_story(conn, story, summarize_story(list_story_members(conn, story)))
    return f"a{n}"


@pytest.fixture
def conn(tmp_path):
    engine = open_store(f"sqlite:///{tmp_path / 'views.db'}")
    with engine.begin() as c:
        yield c
    engine.dispose()


def test_views_casualty_figures_keep_the_spread_between_outlets(conn):
    _store(conn, 1, 3, "Herald")
    _store(conn, 2, 3, "Daily")
    _store(conn, 3, 4, "Wire")
    figures = casualty_figures(conn, ["s1"])["s1"]
    assert {(f["value"], f["outlets"]) for f in figures} == {(3, 2), (4, 1)}
    # The latest confident report is the story's figure; the spread stays listed after it.
    assert (figures[0]["value"], figures[0]["primary"]) == (4, True)
    assert figures[0]["given_by"] == ["Oleksandr Prokudin"]
    assert figures[0]["evidence"][0] == {"article": "a3", "outlet": "Wire", "start": 0, "end": 70,
                                         "in_title": False}


def test_views_a_figure_read_from_the_title_says_so_and_quotes_the_title(conn):
    # An empty span at 0 is the title (analyze/events/titleonly.py): the page links the
    # article without a mark, and the brief quotes the title, not an empty sentence.
    _store(conn, 1, 3, "Herald", span=(0, 0))
    [figure] = casualty_figures(conn, ["s1"])["s1"]
    assert figure["evidence"][0]["in_title"] is True
    brief = story_brief(conn, "s1")
    assert brief is not None
    [killed] = [f for f in brief.figures if f.kind == "killed"]
    assert [e.sentence for e in killed.evidence] == ["Kherson strike 1"]


def test_views_map_events_do_not_multiply_one_story_by_its_outlets(conn):
    _store(conn, 1, 3, "Herald")
    _store(conn, 2, 4, "Wire")
    [kherson] = map_events(conn)
    assert (kherson["events"], kherson["killed"]) == (1, 4)


def test_views_map_events_keep_two_places_of_one_name_apart(conn):
    # Two places called the same are two markers at their own points, not one at their mean.
    _store(conn, 1, 3, "Herald", story="s1", point=(46.6, 32.6))
    _store(conn, 2, 4, "Wire", story="s2", point=(40.0, 20.0))
    points = sorted((e["lat"], e["lon"], e["killed"]) for e in map_events(conn))
    assert points == [(40.0, 20.0, 4), (46.6, 32.6, 3)]


def test_views_front_stories_and_quotes_read_the_store(conn):
    _store(conn, 1, 3, "Herald")
    [story] = front_stories(conn)
    assert story["id"] == "s1" and story["casualties"]
    [quote] = search_quotes(conn, QuoteFilters(speaker="Prokudin"))
    assert quote["speaker_name"] == "Oleksandr Prokudin"
    assert search_quotes(conn, QuoteFilters(text="nobody said this")) == []


def test_views_store_version_changes_with_new_articles(conn):
    before = store_version(conn)
    _store(conn, 1, 3, "Herald")
    assert store_version(conn) != before


def test_views_a_report_another_report_of_the_same_sentence_holds_is_shown_once():
    long = {"id": 1, "article_id": "a", "speaker_entity_id": 7, "kind": "indirect",
            "report": "Lena Holm criticized the plan and called for a new vote"}
    short = {"id": 2, "article_id": "a", "speaker_entity_id": 7, "kind": "indirect",
             "report": "Lena Holm criticized the plan"}
    other_article = dict(short, id=3, article_id="b")
    other_speaker = dict(short, id=4, speaker_entity_id=8)
    twin = dict(long, id=5)
    rows = [short, long, other_article, other_speaker, twin]
    assert [r["id"] for r in without_repeats(rows)] == [1, 3, 4]


def test_views_a_short_report_inside_another_words_is_still_shown():
    # "No" is not repeated by "Nobody knew": only whole words of another report hide one.
    said = {"id": 1, "article_id": "a", "speaker_entity_id": 7, "kind": "direct", "text": "No"}
    other = dict(said, id=2, text="Nobody knew the pier was shut")
    assert [r["id"] for r in without_repeats([said, other])] == [1, 2]
    again = dict(said, id=3, text="No, nobody knew")
    assert [r["id"] for r in without_repeats([said, other, again])] == [2, 3]


def test_views_map_events_put_one_incident_at_one_point(conn):
    # Three reports of one story: two put the place at one point, the third elsewhere. The
    # incident is one marker, at the point most give, with the highest figure of all three.
    _store(conn, 1, 3, "Herald", point=(46.6, 32.6))
    _store(conn, 2, 3, "Daily", point=(46.6, 32.6))
    _store(conn, 3, 4, "Wire", point=(40.0, 20.0))
    [kherson] = map_events(conn)
    assert (kherson["lat"], kherson["lon"], kherson["events"], kherson["killed"]) == (
        46.6, 32.6, 1, 4)


def _place_only(conn, n: int, point: tuple[float | None, float | None]) -> None:
    article = Article(text="Storm hits Vale.", id=f"p{n}", title=f"Storm {n}", source="Herald",
                      published=f"2026-11-21T0{n}:00:00Z")
    place = Place("Vale", "US", *point, mentions=(Mention(11, 15, "Vale"),))
    add_article(conn, article, article_id=f"p{n}", url=None, url_key=None, content_hash=f"p{n}")
    save_analysis(conn, f"p{n}", {}, Analysis(article, places=(place,)), {})


def test_views_a_place_page_shows_its_commonest_point_and_every_article(conn):
    # Three articles leave "Vale" without a point, two give one point, one another: the page
    # is centred on a point (the commonest) and counts all six articles.
    for n, point in enumerate([(None, None)] * 3 + [(41.0, -75.0)] * 2 + [(30.0, -90.0)]):
        _place_only(conn, n, point)
    found = place_detail(conn, "Vale")
    assert found is not None
    assert (found["lat"], found["lon"], found["articles"]) == (41.0, -75.0, 6)
