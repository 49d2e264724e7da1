"""Full-text search with paging and facets for the web site (over ``store/search.py``).

Facets (source, language, people, places, month) are counted over the best
:data:`FACET_DEPTH` hits, which is what a reader narrows from; the page says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, replace
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from europenews.store.rows import row_dict
from europenews.store.schema import article_entities, articles, entities, places

# The query translation and filters are the store's own (one definition of search syntax).
from europenews.store.search import (
    RANK_WINDOW,
    SORTS,
    SearchFilters,
    bind_sql,
    count_matches,
    filters_sql,
    fts5_query,
    search_articles,
    snippet_query,
    time_limit,
)
from europenews.store.search_aliases import name_spellings
from europenews.store.snippets import WINDOW, make_snippet

FACET_DEPTH = 100


def search_page(conn: Connection, query: str, filters: SearchFilters | None = None,
                language: str | None = None, limit: int = 20, offset: int = 0,
                sort: str = "relevance") -> dict[str, Any]:
    """One page of hits (best first, or newest first with ``sort`` "date" and without a
    query) with ``has_more``, how many match in all (``total``, exact up to
    ``COUNT_CAP``), the other spellings searched for a name (``spellings``) and facet counts
    over the first :data:`FACET_DEPTH` hits."""
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else "relevance"
    depth = max(offset + limit + 1, FACET_DEPTH)
    spellings = name_spellings(conn, query) if query.strip() else {}
    if conn.dialect.name == "sqlite":
        with time_limit(conn):  # as every search: bounded in time (store.search)
            match = fts5_query(query, spellings)
            ranked = _ranked_sqlite(conn, query, match, filters, language, depth, sort)
            page = _hits_sqlite(conn, snippet_query(query, spellings),
                                [r["id"] for r in ranked[offset:offset + limit]])
    else:  # PostgreSQL: the store's search (snippets are made for the returned rows only)
        hits = [asdict(h) for h in search_articles(conn, query, depth, filters, sort)]
        langs = _languages(conn, [h["id"] for h in hits])
        for h in hits:
            h["language"] = langs.get(h["id"])
        ranked = [h for h in hits if not language
                  or (h["language"] or "").lower() == language.lower()]
        page = ranked[offset:offset + limit]
    with time_limit(conn):
        total, exact = count_matches(conn, query, filters, language)
    return {
        "query": query,
        "sort": sort,
        "total": total,
        "total_exact": exact,
        "spellings": {word: list(others) for word, others in spellings.items()},
        "hits": page,
        "has_more": len(ranked) > offset + limit,
        "facets": facets(conn, ranked[:FACET_DEPTH]),
        "facet_depth": FACET_DEPTH,
    }


def _ranked_sqlite(conn: Connection, query: str, match: str, filters: SearchFilters,
                   language: str | None, depth: int, sort: str) -> list[dict[str, Any]]:
    """The first ``depth`` matches (best or newest first) without snippets (snippets cost;
    only one page needs them)."""
    params: dict[str, Any] = {"depth": depth}
    conds, possible = filters_sql(conn, filters, params)
    if not possible:
        return []
    if language:
        conds.append("lower(a.language) = :language")
        params["language"] = language.lower()
    cols = "a.id, a.source, a.published, a.language"
    if not query.strip():
        where = f"WHERE {' AND '.join(conds)}" if conds else ""
        sql = (f"SELECT {cols} FROM articles a {where} "
               "ORDER BY a.published DESC, a.pk DESC LIMIT :depth")
    else:
        params["match"] = match
        if not params["match"]:
            return []
        extra = "".join(f" AND {c}" for c in conds)
        order = "bm25(articles_fts, 5.0, 1.0)"
        if sort == "date":  # every match, newest first (nothing to rank, so no window)
            order = "a.published IS NULL, a.published DESC, a.pk DESC"
        elif not conds:  # as search_articles: rank only the latest RANK_WINDOW matches
            params["rank_window"] = RANK_WINDOW
            extra = (" AND articles_fts.rowid >= (SELECT coalesce(min(r), 0) FROM (SELECT rowid"
                     " AS r FROM articles_fts WHERE articles_fts MATCH :match"
                     " ORDER BY rowid DESC LIMIT :rank_window))")
        sql = (f"SELECT {cols} FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
               f"WHERE articles_fts MATCH :match{extra} "
               f"ORDER BY {order} LIMIT :depth")
    return [row_dict(r) for r in conn.execute(bind_sql(sql, params), params)]


def _hits_sqlite(conn: Connection, query: str, ids: list[str]) -> list[dict[str, Any]]:
    """Display rows with snippets (``[match]`` marked, made by ``store.snippets`` from the
    text's beginning; ``query`` holds the words to mark) for ``ids``, in that order."""
    if not ids:
        return []
    params: dict[str, Any] = {"ids": ids, "window": WINDOW}
    sql = ("SELECT a.id, a.title, a.url, a.published, a.source, a.language, "
           "substr(a.text, 1, :window) AS head FROM articles a WHERE a.id IN :ids")
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    rows = {}
    for r in conn.execute(stmt, params):
        row = row_dict(r)
        head = row.pop("head") or ""
        row["snippet"] = make_snippet(head, row["title"], query) if query.strip() \
            else head[:200]
        rows[r.id] = row
    return [rows[i] for i in ids if i in rows]


def _languages(conn: Connection, ids: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update({r.id: r.language for r in conn.execute(
            select(articles.c.id, articles.c.language).where(articles.c.id.in_(chunk)))})
    return out


def facets(conn: Connection, hits: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Counts per source, language, month, person and place among ``hits``."""
    ids = [h["id"] for h in hits]

    def top(counter: Counter[Any], n: int = 10) -> list[dict[str, Any]]:
        return [{"value": k, "count": v} for k, v in counter.most_common(n) if k]

    months = top(Counter((h["published"] or "")[:7] for h in hits), 24)
    out = {
        "source": top(Counter(h["source"] for h in hits)),
        "language": top(Counter(h.get("language") for h in hits)),
        "month": sorted(months, key=lambda f: f["value"], reverse=True),
        "person": [],
        "place": [],
    }
    if not ids:
        return out
    # Counted here from rows found by article id (an index): joined in SQL, SQLite would
    # walk every person in the entity table instead.
    pairs = {(r.article_id, r.entity_id) for r in conn.execute(
        select(article_entities.c.article_id, article_entities.c.entity_id)
        .where(article_entities.c.article_id.in_(ids)))}
    per_entity = Counter(entity for _, entity in pairs)
    people = {r.id: r.name for r in conn.execute(
        select(entities.c.id, entities.c.name)
        .where(entities.c.id.in_(list(per_entity)), entities.c.type == "person"))}
    out["person"] = top(Counter({people[e]: n for e, n in per_entity.items() if e in people}))
    per_place = Counter(r.name for r in conn.execute(
        select(places.c.article_id, places.c.name).where(places.c.article_id.in_(ids))
        .distinct()))
    out["place"] = top(per_place)
    return out


def month_filters(filters: SearchFilters, month: str | None) -> SearchFilters:
    """Filters narrowed to one month ('2024-12'), as the month facet links ask."""
    if not month or len(month) != 7 or not (month[:4].isdigit() and month[5:].isdigit()):
        return filters
    year, mon = int(month[:4]), int(month[5:7])
    nxt = f"{year + (mon == 12):04d}-{mon % 12 + 1:02d}"
    return replace(filters, since=month, until=nxt)
