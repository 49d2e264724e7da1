"""Articles and their analyses: add (idempotent), status, read back, and the normalised rows.

Every function takes a ``Connection``; the caller owns the transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from europenews.model import Analysis, Article
from europenews.speech import reported_speech
from europenews.store.schema import (
    STATUS_ANALYSED,
    STATUS_CLUSTERED,
    STATUS_FAILED,
    STATUS_FETCHED,
    analyses,
    article_entities,
    articles,
    events,
    figures,
    mentions,
    places,
    quotes,
    story_members,
)


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def insert_new_only(conn: Connection, table: Any) -> Any:
    """An INSERT that skips a row clashing with any unique key (ON CONFLICT DO NOTHING)."""
    if conn.dialect.name == "postgresql":
        return pg_insert(table).on_conflict_do_nothing()
    return sqlite_insert(table).on_conflict_do_nothing()


@dataclass(frozen=True, slots=True)
class AddResult:
    """What happened to an article handed to :func:`add_article`."""

    article_id: str  # the stored id (the existing one for a duplicate)
    new: bool


# Statements built once with bound parameters: SQLAlchemy then reuses their compiled form,
# which matters when loading hundreds of thousands of rows.
_BY_URL = select(articles.c.id).where(articles.c.url_key == bindparam("key"))
_BY_HASH = select(articles.c.id).where(articles.c.content_hash == bindparam("key"))
_TITLE_BY_HASH = (select(articles.c.id, articles.c.title)
                  .where(articles.c.content_hash == bindparam("key")))


def find_duplicate(conn: Connection, url_key: str | None, content_hash: str,
                   text_only_hash: str | None = None, title: str | None = None) -> str | None:
    """The id of a stored article with the same canonical URL or the same text, if any.

    ``text_only_hash`` is a thin text's hash as stores kept it before titles counted: a row
    stored under it is this article only when its title agrees."""
    # Indexed look-ups one by one: SQLite would scan the table for one query with OR.
    if url_key is not None:
        found = conn.execute(_BY_URL, {"key": url_key}).scalar()
        if found is not None:
            return str(found)
    found = conn.execute(_BY_HASH, {"key": content_hash}).scalar()
    if found is not None:
        return str(found)
    if text_only_hash is not None:
        row = conn.execute(_TITLE_BY_HASH, {"key": text_only_hash}).first()
        if row is not None and _same_title(row.title, title):
            return str(row.id)
    return None


def _same_title(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").casefold().split()) == " ".join((b or "").casefold().split())


def add_article(
    conn: Connection,
    article: Article,
    *,
    article_id: str,
    url: str | None,
    url_key: str | None,
    content_hash: str,
    source_id: int | None = None,
    text_only_hash: str | None = None,
) -> AddResult:
    """Store the article unless its URL or text is known; ``new`` is False for a duplicate."""
    existing = find_duplicate(conn, url_key, content_hash, text_only_hash, article.title)
    if existing is not None:
        return AddResult(existing, False)
    row = {
        "id": article_id,
        "external_id": article.id,
        "url": url,
        "url_key": url_key,
        "content_hash": content_hash,
        "title": article.title,
        "text": article.text,
        "published": article.published,
        "source": article.source,
        "source_id": source_id,
        "language": article.language,
        "author": article.author,
        "fetched_at": utc_now(),
        "status": STATUS_FETCHED,
        "truncated": ",".join(article.truncated) or None,
    }
    stmt = insert_new_only(conn, articles).returning(articles.c.pk)
    if conn.execute(stmt, row).first() is not None:
        return AddResult(article_id, True)
    # Lost a race with another writer (or an id collision): report the stored one.
    return AddResult(find_duplicate(conn, url_key, content_hash, text_only_hash, article.title)
                     or article_id, False)


def _article_from_row(row: Any) -> Article:
    return Article(
        text=row.text,
        id=row.id,
        title=row.title,
        url=row.url,
        published=row.published,
        source=row.source,
        language=row.language,
        author=row.author,
        truncated=tuple(row.truncated.split(",")) if row.truncated else (),
    )


def get_article(conn: Connection, article_id: str) -> Article | None:
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    return None if row is None else _article_from_row(row)


def has_url(conn: Connection, url_key: str) -> bool:
    """True when an article with this canonical URL is stored (skip fetching it again)."""
    found = conn.execute(select(articles.c.pk).where(articles.c.url_key == url_key).limit(1))
    return found.first() is not None


def count_articles(conn: Connection, status: str | None = None) -> int:
    stmt = select(func.count()).select_from(articles)
    if status is not None:
        stmt = stmt.where(articles.c.status == status)
    return int(conn.execute(stmt).scalar_one())


def article_status(conn: Connection, article_id: str) -> str | None:
    """The article's stage (None when there is no such article)."""
    found = conn.execute(select(articles.c.status).where(articles.c.id == article_id)).scalar()
    return None if found is None else str(found)


