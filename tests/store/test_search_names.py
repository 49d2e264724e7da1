"""Search finds names as people write them, counts the matches and sorts by date (issue #24).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.ingest.fingerprint import article_keys
from europenews.model import Analysis, Article, Entity, Mention
from europenews.store.articles import add_article, save_analysis
from europenews.store.entities import link_entities
from europenews.store.search import count_matches, fts5_query, pg_tsquery, search_articles
from europenews.store.search_aliases import expandable_words, name_spellings
from europenews.store.views_search import search_page

# (title, text, published, the name as this article spells it)
ARTICLES = [
    ("Talks in Brussels", "Zelenskyy met alliance leaders in Brussels on Tuesday.",
     "2024-03-05", "Volodymyr Zelenskyy"),
    ("Visit to Kharkiv", "Zelenskiy toured a damaged school in Kharkiv.", "2024-05-20",
     "Volodymyr Zelenskiy"),
    ("Front line trip", "Zelensky spoke to soldiers near the front line.", "2024-01-11",
     "Volodymyr Zelensky"),
    ("Budget passes", "The parliament passed the budget after a long night.", None, None),
]


def _fill(engine: Engine, link: bool = True) -> list[str]:
    ids = []
    with engine.begin() as conn:
        for title, text, published, name in ARTICLES:
            article = Article(text=text, title=title, published=published, source="Desk")
            keys = article_keys(article)
            add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                        content_hash=keys.content_hash)
            ids.append(keys.id)
            if link and name:
                surname = name.split()[-1]
                start = text.index(surname)
                analysis = Analysis(
                    article=Article(text=text, id=keys.id, published=published),
                    entities=(Entity("e1", name, "person", (),
                                     (Mention(start, start + len(surname), surname),)),))
                save_analysis(conn, keys.id, {}, analysis, link_entities(conn, analysis,
                                                                         keys.id))
    return ids


def test_search_names_finds_every_known_spelling(engine: Engine) -> None:
    ids = _fill(engine)
    with engine.connect() as conn:
        spellings = name_spellings(conn, "Zelensky")
        hits = search_articles(conn, "Zelensky")
        lower = search_articles(conn, "zelenskiy school")
    assert spellings == {"Zelensky": ("Zelenskiy", "Zelenskyy")}
    assert {h.id for h in hits} == set(ids[:3])
    assert [h.id for h in lower] == [ids[1]]  # the other word still has to match


def test_search_names_are_not_widened_without_a_known_entity(engine: Engine) -> None:
    ids = _fill(engine, link=False)
    with engine.connect() as conn:
        assert name_spellings(conn, "Zelensky") == {}
        assert [h.id for h in search_articles(conn, "Zelensky")] == [ids[2]]


def test_search_names_leave_phrases_prefixes_and_or_alone() -> None:
    assert expandable_words('Zelensky "Zelensky visit" Zelen* Kyiv OR Kiev budget') == \
        ["Zelensky", "budget"]
    assert expandable_words("EU and the war") == []  # too short to be worth a lookup


def test_search_names_fts5_groups_the_spellings() -> None:
    spellings = {"Zelensky": ("Zelenskiy", "Zelenskyy")}
    assert fts5_query("Zelensky visit", spellings) == \
        '("Zelensky" OR "Zelenskiy" OR "Zelenskyy") AND "visit"'
    assert fts5_query("front Zelensky", spellings) == \
        '"front" AND ("Zelensky" OR "Zelenskiy" OR "Zelenskyy")'


def test_search_names_pg_tsquery_keeps_the_other_words() -> None:
    params: dict[str, object] = {}
    sql = pg_tsquery('Zelensky "front line"', {"Zelensky": ("Zelenskyy",)}, params)
    assert sql == ("(websearch_to_tsquery('english', :q) && (plainto_tsquery('english', :sp0_0)"
                   " || plainto_tsquery('english', :sp0_1)))")
    assert params == {"q": '"front line"', "sp0_0": "Zelensky", "sp0_1": "Zelenskyy"}
    assert pg_tsquery("", None, {}) is None


def test_search_count_matches_is_capped(engine: Engine) -> None:
    _fill(engine)
    with engine.connect() as conn:
        assert count_matches(conn, "Zelensky") == (3, True)
        assert count_matches(conn, "Zelensky", cap=2) == (2, False)
        assert count_matches(conn, "") == (4, True)
        assert count_matches(conn, "nothingmatches") == (0, True)


@pytest.mark.parametrize("sort", ["date", "relevance"])
def test_search_sort_by_date_is_newest_first(engine: Engine, sort: str) -> None:
    ids = _fill(engine)
    with engine.connect() as conn:
        hits = search_articles(conn, "Zelensky", sort=sort)
        page = search_page(conn, "Zelensky", sort=sort)
    assert [h["id"] for h in page["hits"]] == [h.id for h in hits]
    if sort == "date":
        assert [h.id for h in hits] == [ids[1], ids[0], ids[2]]
    assert (page["total"], page["total_exact"], page["sort"]) == (3, True, sort)
    assert page["spellings"] == {"Zelensky": ["Zelenskiy", "Zelenskyy"]}
    assert all("[" in h["snippet"] for h in page["hits"])  # every spelling is highlighted
