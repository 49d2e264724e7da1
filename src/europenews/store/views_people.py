"""Read-only queries about people and organisations and what they said (web pages and API).

Plain dicts out, bounded lists, indexed filters first (see ``store/views.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import babel
from sqlalchemy import Connection, and_, func, or_, select

from europenews.names import name_key
from europenews.store.entities import entity_ids_for_name, get_entity, list_aliases
from europenews.store.rows import newest_first, row_dict
from europenews.store.schema import (
    article_entities,
    articles,
    entities,
    entity_roles,
    mentions,
    quotes,
    stories,
    story_members,
)


def list_entities(
    conn: Connection, type_: str | None = None, name: str | None = None,
    limit: int = 50, offset: int = 0,
) -> list[dict[str, Any]]:
    """Entities, most written-about first; ``name`` narrows by name key prefix or alias."""
    stmt = select(entities.c.id, entities.c.name, entities.c.type, entities.c.article_count,
                  entities.c.first_seen, entities.c.last_seen)
    if type_:
        stmt = stmt.where(entities.c.type == type_)
    if name:
        key = name_key(name)
        ids = entity_ids_for_name(conn, name)
        stmt = stmt.where(or_(entities.c.id.in_(ids), entities.c.key.like(f"{key}%")))
    stmt = stmt.order_by(entities.c.article_count.desc(), entities.c.name, entities.c.id)
    return [row_dict(r) for r in conn.execute(stmt.limit(limit).offset(offset))]


def entity_detail(conn: Connection, entity_id: int, quotes_limit: int = 30,
                  quotes_offset: int = 0) -> dict[str, Any] | None:
    """An entity: names, roles over time, quotes by and about it, stories, companions, timeline."""
    entity = get_entity(conn, entity_id)
    if entity is None:
        return None
    out: dict[str, Any] = {
        "id": entity.id, "name": entity.name, "type": entity.type,
        "article_count": entity.article_count, "first_seen": entity.first_seen,
        "last_seen": entity.last_seen,
        "aliases": [a for a in entity.aliases if a != entity.name],
        # Which articles write the entity so: the evidence for each spelling linked to it.
        "alias_support": [{"alias": a.alias, "articles": list(a.article_ids),
                           "languages": [{"language": code, "articles": n, "article": first}
                                         for code, n, first in a.languages]}
                          for a in list_aliases(conn, entity_id)],
        "roles": [{"role": role, "since": since} for role, since in entity.roles],
    }
    out["aliases_by_language"] = aliases_by_language(out["alias_support"])
    out["quotes"] = quotes_by(conn, entity_id, quotes_limit, quotes_offset)
    out["less_certain_quotes"] = quotes_by(conn, entity_id, quotes_limit, shown=False)
    out["quotes_about"] = quotes_about(conn, entity_id)
    out["stories"] = entity_stories(conn, entity_id)
    out["companions"] = companions(conn, entity_id)
    out["timeline"] = mention_timeline(conn, entity_id)
    out["articles"] = [row_dict(r) for r in conn.execute(
        select(articles.c.id, articles.c.title, articles.c.source, articles.c.published)
        .join(article_entities, article_entities.c.article_id == articles.c.id)
        .where(article_entities.c.entity_id == entity_id)
        .order_by(articles.c.published.desc())
        .limit(20))]
    return out


def aliases_by_language(support: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entity's spellings grouped by the language of the articles that write them, the
    language with the most spellings first: ``[{"language": "pl", "name": "Polish",
    "aliases": [{"alias": "Zełenski", "articles": 3, "article": ID}, ...]}]`` (the language's
    name in English, from CLDR; ``article`` is one in that language that writes it so).
    A spelling two languages share (*Ryanair*) is under both."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for a in support:
        for seen in a["languages"]:
            groups.setdefault(seen["language"], []).append(
                {"alias": a["alias"], "articles": seen["articles"], "article": seen["article"]})
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    names = babel.Locale("en").languages
    return [{"language": code, "name": names.get(code, code), "aliases": aliases}
            for code, aliases in ranked]


def _quote_columns() -> list[Any]:
    # The canonical name when the speaker is linked ("Prokudin" → "Oleksandr Prokudin").
    speaker = entities.alias("speaker")
    return [quotes.c.id, quotes.c.text, quotes.c.kind, quotes.c.speaker_entity_id,
            func.coalesce(select(speaker.c.name).where(speaker.c.id == quotes.c.speaker_entity_id)
                          .scalar_subquery(), quotes.c.speaker_name).label("speaker_name"),
            quotes.c.speaker_mention, quotes.c.cue, quotes.c.via, quotes.c.report,
            quotes.c.article_id, quotes.c.published, articles.c.title.label("article_title"),
            articles.c.source, quotes.c.shown, quotes.c.confidence]


def quotes_by(conn: Connection, entity_id: int, limit: int = 30,
              offset: int = 0, shown: bool = True) -> list[dict[str, Any]]:
    """What the entity said, newest first: the shown quotes, or (``shown=False``) the
    attributions not confident enough to show."""
    return quote_rows(conn, list(conn.execute(
        select(quotes.c.id)
        .where(quotes.c.speaker_entity_id == entity_id, quotes.c.shown == shown)
        .order_by(newest_first(conn, quotes.c.published), quotes.c.id.desc())
        .limit(limit).offset(offset)).scalars()))


def quotes_about(conn: Connection, entity_id: int, limit: int = 20,
                 articles_back: int = 100) -> list[dict[str, Any]]:
    """Quotes by others whose words mention the entity, newest first (looking through the
    ``articles_back`` latest articles that mention it).

    Matched here rather than in one join: per article, its few mentions of the entity are
    compared with its quotes, instead of every mention with every quote."""
    recent = (select(article_entities.c.article_id, article_entities.c.local_id)
              .join(articles, articles.c.id == article_entities.c.article_id)
              .where(article_entities.c.entity_id == entity_id)
              .order_by(articles.c.published.desc()).limit(articles_back).subquery())
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in conn.execute(
        select(mentions.c.article_id, mentions.c.start, mentions.c.end)
        .join(recent, and_(recent.c.article_id == mentions.c.article_id,
                           recent.c.local_id == mentions.c.local_id))
    ):
        spans.setdefault(r.article_id, []).append((r.start, r.end))
    if not spans:
        return []
    found = []
    for q in conn.execute(
        select(quotes.c.id, quotes.c.article_id, quotes.c.start, quotes.c.end,
               quotes.c.published, quotes.c.speaker_entity_id)
        .where(quotes.c.article_id.in_(list(spans)), quotes.c.shown)
    ):
        if q.speaker_entity_id == entity_id:
            continue
        if any(q.start <= a and b <= q.end for a, b in spans[q.article_id]):
            found.append(q)
    found.sort(key=lambda q: (q.published is not None, q.published or "", q.id), reverse=True)
    return without_repeats(quote_rows(conn, [q.id for q in found[:limit]]))


def entity_stories(conn: Connection, entity_id: int, limit: int = 20) -> list[dict[str, Any]]:
    """Stories the entity appears in, most recent first."""
    n = func.count(func.distinct(article_entities.c.article_id)).label("articles")
    return [row_dict(r) for r in conn.execute(
        select(stories.c.id, stories.c.headline, stories.c.last_seen, stories.c.article_count, n)
        .join(story_members, story_members.c.story_id == stories.c.id)
        .join(article_entities, article_entities.c.article_id == story_members.c.article_id)
        .where(article_entities.c.entity_id == entity_id)
        .group_by(stories.c.id, stories.c.headline, stories.c.last_seen,
                  stories.c.article_count)
        .order_by(stories.c.last_seen.desc())
        .limit(limit))]


def companions(conn: Connection, entity_id: int, limit: int = 20) -> list[dict[str, Any]]:
    """Who appears in the same articles, most shared articles first."""
    other = article_entities.alias("other")
    n = func.count(func.distinct(other.c.article_id)).label("articles")
    return [row_dict(r) for r in conn.execute(
        select(entities.c.id, entities.c.name, entities.c.type, n)
        .select_from(article_entities)
        .join(other, and_(other.c.article_id == article_entities.c.article_id,
                          other.c.entity_id != entity_id))
        .join(entities, entities.c.id == other.c.entity_id)
        .where(article_entities.c.entity_id == entity_id, entities.c.type != "misc")
        .group_by(entities.c.id, entities.c.name, entities.c.type)
        .order_by(n.desc(), entities.c.name)
        .limit(limit))]


def mention_timeline(conn: Connection, entity_id: int) -> list[dict[str, Any]]:
    """Articles mentioning the entity per day (per month when the span is long)."""
    day = func.substr(articles.c.published, 1, 10).label("day")
    rows = conn.execute(
        select(day, func.count(func.distinct(articles.c.id)).label("articles"))
        .join(article_entities, article_entities.c.article_id == articles.c.id)
        .where(article_entities.c.entity_id == entity_id, articles.c.published.is_not(None))
        .group_by(day).order_by(day)
    ).all()
    points = [{"period": r.day, "articles": int(r.articles)} for r in rows]
    if len(points) > 90:
        months: dict[str, int] = {}
        for p in points:
            months[p["period"][:7]] = months.get(p["period"][:7], 0) + p["articles"]
        points = [{"period": k, "articles": v} for k, v in months.items()]
    return points


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """Narrowing of the quote search; dates compare as ISO text."""

    text: str | None = None
    speaker: str | None = None
    organization: str | None = None
    since: str | None = None
    until: str | None = None
    story: str | None = None
    shown_only: bool = True  # False (``?shown=all``): the less certain attributions too


def quote_rows(conn: Connection, quote_ids: list[int]) -> list[dict[str, Any]]:
    """Display rows (with article title, source and canonical speaker) for ``quote_ids``,
    in that order. Pick ids first, then call this: the per-row speaker lookup and the join
    then run for one page of quotes, not for every candidate of the sort."""
    if not quote_ids:
        return []
    rows = {r.id: row_dict(r) for r in conn.execute(
        select(*_quote_columns()).join(articles, articles.c.id == quotes.c.article_id)
        .where(quotes.c.id.in_(quote_ids)))}
    # Every row, repeats too: the callers page by row count (``without_repeats`` is applied
    # to the page a reader sees, so that a dropped repeat never ends the paging early).
    return [rows[i] for i in quote_ids if i in rows]


def without_repeats(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows less those whose wording another row of the same article and speaker already
    shows: two cues of one sentence ("X criticized A and called for B") give two reports, the
    longer holding the shorter, and a reader would see the same sentence twice."""
    def wording(row: dict[str, Any]) -> str:
        return str(row.get("report") or row.get("text") or "")

    def who(row: dict[str, Any]) -> tuple[Any, Any, str]:
        return (row.get("article_id"), row.get("speaker_entity_id") or row.get("speaker_name"),
                "direct" if row.get("kind") == "direct" else "reported")

    groups: dict[tuple[Any, Any, str], list[int]] = {}
    for n, row in enumerate(rows):  # compared within a speaker's article only, not all pairs
        groups.setdefault(who(row), []).append(n)
    kept = []
    for n, row in enumerate(rows):
        words = wording(row)
        if any(m != n and _holds(wording(rows[m]), words)
               and (len(wording(rows[m])) > len(words) or m < n) for m in groups[who(row)]):
            continue
        kept.append(row)
    return kept


