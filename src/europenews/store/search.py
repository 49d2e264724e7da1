"""Full-text search over stored articles: FTS5 + bm25 on SQLite, tsvector + GIN on PostgreSQL.

One function, :func:`search_articles`, hides the two backends. Queries are plain words and
"quoted phrases" (all must match); ``OR`` between terms widens, a trailing ``*`` matches a
prefix. Filters narrow by date, source, canonical entity and place name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection, bindparam, text

from europenews.store.entities import entity_ids_for_name
from europenews.store.search_aliases import name_spellings

_TERM = re.compile(r'"([^"]*)"|(\S+)')

# A query matching more articles than this ranks only the most recently stored matches:
# ranking costs time per match, and a news search favours recent articles. Filters (dates,
# source, entity, place) lift the bound, since they narrow the matches themselves.
RANK_WINDOW = 1000
# Matches are counted up to this many ("more than 10,000"): a count is for a reader, and
# counting every match of a very common word would cost as much as the search itself.
COUNT_CAP = 10_000
SORTS = ("relevance", "date")

Spellings = Mapping[str, tuple[str, ...]]  # a query word → its other known spellings


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Optional narrowing of a search; dates are ISO strings compared as text."""

    since: str | None = None  # published >= since
    until: str | None = None  # published < until (a date "2024-12-02" means before that day)
    source: str | None = None  # exact publisher name / hostname
    entity: str | None = None  # a name, linked through the canonical entity table
    place: str | None = None  # a place name (case-insensitive)
    story: str | None = None  # only the articles of this story (an alert's query)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result; ``score`` is higher for better matches."""

    id: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None
    snippet: str
    score: float


def fts5_query(query: str, spellings: Spellings | None = None) -> str:
    """A user query as a safe FTS5 expression: each term quoted, so no syntax error leaks; a
    word with other known ``spellings`` matches any of them."""
    parts: list[str] = []
    for phrase, word in _TERM.findall(query):
        if word == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        term = phrase if phrase else word
        tokens = re.findall(r"\w+", term)
        if not tokens:
            continue
        if spellings and not phrase and word in spellings:
            forms = [" ".join(tokens)] + [" ".join(re.findall(r"\w+", w)) for w in spellings[word]]
            parts.append("(" + " OR ".join(f'"{f}"' for f in forms if f) + ")")
            continue
        prefix = "*" if (word and word.endswith("*")) else ""
        parts.append('"' + " ".join(tokens) + '"' + prefix)
    while parts and parts[-1] == "OR":
        parts.pop()
    # FTS5 ANDs two phrases written side by side, but a (group) needs an explicit AND.
    out = parts[:1]
    for before, part in pairwise(parts):
        grouped = before.startswith("(") or part.startswith("(")
        out.append(f"AND {part}" if grouped and "OR" not in (before, part) else part)
    return " ".join(out)


def pg_query(query: str) -> str:
    """A user query for ``websearch_to_tsquery`` (which already accepts quotes and OR)."""
    return " ".join(query.replace("*", " ").split())


def pg_tsquery(query: str, spellings: Spellings | None, params: dict[str, Any]) -> str | None:
    """The SQL tsquery for ``query``: ``websearch_to_tsquery`` over the words as written, AND
    each widened word as an OR of its spellings (websearch syntax has no parentheses). Binds
    its values into ``params``; None when nothing is left to search for."""
    widened = spellings or {}
    rest = " ".join(f'"{phrase}"' if phrase else word for phrase, word in _TERM.findall(query)
                    if phrase or word not in widened)
    parts: list[str] = []
    if q := pg_query(rest):
        params["q"] = q
        parts.append("websearch_to_tsquery('english', :q)")
    for i, (word, others) in enumerate(widened.items()):
        forms = []
        for j, form in enumerate((word, *others)):
            params[f"sp{i}_{j}"] = form
            forms.append(f"plainto_tsquery('english', :sp{i}_{j})")
        parts.append("(" + " || ".join(forms) + ")")
    return "(" + " && ".join(parts) + ")" if parts else None


