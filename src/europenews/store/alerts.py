"""Alert rules and hits as the store keeps them.

A rule is kept as JSON under its name, with where it came from (``config``: replaced whenever
the configuration is read again; ``api``: added with the admin token). A hit is one row per
(rule, story): :func:`record_hit` inserts it the first time the story meets the rule and only
updates its fact afterwards, so an alert fires once per story whatever happens later, across
restarts and kills (the row is written in the same transaction as the story's assignment).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from europenews.store.articles import insert_new_only, utc_now
from europenews.store.schema import alert_hits, alert_rules, articles, stories, story_members

ORIGINS = ("config", "api")


@dataclass(frozen=True, slots=True)
class StoredRule:
    name: str
    rule: str  # JSON (alerts.rules.AlertRule.to_json)
    origin: str
    last_digest_at: str | None


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's hit on a story, with the story as it stands."""

    id: int
    rule_name: str
    story_id: str
    fired_at: str
    updated_at: str
    fact: dict[str, Any]
    headline: str | None
    article_count: int
    webhook_sent_at: str | None
    email_sent_at: str | None
    attempts: int
    next_try_at: str | None
    last_error: str | None


def save_rule(conn: Connection, name: str, rule_json: str, origin: str) -> None:
    """Add or replace the rule called ``name``."""
    now = utc_now()
    if conn.execute(select(alert_rules.c.name).where(alert_rules.c.name == name)).first():
        conn.execute(update(alert_rules).where(alert_rules.c.name == name)
                     .values(rule=rule_json, origin=origin, updated_at=now))
    else:
        conn.execute(insert(alert_rules).values(name=name, rule=rule_json, origin=origin,
                                                updated_at=now))


def sync_config_rules(conn: Connection, rules: Sequence[tuple[str, str]]) -> None:
    """Make the configuration's rules (name, JSON) the stored ``config`` rules: new ones are
    added, changed ones replaced, removed ones deleted (their hits stay, as history)."""
    names = {name for name, _ in rules}
    stale = [n for n in conn.execute(select(alert_rules.c.name)
                                     .where(alert_rules.c.origin == "config")).scalars()
             if n not in names]
    if stale:
        conn.execute(delete(alert_rules).where(alert_rules.c.name.in_(stale)))
    for name, rule_json in rules:
        current = conn.execute(select(alert_rules.c.rule).where(alert_rules.c.name == name)
                               ).scalar()
        if current != rule_json:
            save_rule(conn, name, rule_json, "config")


def delete_rule(conn: Connection, name: str) -> bool:
    return bool(conn.execute(delete(alert_rules).where(alert_rules.c.name == name)).rowcount)


def list_rules(conn: Connection) -> list[StoredRule]:
    return [StoredRule(r.name, r.rule, r.origin, r.last_digest_at) for r in conn.execute(
        select(alert_rules).order_by(alert_rules.c.name))]


def rules_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever a rule is added, replaced or deleted (a watcher reloads then)."""
    row = conn.execute(select(func.count(), func.max(alert_rules.c.updated_at))).one()
    return (int(row[0]), row[1])


def mark_digest(conn: Connection, name: str, when: str) -> None:
    conn.execute(update(alert_rules).where(alert_rules.c.name == name)
                 .values(last_digest_at=when))


def has_hit(conn: Connection, rule_name: str, story_id: str) -> bool:
    found = conn.execute(select(alert_hits.c.id).where(
        alert_hits.c.rule_name == rule_name, alert_hits.c.story_id == story_id)).first()
    return found is not None


def recent_facts(conn: Connection, rule_name: str,
                 limit: int = 500) -> list[tuple[int, dict[str, Any]]]:
    """(hit id, fact) of the rule's latest hits that stand for themselves (not repeats)."""
    rows = conn.execute(select(alert_hits.c.id, alert_hits.c.fact)
                        .where(alert_hits.c.rule_name == rule_name,
                               alert_hits.c.same_as.is_(None))
                        .order_by(alert_hits.c.id.desc()).limit(limit))
    return [(int(r.id), json.loads(r.fact)) for r in rows]