def count_waiting(conn: Connection, ids: Sequence[str]) -> int:
    """How many of these articles still wait for analysis or a story."""
    waiting = 0
    for start in range(0, len(ids), 500):
        waiting += int(conn.execute(
            select(func.count()).select_from(articles)
            .where(articles.c.id.in_(list(ids[start:start + 500])),
                   articles.c.status.in_([STATUS_FETCHED, STATUS_ANALYSED]))
        ).scalar_one())
    return waiting


def status_counts(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(articles.c.status, func.count()).group_by(articles.c.status))
    return {status: int(n) for status, n in rows}


def articles_with_status(
    conn: Connection, statuses: Sequence[str], limit: int | None = None
) -> list[Article]:
    """Articles at these stages in publication order (unknown dates last, then stored order)."""
    stmt = (
        select(articles)
        .where(articles.c.status.in_(list(statuses)))
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_article_from_row(r) for r in conn.execute(stmt)]


def ids_with_status(conn: Connection, statuses: Sequence[str]) -> list[str]:
    """The ids of the articles at these stages, in the order of :func:`articles_with_status`
    (ids only: a long queue is streamed by id without holding every text)."""
    return list(conn.execute(
        select(articles.c.id)
        .where(articles.c.status.in_(list(statuses)))
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.pk)
    ).scalars())