def count_matches(conn: Connection, query: str, filters: SearchFilters | None = None,
                  language: str | None = None, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many articles match (names widened to their known spellings, as in the search
    itself), counted up to ``cap``: ``(count, exact)``, ``exact`` False when there are more."""
    params: dict[str, Any] = {"cap": cap + 1}
    conds, possible = filters_sql(conn, filters, params)
    if not possible:
        return 0, True
    if language:
        conds.append("lower(a.language) = :language")
        params["language"] = language.lower()
    where = "".join(f" AND {c}" for c in conds)
    spellings = name_spellings(conn, query) if query.strip() else {}
    if not query.strip():
        inner = f"SELECT 1 FROM articles a WHERE 1 = 1{where} LIMIT :cap"
    elif conn.dialect.name == "postgresql":
        tsq = pg_tsquery(query, spellings, params)
        if tsq is None:
            return 0, True
        inner = f"SELECT 1 FROM articles a WHERE a.search_vector @@ {tsq}{where} LIMIT :cap"
    else:
        params["match"] = fts5_query(query, spellings)
        if not params["match"]:
            return 0, True
        inner = ("SELECT 1 FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
                 f"WHERE articles_fts MATCH :match{where} LIMIT :cap")
    found = int(conn.execute(bind_sql(f"SELECT count(*) FROM ({inner}) AS m", params),
                             params).scalar_one())
    return min(found, cap), found <= cap


def filters_sql(
    conn: Connection, filters: SearchFilters | None, params: dict[str, Any]
) -> tuple[list[str], bool]:
    """SQL conditions on alias ``a`` for the filters; False when a filter can match nothing."""
    conds: list[str] = []
    if filters is None:
        return conds, True
    if filters.since:
        conds.append("a.published >= :since")
        params["since"] = filters.since
    if filters.until:
        conds.append("a.published < :until")
        params["until"] = filters.until
    if filters.source:
        conds.append("a.source = :source")
        params["source"] = filters.source
    if filters.entity:
        ids = entity_ids_for_name(conn, filters.entity)
        if not ids:
            return conds, False
        conds.append("a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN :eids)")
        params["eids"] = ids
    if filters.place:
        conds.append("a.id IN (SELECT article_id FROM places WHERE lower(name) = :place)")
        params["place"] = filters.place.lower()
    if filters.story:
        conds.append("a.id IN (SELECT article_id FROM story_members WHERE story_id = :story)")
        params["story"] = filters.story
    return conds, True


def bind_sql(sql: str, params: dict[str, Any]) -> Any:
    """A text statement for ``sql``; the entity-id list binds as an expanding IN."""
    stmt = text(sql)
    if "eids" in params:
        stmt = stmt.bindparams(bindparam("eids", expanding=True))
    return stmt


def search_articles(
    conn: Connection, query: str, limit: int = 20, filters: SearchFilters | None = None,
    sort: str = "relevance",
) -> list[SearchHit]:
    """The best-matching articles for ``query``, best first, or newest first (``sort`` "date",
    and always without a query). A word that spells a known name also matches the name's
    other spellings (``store/search_aliases.py``)."""
    params: dict[str, Any] = {"limit": limit}
    conds, possible = filters_sql(conn, filters, params)
    if not possible:
        return []
    if not query.strip():
        return _recent(conn, conds, params)
    spellings = name_spellings(conn, query)
    if conn.dialect.name == "postgresql":
        return _search_pg(conn, query, conds, params, spellings, sort)
    return _search_sqlite(conn, query, conds, params, spellings, sort)


def _recent(conn: Connection, conds: list[str], params: dict[str, Any]) -> list[SearchHit]:
    where = f"WHERE {' AND '.join(conds)}" if conds else ""
    sql = (
        "SELECT a.id, a.title, a.url, a.published, a.source, substr(a.text, 1, 200) AS snippet "
        f"FROM articles a {where} ORDER BY a.published DESC, a.pk DESC LIMIT :limit"
    )
    return [SearchHit(r.id, r.title, r.url, r.published, r.source, r.snippet, 0.0)
            for r in conn.execute(bind_sql(sql, params), params)]


def _search_sqlite(
    conn: Connection, query: str, conds: list[str], params: dict[str, Any],
    spellings: Spellings, sort: str,
) -> list[SearchHit]:
    match = fts5_query(query, spellings)
    if not match:
        return []
    params["match"] = match
    extra = "".join(f" AND {c}" for c in conds)
    order = "score"
    if sort == "date":  # every match, newest first: no ranking, so no window either
        order = "a.published IS NULL, a.published DESC, a.pk DESC"
    elif not conds:
        params["window"] = RANK_WINDOW
        extra = (" AND articles_fts.rowid >= (SELECT coalesce(min(r), 0) FROM (SELECT rowid AS r"
                 " FROM articles_fts WHERE articles_fts MATCH :match ORDER BY rowid DESC"
                 " LIMIT :window))")
    # Title matches weigh more than body matches (bm25 column weights).
    sql = (
        "SELECT a.id, a.title, a.url, a.published, a.source, "
        "snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet, "
        "bm25(articles_fts, 5.0, 1.0) AS score "
        "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
        f"WHERE articles_fts MATCH :match{extra} ORDER BY {order} LIMIT :limit"
    )
    return [SearchHit(r.id, r.title, r.url, r.published, r.source, r.snippet or "", -r.score)
            for r in conn.execute(bind_sql(sql, params), params)]


def _search_pg(
    conn: Connection, query: str, conds: list[str], params: dict[str, Any],
    spellings: Spellings, sort: str,
) -> list[SearchHit]:
    tsq = pg_tsquery(query, spellings, params)
    if tsq is None:
        return []
    extra = "".join(f" AND {c}" for c in conds)
    order, outer = "score DESC, a.pk", "h.score DESC"
    if sort == "date":  # every match, newest first: no ranking, so no window either
        order = "a.published DESC NULLS LAST, a.pk DESC"
        outer = "h.published DESC NULLS LAST, h.score DESC"
    elif not conds:
        params["window"] = RANK_WINDOW
        extra = (" AND a.pk >= (SELECT coalesce(min(w.pk), 0) FROM (SELECT pk FROM articles"
                 f" WHERE search_vector @@ {tsq}"
                 " ORDER BY pk DESC LIMIT :window) AS w)")
    # Rank in the inner query; build snippets (slow) only for the rows returned.
    sql = (
        "SELECT h.id, h.title, h.url, h.published, h.source, h.score, "
        "ts_headline('english', left(coalesce(nullif(h.text, ''), h.title, ''), 20000), h.tq, "
        "'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1, "
        "FragmentDelimiter=…') AS snippet FROM ("
        "SELECT a.id, a.title, a.url, a.published, a.source, a.text, tq, "
        "ts_rank(a.search_vector, tq) AS score "
        f"FROM articles a, (SELECT {tsq} AS tq) AS t "
        f"WHERE a.search_vector @@ tq{extra} ORDER BY {order} LIMIT :limit) AS h "
        f"ORDER BY {outer}"
    )
    return [SearchHit(r.id, r.title, r.url, r.published, r.source, r.snippet or "",
                      float(r.score))
            for r in conn.execute(bind_sql(sql, params), params)]
