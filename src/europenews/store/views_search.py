"""Full-text search with paging and facets for the web site (over ``store/search.py``).

Facets (source, language, people, places, month) are counted over the best
:data:`FACET_DEPTH` hits, which is what a reader narrows from; the page says so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, replace
from typing import Any

from sqlalchemy import Connection, func, select

from europenews.store.schema import article_entities, articles, entities, places
from europenews.store.search import SearchFilters, search_articles

FACET_DEPTH = 300
# With a language filter (applied after ranking) look deeper so pages still fill up.
LANGUAGE_DEPTH = 2000


def search_page(conn: Connection, query: str, filters: SearchFilters | None = None,
                language: str | None = None, limit: int = 20, offset: int = 0
                ) -> dict[str, Any]:
    """One page of hits (best first) with ``has_more`` and facet counts."""
    filters = filters or SearchFilters()
    depth = max(offset + limit + 1, FACET_DEPTH)
    if language:
        depth = max(depth, LANGUAGE_DEPTH)
    hits = [asdict(h) for h in search_articles(conn, query, limit=depth, filters=filters)]
    ids = [h["id"] for h in hits]
    langs = _languages(conn, ids)
    for h in hits:
        h["language"] = langs.get(h["id"])
    if language:
        hits = [h for h in hits if (h["language"] or "").lower() == language.lower()]
    page = hits[offset:offset + limit]
    return {
        "query": query,
        "hits": page,
        "has_more": len(hits) > offset + limit,
        "facets": facets(conn, hits[:FACET_DEPTH]),
        "facet_depth": FACET_DEPTH,
    }


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

    def top(counter: Counter[str], n: int = 10) -> list[dict[str, Any]]:
        return [{"value": k, "count": v} for k, v in counter.most_common(n) if k]

    out = {
        "source": top(Counter(h["source"] for h in hits)),
        "language": top(Counter(h.get("language") for h in hits)),
        "month": sorted(top(Counter((h["published"] or "")[:7] for h in hits), 24),
                        key=lambda f: f["value"], reverse=True),
        "person": [],
        "place": [],
    }
    if not ids:
        return out
    n = func.count(func.distinct(article_entities.c.article_id)).label("n")
    out["person"] = [{"value": r.name, "count": int(r.n)} for r in conn.execute(
        select(entities.c.name, n)
        .join(article_entities, article_entities.c.entity_id == entities.c.id)
        .where(article_entities.c.article_id.in_(ids), entities.c.type == "person")
        .group_by(entities.c.id, entities.c.name).order_by(n.desc(), entities.c.name).limit(10))]
    pn = func.count(func.distinct(places.c.article_id)).label("n")
    out["place"] = [{"value": r.name, "count": int(r.n)} for r in conn.execute(
        select(places.c.name, pn).where(places.c.article_id.in_(ids))
        .group_by(places.c.name).order_by(pn.desc(), places.c.name).limit(10))]
    return out


def month_filters(filters: SearchFilters, month: str | None) -> SearchFilters:
    """Filters narrowed to one month ('2024-12'), as the month facet links ask."""
    if not month or len(month) != 7 or not (month[:4].isdigit() and month[5:].isdigit()):
        return filters
    year, mon = int(month[:4]), int(month[5:7])
    nxt = f"{year + (mon == 12):04d}-{mon % 12 + 1:02d}"
    return replace(filters, since=month, until=nxt)
