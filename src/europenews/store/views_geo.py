"""Read-only queries about places and events (the map, place pages and their API).

Plain dicts out, bounded lists (see ``store/views.py``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, case, func, select

from europenews.store.rows import newest_first, row_dict
from europenews.store.schema import (
    article_entities,
    articles,
    entities,
    events,
    figures,
    places,
    stories,
    story_members,
)
from europenews.stories.casualties import SHOW_CONFIDENCE

# Places and events are grouped by name and point, never averaged over points: two places of
# one name ("Washington" the city and the state) averaged would put a marker in Wyoming.


def story_places(conn: Connection, members: Any) -> list[dict[str, Any]]:
    """Geocoded places of a story's articles, with how many articles name each."""
    n = func.count(func.distinct(places.c.article_id)).label("articles")
    return [row_dict(r) for r in conn.execute(
        select(places.c.name, places.c.country, places.c.lat, places.c.lon, n)
        .where(places.c.article_id.in_(members))
        .group_by(places.c.name, places.c.country, places.c.lat, places.c.lon)
        .order_by(n.desc(), places.c.name)
        .limit(60))]


def map_places(conn: Connection, limit: int | None = 400, since: str | None = None
               ) -> list[dict[str, Any]]:
    """Geocoded places with how many articles mention them, most mentioned first (all of
    them when ``limit`` is None)."""
    # An article stores each distinct place once, so rows are articles (no DISTINCT needed).
    n = func.count().label("articles")
    stmt = (select(places.c.name, places.c.country, places.c.lat, places.c.lon, n)
            .where(places.c.lat.is_not(None), places.c.lon.is_not(None)))
    if since:
        stmt = stmt.where(places.c.published >= since)
    stmt = stmt.group_by(places.c.name, places.c.country, places.c.lat, places.c.lon).order_by(
        n.desc(), places.c.name)
    return [row_dict(r) for r in conn.execute(stmt.limit(limit))]


def _confident(count: Any, kind: str) -> Any:
    """An event's count where one of its figures of ``kind`` gives it confidently, else 0."""
    given = (select(figures.c.id)
             .where(figures.c.article_id == events.c.article_id,
                    figures.c.event == events.c.position, figures.c.kind == kind,
                    figures.c.value == count, figures.c.confidence >= SHOW_CONFIDENCE)
             .exists())
    return case((given, count), else_=0)


def map_events(conn: Connection, limit: int | None = 400, place: str | None = None,
               story: str | None = None) -> list[dict[str, Any]]:
    """Geocoded events grouped by place, deadliest first (all places when ``limit`` is None).

    A count sizes a marker only when a figure the article gives for it is confident enough
    to show (``stories.casualties.SHOW_CONFIDENCE``, as on story pages): a total of other
    incidents or a background toll is no red dot. Several outlets reporting one event must
    not multiply its toll: figures are first reduced per story (the highest figure
    reported), then summed over the place's stories. ``events`` counts those distinct
    incidents (an unclustered article counts alone).
    """
    incident = func.coalesce(story_members.c.story_id, events.c.article_id).label("incident")
    inner = (select(events.c.place_name.label("name"), events.c.country, incident,
                    events.c.lat, events.c.lon,
                    func.max(_confident(events.c.killed, "killed")).label("killed"),
                    func.max(_confident(events.c.injured, "injured")).label("injured"))
             .outerjoin(story_members, story_members.c.article_id == events.c.article_id)
             .where(events.c.lat.is_not(None), events.c.lon.is_not(None)))
    if place:
        inner = inner.where(events.c.place_name == place)
    if story:
        inner = inner.where(story_members.c.story_id == story)
    at_point = inner.add_columns(func.count().label("n")).group_by(
        events.c.place_name, events.c.country, incident, events.c.lat, events.c.lon).subquery()
    # One incident is one marker: when its articles put the same name at two points (one
    # "Washington" the city, another the state), it stands at the point most of them give,
    # with its highest figures over all of them (counted at two points it would add up twice).
    one = (at_point.c.name, at_point.c.country, at_point.c.incident)
    ranked = select(
        at_point.c.name, at_point.c.country, at_point.c.lat, at_point.c.lon,
        func.max(at_point.c.killed).over(partition_by=one).label("killed"),
        func.max(at_point.c.injured).over(partition_by=one).label("injured"),
        func.row_number().over(partition_by=one, order_by=(
            at_point.c.n.desc(), at_point.c.lat, at_point.c.lon)).label("rank")).subquery()
    sub = select(ranked).where(ranked.c.rank == 1).subquery()
    killed = func.sum(sub.c.killed).label("killed")
    stmt = (select(sub.c.name, sub.c.country, sub.c.lat, sub.c.lon,
                   func.count().label("events"), killed, func.sum(sub.c.injured).label("injured"))
            .group_by(sub.c.name, sub.c.country, sub.c.lat, sub.c.lon)
            .order_by(killed.desc(), func.count().desc(), sub.c.name))
    return [row_dict(r) for r in conn.execute(stmt.limit(limit))]


