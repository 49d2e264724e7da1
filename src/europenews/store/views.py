"""Read-only queries behind the web pages and the JSON API: stories, articles and sources.

Each function takes a ``Connection`` and returns plain dicts (JSON-ready), so a page and its
``/api/...`` twin show the same data. People, quotes and places are in ``store/views_people.py``
and ``store/views_geo.py``. Every list is bounded (``limit``/``offset``) and every query
filters on an indexed column first, so pages stay fast on a large store.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, case, func, select

from europenews.dates import wall_clock
from europenews.store.rows import newest_first, row_dict
from europenews.store.schema import (
    article_entities,
    articles,
    entities,
    events,
    places,
    quotes,
    sources,
    stories,
    story_members,
)
from europenews.store.stories import StorySummary, get_stories, get_story
from europenews.store.story_casualties import casualties_of_stories
from europenews.store.views_geo import story_places

# How many recently active stories the front page ranks (the rest are older news, in the
# archive: ``store/views_archive.py``; the page says so and links there).
FRONT_CANDIDATES = 300
# A story's score halves for every this many days it is older than the newest story.
RECENCY_HALF_LIFE_DAYS = 1.0


def _story_dict(summary: StorySummary) -> dict[str, Any]:
    return {
        "id": summary.id, "headline": summary.headline, "first_seen": summary.first_seen,
        "last_seen": summary.last_seen, "article_count": summary.article_count,
        "source_count": summary.source_count, "key_entities": list(summary.key_entities),
        "key_places": list(summary.key_places), "growth": summary.growth,
        "breaking": summary.breaking, "seen": summary.seen, "seen_from": summary.seen_from,
    }


def _score(story: dict[str, Any], newest: datetime | None) -> float:
    """Recent growth × distinct sources × size, decayed by age (relative to the newest story,
    so an archive of old news still has a front page)."""
    size = 1.0 + math.log1p(story["article_count"])
    spread = 1.0 + math.log1p(story["source_count"])
    growth = 0.5 + (story["growth"] or 0.0)
    last = wall_clock(story["seen"])
    age = (newest - last).total_seconds() / 86400 if newest and last else 30.0
    return float(size * spread * growth * 0.5 ** (max(age, 0.0) / RECENCY_HALF_LIFE_DAYS))


def front_stories(conn: Connection, limit: int = 30, offset: int = 0) -> list[dict[str, Any]]:
    """The top stories now, best first, each with its casualty figures.

    Candidates are the most recently seen stories, undated ones included (a story without
    publication dates is seen when its text says, else when it was fetched)."""
    candidates = [row_dict(r) for r in conn.execute(
        select(stories.c.id, stories.c.seen, stories.c.article_count,
               stories.c.source_count, stories.c.growth)
        .where(stories.c.article_count > 0)
        .order_by(newest_first(conn, stories.c.seen), stories.c.id)
        .limit(FRONT_CANDIDATES)
    )]
    newest = max((d for s in candidates if (d := wall_clock(s["seen"]))), default=None)
    scores = {s["id"]: round(_score(s, newest), 4) for s in candidates}
    ranked = sorted(scores, key=lambda i: (-scores[i], i))[offset:offset + limit]
    summaries = get_stories(conn, ranked)
    page = []
    for story_id in ranked:
        s = _story_dict(summaries[story_id])
        s["score"] = scores[story_id]
        page.append(s)
    figures = casualty_figures(conn, ranked)
    for s in page:
        s["casualties"] = figures.get(s["id"], [])
    return page


def casualty_figures(conn: Connection, story_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Per story, its casualty figures as the pages show them (``stories.casualties``): the
    confident ones first, the spread between outlets and the unconfident ones after."""
    found = casualties_of_stories(conn, story_ids)
    return {story_id: [c.to_dict() for c in figs] for story_id, figs in found.items()}