def statuses(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """The stage of each of these articles (unknown ids are left out), in one query."""
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        out.update((r.id, r.status) for r in conn.execute(
            select(articles.c.id, articles.c.status)
            .where(articles.c.id.in_(list(ids[start:start + 500])))))
    return out


def iter_article_ids(conn: Connection, batch: int = 500) -> Iterator[list[str]]:
    """All stored article ids in stored order, in lists of ``batch`` (for re-analysis)."""
    last = 0
    while True:
        rows = conn.execute(
            select(articles.c.pk, articles.c.id)
            .where(articles.c.pk > last)
            .order_by(articles.c.pk)
            .limit(batch)
        ).all()
        if not rows:
            return
        last = rows[-1].pk
        yield [r.id for r in rows]


def get_articles(conn: Connection, ids: Sequence[str]) -> list[Article]:
    """The articles with these ids, in the order given (unknown ids are left out)."""
    rows = {r.id: r for r in conn.execute(select(articles).where(articles.c.id.in_(list(ids))))}
    return [_article_from_row(rows[i]) for i in ids if i in rows]


_SET_STATUS = (update(articles).where(articles.c.id == bindparam("article"))
               .values(status=bindparam("new_status"), error=bindparam("new_error")))


def set_status(conn: Connection, article_id: str, status: str, error: str | None = None) -> None:
    conn.execute(_SET_STATUS, {"article": article_id, "new_status": status, "new_error": error})


def shorten_article(conn: Connection, article_id: str, text: str, title: str | None,
                    truncated: Sequence[str]) -> None:
    """Replace a stored article's text and title by their shortened forms (an article stored
    before the limits of ``ingest.bounds``), flagging what was shortened."""
    conn.execute(update(articles).where(articles.c.id == article_id).values(
        text=text, title=title, truncated=",".join(truncated) or None))


def mark_failed(conn: Connection, article_id: str, error: str) -> None:
    set_status(conn, article_id, STATUS_FAILED, error)


def reset_status(conn: Connection, status: str = STATUS_FETCHED) -> int:
    """Put every article back to ``status`` (re-analysis); returns how many rows changed."""
    return int(conn.execute(update(articles).values(status=status, error=None)).rowcount)


# --- analyses ---------------------------------------------------------------------------------


# An analysis's rows, the analysis last (built once: the writer runs them for every article).
_ANALYSIS_TABLES = (quotes, events, figures, places, mentions, article_entities, analyses)
_DELETES = tuple(delete(t).where(t.c.article_id == bindparam("article"))
                 for t in _ANALYSIS_TABLES)
_INSERTS = {t.name: insert(t) for t in _ANALYSIS_TABLES}


def _ids_among(conn: Connection, column: Any, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` appear in ``column``: one query per 500 ids (SQLite's bound-parameter
    limit)."""
    out: set[str] = set()
    for start in range(0, len(ids), 500):
        out.update(conn.execute(
            select(column).where(column.in_(list(ids[start:start + 500])))).scalars())
    return out


def analysed_among(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Which of these articles have a stored analysis."""
    return _ids_among(conn, analyses.c.article_id, ids)


def save_analysis(
    conn: Connection,
    article_id: str,
    payload: dict[str, Any],
    analysis: Analysis,
    entity_ids: dict[str, int],
    model: str | None = None,
    *,
    fresh: bool = False,
) -> None:
    """Store an analysis: the contract JSON (without the text) and the normalised rows.

    ``entity_ids`` maps the article's local entity ids (``e1``) to canonical entity ids
    (from :func:`europenews.store.entities.link_entities`). Replaces any earlier analysis;
    ``fresh`` says the caller found none stored (:func:`analysed_among`, in the same
    transaction), so there is nothing to delete: the first analysis of an article, the
    common case, saves seven statements.
    """
    if not fresh:
        for stmt in _DELETES:
            conn.execute(stmt, {"article": article_id})
    body = {k: v for k, v in payload.items() if k != "text"}
    conn.execute(_INSERTS["analyses"], {
        "article_id": article_id,
        "payload": json.dumps(body, ensure_ascii=False),
        "model": model,
        "analysed_at": utc_now(),
    })
    published = analysis.article.published
    ent_rows = [
        {"article_id": article_id, "local_id": e.id, "entity_id": entity_ids[e.id],
         "name": e.name, "type": e.type, "mention_count": len(e.mentions)}
        for e in analysis.entities if e.id in entity_ids
    ]
    if ent_rows:
        conn.execute(_INSERTS["article_entities"], ent_rows)
    men_rows = [
        {"article_id": article_id, "local_id": e.id, "start": m.start, "end": m.end,
         "text": m.text}
        for e in analysis.entities for m in e.mentions
    ]
    if men_rows:
        conn.execute(_INSERTS["mentions"], men_rows)
    q_rows = [
        {"article_id": article_id, "position": i, "text": q.text, "start": q.start,
         "end": q.end, "kind": q.kind,
         "speaker_entity_id": entity_ids.get(q.speaker.entity or "") if q.speaker else None,
         "speaker_name": q.speaker.name if q.speaker else None,
         "speaker_mention": q.speaker.mention.text if q.speaker and q.speaker.mention else None,
         "via": q.speaker.via if q.speaker else None,
         "cue": q.cue.text if q.cue else None,
         "report": None if q.kind == "direct" else reported_speech(analysis.article.text, q),
         "published": published, "shown": q.shown, "confidence": q.confidence}
        for i, q in enumerate(analysis.quotes)
    ]
    if q_rows:
        conn.execute(_INSERTS["quotes"], q_rows)
    ev_rows = [
        {"article_id": article_id, "position": i, "type": ev.type, "killed": ev.killed,
         "injured": ev.injured, "missing": ev.missing, "kidnapped": ev.kidnapped,
         "arrested": ev.arrested, "weapon": ev.weapon, "actor": ev.actor, "date": ev.date,
         "place_name": ev.place.name if ev.place else None,
         "country": ev.place.country if ev.place else None,
         "lat": ev.place.lat if ev.place else None, "lon": ev.place.lon if ev.place else None,
         "source_name": ev.source.name if ev.source else None, "start": ev.start,
         "end": ev.end, "text": ev.text, "published": published}
        for i, ev in enumerate(analysis.events)
    ]
    if ev_rows:
        conn.execute(_INSERTS["events"], ev_rows)
    fig_rows = [
        {"article_id": article_id, "event": i, "kind": f.kind, "value": f.value,
         "confidence": f.confidence, "start": f.start, "end": f.end, "phrase": f.text,
         "source_name": f.source.name if f.source else None, "published": published}
        for i, ev in enumerate(analysis.events) for f in ev.figures
    ]
    if fig_rows:
        conn.execute(_INSERTS["figures"], fig_rows)
    p_rows = [
        {"article_id": article_id, "name": p.name, "country": p.country, "lat": p.lat,
         "lon": p.lon, "geonames_id": p.geonames_id, "feature": p.feature,
         "mention_count": len(p.mentions), "published": published}
        for p in analysis.places
    ]
    if p_rows:
        conn.execute(_INSERTS["places"], p_rows)
    set_status(conn, article_id, STATUS_ANALYSED)


def get_analysis_payload(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """The contract JSON of an article's analysis (with its text), or None if not analysed."""
    row = conn.execute(
        select(analyses.c.payload, articles.c.text)
        .join(articles, articles.c.id == analyses.c.article_id)
        .where(analyses.c.article_id == article_id)
    ).first()
    if row is None:
        return None
    payload: dict[str, Any] = json.loads(row.payload)
    payload["text"] = row.text
    return payload


def get_analysis_payloads(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Analyses of several articles at once, by article id."""
    out: dict[str, dict[str, Any]] = {}
    rows = conn.execute(
        select(analyses.c.article_id, analyses.c.payload, articles.c.text)
        .join(articles, articles.c.id == analyses.c.article_id)
        .where(analyses.c.article_id.in_(list(ids)))
    )
    for r in rows:
        payload = json.loads(r.payload)
        payload["text"] = r.text
        out[r.article_id] = payload
    return out


def clustered_among(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Which of these articles belong to a story."""
    return _ids_among(conn, story_members.c.article_id, ids)


def is_clustered(conn: Connection, article_id: str) -> bool:
    found = conn.execute(
        select(story_members.c.article_id).where(story_members.c.article_id == article_id)
    )
    return found.first() is not None


__all__ = [
    "STATUS_ANALYSED",
    "STATUS_CLUSTERED",
    "STATUS_FAILED",
    "STATUS_FETCHED",
    "AddResult",
    "add_article",
    "analysed_among",
    "articles_with_status",
    "count_articles",
    "get_analysis_payload",
    "get_analysis_payloads",
    "get_article",
    "get_articles",
    "has_url",
    "mark_failed",
    "save_analysis",
    "set_status",
    "status_counts",
    "utc_now",
]
