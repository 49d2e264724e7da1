"""Full-text search over stored articles: FTS5 + bm25 on SQLite, tsvector + GIN on PostgreSQL.

One function, :func:`search_articles`, hides the two backends. Queries are plain words and
"quoted phrases" (all must match); ``OR`` between terms widens, a trailing ``*`` matches a
prefix. Filters narrow by date, source, canonical entity and place name.

What one query may cost is bounded: at most :data:`MAX_TERMS` terms, of which
:data:`MAX_PREFIX_TERMS` prefixes of at least :data:`MIN_PREFIX` characters (a short prefix
such as ``a*`` expands to most of the index; beyond the limits a prefix counts as its word);
snippets come from ``store.snippets`` at a fixed cost; and every query runs under
:func:`time_limit` (an SQLite progress handler, a PostgreSQL statement timeout), which ends it
with a :class:`~europenews.errors.QueryTimeout` after :data:`SEARCH_SECONDS`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.exc import OperationalError

from europenews.errors import QueryTimeout
from europenews.store.engine import DEADLINE
from europenews.store.entities import entity_ids_for_name
from europenews.store.search_aliases import name_spellings
from europenews.store.snippets import WINDOW, make_snippet

_TERM = re.compile(r'"([^"]*)"|(\S+)')

# A query matching more articles than this ranks only the most recently stored matches:
# ranking costs time per match, and a news search favours recent articles. Filters (dates,
# source, entity, place) lift the bound, since they narrow the matches themselves.
RANK_WINDOW = 1000
# Matches are counted up to this many ("more than 10,000"): a count is for a reader, and
# counting every match of a very common word would cost as much as the search itself.
COUNT_CAP = 10_000
SORTS = ("relevance", "date")
MAX_TERMS = 12
MAX_PREFIX_TERMS = 3
MIN_PREFIX = 3
SEARCH_SECONDS = 3.0  # a search that takes longer is stopped (narrow it, or page less deep)

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
    word with other known ``spellings`` matches any of them; within the limits on terms and
    prefixes (see the module's docstring)."""
    parts: list[str] = []
    terms = prefixes = 0
    for phrase, word in _TERM.findall(query):
        if word == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        term = phrase if phrase else word
        tokens = re.findall(r"\w+", term)
        if not tokens:
            continue
        if terms == MAX_TERMS:
            break
        terms += 1
        if spellings and not phrase and word in spellings:
            forms = [" ".join(tokens)] + [" ".join(re.findall(r"\w+", w)) for w in spellings[word]]
            parts.append("(" + " OR ".join(f'"{f}"' for f in forms if f) + ")")
            continue
        prefix = ""
        if word and word.endswith("*") and prefixes < MAX_PREFIX_TERMS \
                and len(tokens[-1]) >= MIN_PREFIX:
            prefix, prefixes = "*", prefixes + 1
        parts.append('"' + " ".join(tokens) + '"' + prefix)
    while parts and parts[-1] == "OR":
        parts.pop()
    # FTS5 ANDs two phrases written side by side, but a (group) needs an explicit AND.
    out = parts[:1]
    for before, part in pairwise(parts):
        grouped = before.startswith("(") or part.startswith("(")
        out.append(f"AND {part}" if grouped and "OR" not in (before, part) else part)
    return " ".join(out)


@contextmanager
def time_limit(conn: Connection, seconds: float = SEARCH_SECONDS) -> Iterator[None]:
    """Run the block's queries for at most ``seconds``; past that the running query is
    stopped and :class:`QueryTimeout` raised. SQLite: the deadline the connection's progress
    handler looks at (``store.engine``; cleared after the block). PostgreSQL:
    ``statement_timeout`` for the transaction in hand (the read connection's, rolled back
    when it is returned)."""
    message = (f"search: stopped after {seconds:g} s; narrow the query (fewer or longer "
               "words, a date or a source)")
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT set_config('statement_timeout', :ms, true)"),
                     {"ms": str(max(1, int(seconds * 1000)))})
        try:
            yield
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) == "57014":  # query_canceled
                raise QueryTimeout(message) from exc
            raise
        return
    info = conn.connection.info  # read by the connection's progress handler (store.engine)
    info[DEADLINE] = time.monotonic() + seconds
    try:
        yield
    except OperationalError as exc:
        if "interrupted" in str(exc.orig) and time.monotonic() > info[DEADLINE]:
            raise QueryTimeout(message) from exc
        raise
    finally:
        info.pop(DEADLINE, None)


def snippet_query(query: str, spellings: Spellings) -> str:
    """The words a snippet marks: the query's and the other spellings it was widened to."""
    others = " ".join(form for forms in spellings.values() for form in forms)
    return f"{query} {others}" if others else query


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
    other spellings (``store/search_aliases.py``). Raises QueryTimeout when the search takes
    longer than :data:`SEARCH_SECONDS`."""
    params: dict[str, Any] = {"limit": limit}
    with time_limit(conn):
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
        params["rank_window"] = RANK_WINDOW
        extra = (" AND articles_fts.rowid >= (SELECT coalesce(min(r), 0) FROM (SELECT rowid AS r"
                 " FROM articles_fts WHERE articles_fts MATCH :match ORDER BY rowid DESC"
                 " LIMIT :rank_window))")
    # Title matches weigh more than body matches (bm25 column weights). The snippet is made
    # from the beginning of the text (store.snippets), not by FTS5's snippet().
    params["window"] = WINDOW
    sql = (
        "SELECT a.id, a.title, a.url, a.published, a.source, "
        "substr(a.text, 1, :window) AS head, bm25(articles_fts, 5.0, 1.0) AS score "
        "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
        f"WHERE articles_fts MATCH :match{extra} ORDER BY {order} LIMIT :limit"
    )
    marked = snippet_query(query, spellings)
    return [SearchHit(r.id, r.title, r.url, r.published, r.source,
                      make_snippet(r.head or "", r.title, marked), -r.score)
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
        params["rank_window"] = RANK_WINDOW
        extra = (" AND a.pk >= (SELECT coalesce(min(w.pk), 0) FROM (SELECT pk FROM articles"
                 f" WHERE search_vector @@ {tsq}"
                 " ORDER BY pk DESC LIMIT :rank_window) AS w)")
    # Rank in the inner query; take the text's beginning only for the rows returned (the
    # snippet is made from it, as on SQLite: ts_headline's cost grows with the matches).
    params["window"] = WINDOW
    sql = (
        "SELECT h.id, h.title, h.url, h.published, h.source, h.score, "
        "left(h.text, :window) AS head FROM ("
        "SELECT a.id, a.title, a.url, a.published, a.source, a.text, "
        "ts_rank(a.search_vector, tq) AS score "
        f"FROM articles a, (SELECT {tsq} AS tq) AS t "
        f"WHERE a.search_vector @@ tq{extra} ORDER BY {order} LIMIT :limit) AS h "
        f"ORDER BY {outer}"
    )
    marked = snippet_query(query, spellings)
    return [SearchHit(r.id, r.title, r.url, r.published, r.source,
                      make_snippet(r.head or "", r.title, marked), float(r.score))
            for r in conn.execute(bind_sql(sql, params), params)]
