from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from europenews.ingest.fingerprint import article_keys
from europenews.model import Analysis, Article, Entity, Mention, Place
from europenews.store.articles import add_article, save_analysis
from europenews.store.entities import link_entities
from europenews.store.search import SearchFilters, fts5_query, search_articles

ARTICLES = [
    ("Drone strike hits Kherson", "A drone struck a market in Kherson on Monday.", "2024-05-01",
     "Kyiv Independent"),
    ("Parliament debates budget", "Lawmakers in Warsaw debated the budget for hours.",
     "2024-05-02", "Notes from Poland"),
    ("Floods in Valencia", "Heavy rain flooded streets; drones surveyed the damage.", "2024-10-30",
     "El País"),
]


def _fill(engine: Engine) -> list[str]:
    ids = []
    with engine.begin() as conn:
        for title, text, published, source in ARTICLES:
            article = Article(text=text, title=title, published=published, source=source)
            keys = article_keys(article)
            add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                        content_hash=keys.content_hash)
            ids.append(keys.id)
    return ids


def test_search_ranks_title_match_first(engine: Engine) -> None:
    _fill(engine)
    with engine.connect() as conn:
        hits = search_articles(conn, "drone")
    assert [h.title for h in hits][:2] == ["Drone strike hits Kherson", "Floods in Valencia"]
    assert "[" in hits[0].snippet and hits[0].score >= hits[1].score


def test_search_filters_by_date_and_source(engine: Engine) -> None:
    _fill(engine)
    with engine.connect() as conn:
        late = search_articles(conn, "drone", filters=SearchFilters(since="2024-06-01"))
        by_source = search_articles(conn, "budget", filters=SearchFilters(source="El País"))
    assert [h.title for h in late] == ["Floods in Valencia"]
    assert by_source == []


def test_search_filters_by_entity_and_place(engine: Engine) -> None:
    ids = _fill(engine)
    text = ARTICLES[0][1]
    analysis = Analysis(
        article=Article(text=text, id=ids[0], published="2024-05-01"),
        entities=(Entity("e1", "Oleksandr Prokudin", "person", (), (Mention(0, 1, "A"),)),),
        places=(Place("Kherson", "UA", 46.63, 32.61, None, (Mention(29, 36, "Kherson"),)),),
    )
    with engine.begin() as conn:
        save_analysis(conn, ids[0], {}, analysis, link_entities(conn, analysis, ids[0]))
    with engine.connect() as conn:
        by_entity = search_articles(conn, "", filters=SearchFilters(entity="Prokudin"))
        by_place = search_articles(conn, "market", filters=SearchFilters(place="kherson"))
        nobody = search_articles(conn, "drone", filters=SearchFilters(entity="Nobody"))
    assert [h.id for h in by_entity] == [ids[0]]
    assert [h.id for h in by_place] == [ids[0]]
    assert nobody == []


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR NOT", "a:b*(", "-drone"])
def test_search_odd_syntax_never_errors(engine: Engine, query: str) -> None:
    _fill(engine)
    with engine.connect() as conn:
        search_articles(conn, query)


def test_search_fts5_query_quotes_terms() -> None:
    assert fts5_query('kherson "drone strike" OR kyiv*') == '"kherson" "drone strike" OR "kyiv"*'


def test_search_broad_query_ranks_recent_window(engine: Engine,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from europenews.store import search

    _fill(engine)
    monkeypatch.setattr(search, "RANK_WINDOW", 1)
    with engine.connect() as conn:
        windowed = search_articles(conn, "drone")
        filtered = search_articles(conn, "drone", filters=SearchFilters(since="2024-01-01"))
    assert [h.title for h in windowed] == ["Floods in Valencia"]  # the latest stored match
    assert len(filtered) == 2  # filters lift the bound