def narrow_events(stmt: Any, place: str | None, country: str | None,
                  story: str | None) -> Any:
    """``stmt`` (over ``events``) kept to one place (exact name), country (ISO code) or story."""
    if place:
        stmt = stmt.where(events.c.place_name == place)
    if country:
        stmt = stmt.where(events.c.country == country.upper())
    if story:
        stmt = stmt.where(events.c.article_id.in_(
            select(story_members.c.article_id).where(story_members.c.story_id == story)))
    return stmt


def list_events(conn: Connection, limit: int = 50, offset: int = 0, place: str | None = None,
                country: str | None = None, story: str | None = None) -> list[dict[str, Any]]:
    """Events, newest first, with their article's title and source."""
    stmt = (select(events.c.id, events.c.article_id, events.c.position, events.c.type,
                   events.c.killed, events.c.injured, events.c.missing, events.c.kidnapped,
                   events.c.arrested, events.c.weapon, events.c.actor, events.c.date,
                   events.c.place_name, events.c.country, events.c.lat, events.c.lon,
                   events.c.source_name, events.c.text, events.c.published,
                   articles.c.title.label("article_title"), articles.c.source)
            .join(articles, articles.c.id == events.c.article_id))
    stmt = narrow_events(stmt, place, country, story)
    stmt = stmt.order_by(newest_first(conn, events.c.published), events.c.id.desc())
    return [row_dict(r) for r in conn.execute(stmt.limit(limit).offset(offset))]


def place_detail(conn: Connection, name: str, limit: int = 30) -> dict[str, Any] | None:
    """A place by name: where it is, the articles and stories that name it, events there."""
    # The point most of the name's mentions have (the page's map centre), not their mean.
    where = select(places.c.country, places.c.lat, places.c.lon,
                   func.count(func.distinct(places.c.article_id)).label("articles"),
                   func.max(places.c.geonames_id).label("geonames_id"),
                   func.max(places.c.feature).label("feature")
                   ).where(places.c.name == name).group_by(places.c.country, places.c.lat,
                                                           places.c.lon)
    # A point before none (a mention the geocoder left without one), then the commonest.
    found = conn.execute(where.order_by(places.c.lat.is_(None), func.count().desc())).first()
    event_rows = list_events(conn, limit=limit, place=name)
    ids: Any = select(places.c.article_id).where(places.c.name == name)
    if found is None and not event_rows:
        # Not geocoded, but a place the entity linker knows: show its articles anyway.
        entity_ids = select(entities.c.id).where(entities.c.type == "place",
                                                 entities.c.name == name)
        ids = select(article_entities.c.article_id).where(
            article_entities.c.entity_id.in_(entity_ids))
        if conn.execute(ids.limit(1)).first() is None:
            return None
    out: dict[str, Any] = {"name": name, **(row_dict(found) if found else
                                            {"country": None, "lat": None, "lon": None,
                                             "articles": None, "geonames_id": None,
                                             "feature": None})}
    if found is not None:  # the articles naming it in that country, whatever point each gave
        out["articles"] = conn.execute(
            select(func.count(func.distinct(places.c.article_id)))
            .where(places.c.name == name, places.c.country.is_not_distinct_from(found.country))
        ).scalar()
    if out["lat"] is None and event_rows:
        out["lat"], out["lon"] = event_rows[0]["lat"], event_rows[0]["lon"]
    out["recent_articles"] = [row_dict(r) for r in conn.execute(
        select(articles.c.id, articles.c.title, articles.c.source, articles.c.published)
        .where(articles.c.id.in_(ids))
        .order_by(articles.c.published.desc()).limit(limit))]
    if out["articles"] is None:
        out["articles"] = len(out["recent_articles"])
    out["stories"] = [row_dict(r) for r in conn.execute(
        select(stories.c.id, stories.c.headline, stories.c.last_seen, stories.c.article_count)
        .where(stories.c.id.in_(
            select(story_members.c.story_id).where(story_members.c.article_id.in_(ids))))
        .order_by(stories.c.last_seen.desc()).limit(limit))]
    out["events"] = event_rows
    return out