def record_hit(conn: Connection, rule_name: str, story_id: str, fact: dict[str, Any],
               same_as: int | None = None) -> bool:
    """Keep the rule's hit on the story; True when it is new (the rule fires), False when the
    hit existed and was only brought up to date. ``same_as``: the hit of another story of the
    same incident (the new one is kept, so this story never fires, but not listed or sent)."""
    now = utc_now()
    body = json.dumps(fact, ensure_ascii=False, sort_keys=True)
    # RETURNING says whether the row was inserted: PostgreSQL's rowcount for an insert that
    # skips on conflict is not 0 there.
    inserted = conn.execute(insert_new_only(conn, alert_hits).values(
        rule_name=rule_name, story_id=story_id, fired_at=now, updated_at=now, fact=body,
        attempts=0, same_as=same_as).returning(alert_hits.c.id)).first()
    if inserted is not None:
        return True
    conn.execute(update(alert_hits).where(alert_hits.c.rule_name == rule_name,
                                          alert_hits.c.story_id == story_id,
                                          alert_hits.c.fact != body)
                 .values(fact=body, updated_at=now))
    return False


def _hits_query() -> Any:
    """Hits that stand for themselves (a repeat of another story's hit is left out)."""
    return (select(alert_hits, stories.c.headline, stories.c.article_count)
            .join(stories, stories.c.id == alert_hits.c.story_id)
            .where(alert_hits.c.same_as.is_(None)))


def _hit(r: Any) -> Hit:
    return Hit(r.id, r.rule_name, r.story_id, r.fired_at, r.updated_at, json.loads(r.fact),
               r.headline, int(r.article_count or 0), r.webhook_sent_at, r.email_sent_at,
               int(r.attempts or 0), r.next_try_at, r.last_error)


def list_hits(conn: Connection, rule_name: str | None = None, limit: int = 50) -> list[Hit]:
    """Hits, the most recently fired first (of one rule, or of all)."""
    stmt = _hits_query().order_by(alert_hits.c.fired_at.desc(), alert_hits.c.id.desc())
    if rule_name is not None:
        stmt = stmt.where(alert_hits.c.rule_name == rule_name)
    return [_hit(r) for r in conn.execute(stmt.limit(limit))]


def all_hits_in_order(conn: Connection) -> list[Hit]:
    """Every hit in the order they fired (``alerts replay``)."""
    return [_hit(r) for r in conn.execute(_hits_query().order_by(alert_hits.c.id))]


def undelivered_hits(conn: Connection, rule_name: str, channel: str, now: str) -> list[Hit]:
    """The rule's hits not yet sent on ``channel`` (webhook | email) whose back-off is over."""
    column = alert_hits.c.webhook_sent_at if channel == "webhook" else alert_hits.c.email_sent_at
    stmt = (_hits_query().where(alert_hits.c.rule_name == rule_name, column.is_(None))
            .where((alert_hits.c.next_try_at.is_(None)) | (alert_hits.c.next_try_at <= now))
            .order_by(alert_hits.c.id))
    return [_hit(r) for r in conn.execute(stmt)]


def mark_sent(conn: Connection, hit_ids: Sequence[int], channel: str, when: str) -> None:
    column = "webhook_sent_at" if channel == "webhook" else "email_sent_at"
    conn.execute(update(alert_hits).where(alert_hits.c.id.in_(list(hit_ids)))
                 .values({column: when, "attempts": 0, "next_try_at": None,
                          "last_error": None}))


def mark_failed(conn: Connection, hit_ids: Sequence[int], error: str, next_try_at: str) -> None:
    conn.execute(update(alert_hits).where(alert_hits.c.id.in_(list(hit_ids)))
                 .values(attempts=alert_hits.c.attempts + 1, next_try_at=next_try_at,
                         last_error=error[:500]))


def hit_articles(conn: Connection, story_id: str) -> list[dict[str, Any]]:
    """The story's articles (id, url, title, published, source) in publication order."""
    return [dict(r._mapping) for r in conn.execute(
        select(articles.c.id, articles.c.url, articles.c.title, articles.c.published,
               articles.c.source)
        .join(story_members, story_members.c.article_id == articles.c.id)
        .where(story_members.c.story_id == story_id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk))]
