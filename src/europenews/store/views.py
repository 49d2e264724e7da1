"""Read-only queries behind the web pages and the JSON API: stories, articles and sources.

Each function takes a ``Connection`` and returns plain dicts (JSON-ready), so a page and its
``/api/...`` twin show the same data. People, quotes and places are in ``store/views_people.py``
and ``store/views_geo.py``. Every list is bounded (``limit``/``offset``) and every query
filters on an indexed column first, so pages stay fast on a large store.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, case, func, select

from europenews.dates import wall_clock
from europenews.names import name_key
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
from europenews.store.views_geo import story_places

# How many recently active stories the front page ranks (the rest are older news).
FRONT_CANDIDATES = 300
# A story's score halves for every this many days it is older than the newest story.
RECENCY_HALF_LIFE_DAYS = 1.0


def _story_dict(summary: StorySummary) -> dict[str, Any]:
    return {
        "id": summary.id, "headline": summary.headline, "first_seen": summary.first_seen,
        "last_seen": summary.last_seen, "article_count": summary.article_count,
        "source_count": summary.source_count, "key_entities": list(summary.key_entities),
        "key_places": list(summary.key_places), "growth": summary.growth,
        "breaking": summary.breaking,
    }


def _score(story: dict[str, Any], newest: datetime | None) -> float:
    """Recent growth × distinct sources × size, decayed by age (relative to the newest story,
    so an archive of old news still has a front page)."""
    size = 1.0 + math.log1p(story["article_count"])
    spread = 1.0 + math.log1p(story["source_count"])
    growth = 0.5 + (story["growth"] or 0.0)
    last = wall_clock(story["last_seen"])
    age = (newest - last).total_seconds() / 86400 if newest and last else 30.0
    return float(size * spread * growth * 0.5 ** (max(age, 0.0) / RECENCY_HALF_LIFE_DAYS))


def front_stories(conn: Connection, limit: int = 30, offset: int = 0) -> list[dict[str, Any]]:
    """The top stories now, best first, each with its casualty figures."""
    candidates = [row_dict(r) for r in conn.execute(
        select(stories.c.id, stories.c.last_seen, stories.c.article_count,
               stories.c.source_count, stories.c.growth)
        .where(stories.c.article_count > 0)
        .order_by(newest_first(conn, stories.c.last_seen))
        .limit(FRONT_CANDIDATES)
    )]
    newest = max((d for s in candidates if (d := wall_clock(s["last_seen"]))), default=None)
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
    """Per story, each distinct casualty figure with who gave it and how many outlets ran it.

    One figure per article (its most prominent event that has one), so the spread between
    outlets stays visible ("3 killed — governor, via 4 outlets; 4 killed — 1 outlet")
    instead of being fused into one number.
    """
    if not story_ids:
        return {}
    rows = conn.execute(
        select(story_members.c.story_id, events.c.article_id, events.c.position,
               events.c.killed, events.c.injured, events.c.source_name,
               articles.c.source)
        .join(story_members, story_members.c.article_id == events.c.article_id)
        .join(articles, articles.c.id == events.c.article_id)
        .where(story_members.c.story_id.in_(list(story_ids)),
               (events.c.killed.is_not(None)) | (events.c.injured.is_not(None)))
        .order_by(events.c.article_id, events.c.position)
    ).all()
    per_article: dict[tuple[str, str], Any] = {}
    for r in rows:
        per_article.setdefault((r.story_id, r.article_id), r)
    groups: dict[tuple[str, str, int], dict[str, Any]] = {}
    for (story_id, article_id), r in per_article.items():
        for kind in ("killed", "injured"):
            value = getattr(r, kind)
            if value is None:
                continue
            g = groups.setdefault((story_id, kind, int(value)), {
                "kind": kind, "value": int(value), "outlets": set(), "articles": 0,
                "given_by": Counter()})
            g["articles"] += 1
            g["outlets"].add(r.source or article_id)
            if r.source_name:
                g["given_by"][r.source_name] += 1
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (story_id, _kind, _value), g in groups.items():
        out[story_id].append({
            "kind": g["kind"], "value": g["value"], "outlets": len(g["outlets"]),
            "articles": g["articles"],
            "given_by": _merge_names(g["given_by"])[:3],
        })
    for figs in out.values():
        figs.sort(key=lambda f: (f["kind"] != "killed", -f["outlets"], -f["value"]))
    return dict(out)


def _merge_names(counts: Counter[str]) -> list[str]:
    """Names most cited first, a surname folded into the full name ("Prokudin" into
    "Oleksandr Prokudin") so one source is not listed twice."""
    kept: list[tuple[str, set[str], int]] = []
    for name in sorted(counts, key=lambda n: (-len(name_key(n).split()), n)):
        words = set(name_key(name).split())
        for i, (full, full_words, n) in enumerate(kept):
            if words and words <= full_words:
                kept[i] = (full, full_words, n + counts[name])
                break
        else:
            kept.append((name, words, counts[name]))
    return [name for name, _, _ in sorted(kept, key=lambda k: -k[2])]


def story_detail(conn: Connection, story_id: str) -> dict[str, Any] | None:
    """A story with its articles (timeline), entities, quotes by speaker, casualties, places."""
    summary = get_story(conn, story_id)
    if summary is None:
        return None
    story = _story_dict(summary)
    members = select(story_members.c.article_id).where(story_members.c.story_id == story_id)
    story["articles"] = [row_dict(r) for r in conn.execute(
        select(articles.c.id, articles.c.title, articles.c.source, articles.c.published,
               articles.c.url, story_members.c.duplicate_of)
        .join(story_members, story_members.c.article_id == articles.c.id)
        .where(story_members.c.story_id == story_id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
        .limit(500)
    )]
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
    story["quotes_by_speaker"] = _quotes_by_speaker(conn, members)
    story["casualties"] = casualty_figures(conn, [story_id]).get(story_id, [])
    story["places"] = story_places(conn, members)
    return story


def _quotes_by_speaker(conn: Connection, members: Any) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(quotes.c.id, quotes.c.text, quotes.c.kind, quotes.c.speaker_entity_id,
               func.coalesce(entities.c.name, quotes.c.speaker_name).label("speaker_name"),
               quotes.c.speaker_mention, quotes.c.via, quotes.c.report, quotes.c.article_id,
               quotes.c.published, articles.c.source)
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(entities, entities.c.id == quotes.c.speaker_entity_id)
        .where(quotes.c.article_id.in_(members))
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
                            "via": r.via,
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
               articles.c.author, articles.c.fetched_at, articles.c.status, articles.c.error)
        .where(articles.c.id == article_id)
    ).first()
    if row is None:
        return None
    out = row_dict(row)
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
    def n(table: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

    return {"articles": n(articles), "stories": n(stories), "entities": n(entities),
            "quotes": n(quotes), "events": n(events), "places": n(places)}