def story_detail(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """A story with its articles (timeline), entities, quotes by speaker, casualties, places."""
    summary = get_story(conn, story_id)
    if summary is None:
        return None
    story = _story_dict(summary)
    members = select(story_members.c.article_id).where(story_members.c.story_id == story_id)
    story["articles"] = [row_dict(r) for r in conn.execute(
        select(articles.c.id, articles.c.title, articles.c.source, articles.c.published,
               articles.c.url, story_members.c.duplicate_of, articles.c.language)
        .join(story_members, story_members.c.article_id == articles.c.id)
        .where(story_members.c.story_id == story_id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
        .limit(500)
    )]
    story["languages"] = _coverage_by_language(conn, story_id)
    n = func.count(func.distinct(article_entities.c.article_id)).label("articles")
    ents = conn.execute(
        select(entities.c.id, entities.c.name, entities.c.type, n)
        .join(article_entities, article_entities.c.entity_id == entities.c.id)
        .where(article_entities.c.article_id.in_(members))
        .group_by(entities.c.id, entities.c.name, entities.c.type)
        .order_by(n.desc(), entities.c.name)
        .limit(80)
    ).all()
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in ents:
        by_type[e.type].append(row_dict(e))
    story["entities"] = dict(by_type)
    story["quotes_by_speaker"] = _quotes_by_speaker(conn, members, shown=True)
    # Attributions not confident enough to show: one click away, plainly marked as such.
    story["less_certain_quotes"] = _quotes_by_speaker(conn, members, shown=False)
    story["casualties"] = casualty_figures(conn, [story_id]).get(story_id, [])
    story["places"] = story_places(conn, members)
    return story


def _coverage_by_language(conn: Connection, story_id: str) -> list[dict[str, Any]]:
    """The story's articles per language (all members, not only the 500 listed), most first;
    an article of unknown language counts under ``None``."""
    n = func.count().label("articles")
    rows = conn.execute(
        select(articles.c.language, n)
        .join(story_members, story_members.c.article_id == articles.c.id)
        .where(story_members.c.story_id == story_id)
        .group_by(articles.c.language)
        .order_by(n.desc(), articles.c.language)
    ).all()
    return [{"language": r.language, "articles": int(r.articles)} for r in rows]


def _quotes_by_speaker(conn: Connection, members: Any, shown: bool) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(quotes.c.id, quotes.c.text, quotes.c.kind, quotes.c.confidence,
               quotes.c.speaker_entity_id,
               func.coalesce(entities.c.name, quotes.c.speaker_name).label("speaker_name"),
               quotes.c.speaker_mention, quotes.c.via, quotes.c.report, quotes.c.article_id,
               quotes.c.published, articles.c.source)
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(entities, entities.c.id == quotes.c.speaker_entity_id)
        .where(quotes.c.article_id.in_(members), quotes.c.shown == shown)
        .order_by(quotes.c.published, quotes.c.article_id, quotes.c.position)
        .limit(600)
    ).all()
    groups: dict[Any, dict[str, Any]] = {}
    for r in rows:
        key = r.speaker_entity_id or (r.speaker_name or r.speaker_mention or "").lower() or None
        g = groups.setdefault(key, {
            "speaker": r.speaker_name or r.speaker_mention or None,
            "entity_id": r.speaker_entity_id, "quotes": []})
        g["quotes"].append({"id": r.id, "text": r.text, "kind": r.kind, "report": r.report,
                            "via": r.via, "shown": shown, "confidence": r.confidence,
                            "article_id": r.article_id, "published": r.published,
                            "source": r.source})
    # Named speakers first, the most quoted first; unattributed quotes last.
    return sorted(groups.values(),
                  key=lambda g: (g["speaker"] is None, -len(g["quotes"]), g["speaker"] or ""))


def list_articles(
    conn: Connection, limit: int = 50, offset: int = 0, source: str | None = None
) -> list[dict[str, Any]]:
    """Articles, newest first (optionally from one source)."""
    stmt = select(articles.c.id, articles.c.title, articles.c.url, articles.c.published,
                  articles.c.source, articles.c.language, articles.c.status)
    if source:
        stmt = stmt.where(articles.c.source == source)
    stmt = stmt.order_by(newest_first(conn, articles.c.published), articles.c.pk.desc())
    return [row_dict(r) for r in conn.execute(stmt.limit(limit).offset(offset))]


def article_detail(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """An article's stored row with its story and the local→canonical entity ids."""
    row = conn.execute(
        select(articles.c.id, articles.c.title, articles.c.text, articles.c.url,
               articles.c.published, articles.c.source, articles.c.language,
               articles.c.author, articles.c.fetched_at, articles.c.status, articles.c.error,
               articles.c.truncated)
        .where(articles.c.id == article_id)
    ).first()
    if row is None:
        return None
    out = row_dict(row)
    # The fields the source sent more of than is stored (``ingest.bounds``), as a list.
    out["truncated"] = row.truncated.split(",") if row.truncated else []
    member = conn.execute(
        select(story_members.c.story_id, stories.c.headline)
        .join(stories, stories.c.id == story_members.c.story_id)
        .where(story_members.c.article_id == article_id)
    ).first()
    out["story"] = row_dict(member) if member else None
    out["entity_ids"] = {r.local_id: r.entity_id for r in conn.execute(
        select(article_entities.c.local_id, article_entities.c.entity_id)
        .where(article_entities.c.article_id == article_id))}
    return out


def source_status(conn: Connection, today: str) -> dict[str, Any]:
    """Each configured source's last fetch, articles today and last error, plus publishers
    (the ``source`` names articles carry) with their latest article."""
    per_source = {
        r.source_id: r for r in conn.execute(
            select(articles.c.source_id, func.count().label("total"),
                   func.sum(case((articles.c.fetched_at >= today, 1), else_=0)).label("today"),
                   func.max(articles.c.fetched_at).label("last_article"))
            .where(articles.c.source_id.is_not(None))
            .group_by(articles.c.source_id))
    }
    feeds = []
    for r in conn.execute(select(sources).order_by(sources.c.kind, sources.c.url)):
        s = row_dict(r)
        act = per_source.get(r.id)
        s["articles_total"] = int(act.total) if act else 0
        s["articles_today"] = int(act.today or 0) if act else 0
        s["last_article_at"] = act.last_article if act else None
        feeds.append(s)
    publishers = [row_dict(r) for r in conn.execute(
        select(articles.c.source, func.count().label("articles_total"),
               func.sum(case((articles.c.fetched_at >= today, 1), else_=0))
               .label("articles_today"),
               func.max(articles.c.published).label("last_published"),
               func.max(articles.c.fetched_at).label("last_fetched"))
        .group_by(articles.c.source)
        .order_by(func.count().desc())
        .limit(300))]
    for p in publishers:
        p["articles_today"] = int(p["articles_today"] or 0)
    failed = conn.execute(
        select(func.count()).select_from(articles).where(articles.c.status == "failed")
    ).scalar_one()
    return {"sources": feeds, "publishers": publishers, "failed_articles": int(failed)}


def store_version(conn: Connection) -> tuple[Any, ...]:
    """A cheap fingerprint of the store (newest article, articles per stage, last story
    update, last source fetch): while it is equal, aggregates computed earlier still hold."""
    newest = conn.execute(select(func.max(articles.c.pk))).scalar()
    stages = tuple(sorted(conn.execute(
        select(articles.c.status, func.count()).group_by(articles.c.status)).tuples()))
    updated = conn.execute(select(func.max(stories.c.updated_at))).scalar()
    fetched = conn.execute(select(func.max(sources.c.last_fetched_at))).scalar()
    return (newest, stages, updated, fetched)


def counts(conn: Connection) -> dict[str, int]:
    """Totals for the page footer and the status page."""
    def n(table: Any, *where: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(table).where(*where))
                   .scalar_one())

    return {"articles": n(articles), "stories": n(stories), "entities": n(entities),
            "quotes": n(quotes, quotes.c.shown), "events": n(events), "places": n(places)}