def _holds(longer: str, shorter: str) -> bool:
    """Whether ``longer`` has ``shorter`` as whole words: "No" is not held by "Nobody knows"."""
    return re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None


def search_quotes(conn: Connection, filters: QuoteFilters, limit: int = 30,
                  offset: int = 0) -> list[dict[str, Any]]:
    """Quotes matching the filters, newest first."""
    stmt = select(quotes.c.id)
    if filters.shown_only:
        stmt = stmt.where(quotes.c.shown)
    if filters.text:
        for word in filters.text.split()[:8]:
            stmt = stmt.where(func.lower(quotes.c.text).contains(word.lower(), autoescape=True))
    if filters.speaker:
        ids = entity_ids_for_name(conn, filters.speaker)
        # A known name uses the speaker index; otherwise match the names as quoted.
        stmt = stmt.where(quotes.c.speaker_entity_id.in_(ids) if ids else
                          func.lower(quotes.c.speaker_name).contains(filters.speaker.lower(),
                                                                     autoescape=True))
    if filters.organization:
        org = filters.organization
        org_ids = [i for i in entity_ids_for_name(conn, org)]
        by_role = select(entity_roles.c.entity_id).where(
            func.lower(entity_roles.c.role).contains(org.lower(), autoescape=True))
        stmt = stmt.where(or_(quotes.c.speaker_entity_id.in_(org_ids),
                              quotes.c.speaker_entity_id.in_(by_role)))
    if filters.since:
        stmt = stmt.where(quotes.c.published >= filters.since)
    if filters.until:
        stmt = stmt.where(quotes.c.published < filters.until)
    if filters.story:
        stmt = stmt.where(quotes.c.article_id.in_(
            select(story_members.c.article_id).where(story_members.c.story_id == filters.story)))
    stmt = stmt.order_by(newest_first(conn, quotes.c.published), quotes.c.id.desc())
    return quote_rows(conn, list(conn.execute(stmt.limit(limit).offset(offset)).scalars()))
