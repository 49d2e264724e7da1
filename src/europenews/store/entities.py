"""Entities across articles: one store-wide row per real-world person, organisation or place.

How an article's entities are linked to these rows, on evidence, is ``store/linking.py``, and
how a link is undone ``store/relinking.py`` (both re-exported here). This module reads them: an
entity with its aliases (and the articles that support each), its roles over time, the
entities a name query refers to.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from sqlalchemy import Connection, and_, func, select

from europenews.names import name_key
from europenews.store.linking import link_entities
from europenews.store.relinking import move_link, refresh_entity_counts, settle_links
from europenews.store.schema import (
    article_entities,
    articles,
    entities,
    entity_aliases,
    entity_roles,
    mentions,
)

__all__ = [
    "Alias",
    "CanonicalEntity",
    "article_ids_for_entity",
    "entity_ids_for_name",
    "entity_mentions",
    "get_entity",
    "link_entities",
    "list_aliases",
    "move_link",
    "refresh_entity_counts",
    "settle_links",
    "top_entities",
]


@dataclass(frozen=True, slots=True)
class CanonicalEntity:
    """A row of the entity table, with what the web site shows about it."""

    id: int
    name: str
    type: str
    article_count: int
    first_seen: str | None
    last_seen: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[tuple[str, str | None], ...] = ()  # (role, published), oldest first


def get_entity(conn: Connection, entity_id: int) -> CanonicalEntity | None:
    """One canonical entity with its aliases and its roles over time."""
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).first()
    if row is None:
        return None
    aliases = tuple(conn.execute(
        select(entity_aliases.c.alias).where(entity_aliases.c.entity_id == entity_id)
        .order_by(entity_aliases.c.alias)
    ).scalars())
    roles = tuple(
        (r.role, r.published)
        for r in conn.execute(
            select(entity_roles.c.role, func.min(entity_roles.c.published).label("published"))
            .where(entity_roles.c.entity_id == entity_id)
            .group_by(entity_roles.c.role)
            .order_by(func.min(entity_roles.c.published))
        )
    )
    return CanonicalEntity(row.id, row.name, row.type, row.article_count, row.first_seen,
                           row.last_seen, aliases, roles)


def top_entities(
    conn: Connection, type_: str | None = None, limit: int = 50
) -> list[CanonicalEntity]:
    """The most written-about entities (for an entity index page)."""
    stmt = select(entities).order_by(entities.c.article_count.desc(), entities.c.name)
    if type_ is not None:
        stmt = stmt.where(entities.c.type == type_)
    return [
        CanonicalEntity(r.id, r.name, r.type, r.article_count, r.first_seen, r.last_seen)
        for r in conn.execute(stmt.limit(limit))
    ]


def entity_ids_for_name(conn: Connection, name: str) -> list[int]:
    """Canonical entities a user's name query refers to (by key or alias; surname → all)."""
    key = name_key(name)
    if not key:
        return []
    ids = set(conn.execute(select(entities.c.id).where(entities.c.key == key)).scalars())
    ids |= set(conn.execute(
        select(entity_aliases.c.entity_id).where(entity_aliases.c.alias_key == key)).scalars())
    if len(key.split()) == 1:
        ids |= set(conn.execute(
            select(entities.c.id).where(entities.c.surname_key == key)).scalars())
    return sorted(ids)


def article_ids_for_entity(conn: Connection, entity_id: int, limit: int = 100) -> list[str]:
    rows = conn.execute(
        select(article_entities.c.article_id).where(article_entities.c.entity_id == entity_id)
        .limit(limit)
    )
    return [r.article_id for r in rows]


def entity_mentions(conn: Connection, article_id: str) -> list[tuple[int, int, int]]:
    """The article's entity mentions as ``(start, end, store-wide entity id)``, in text order."""
    rows = conn.execute(
        select(mentions.c.start, mentions.c.end, article_entities.c.entity_id)
        .join(article_entities, and_(article_entities.c.article_id == mentions.c.article_id,
                                     article_entities.c.local_id == mentions.c.local_id))
        .where(mentions.c.article_id == article_id)
        .order_by(mentions.c.start)
    )
    return [(int(r.start), int(r.end), int(r.entity_id)) for r in rows]


@dataclass(frozen=True, slots=True)
class Alias:
    """One way an entity is written, with the articles that write it so (the evidence)."""

    alias: str
    article_ids: tuple[str, ...]
    # The languages of the articles that write it so: (language, how many articles, the first
    # of them), most articles first (the entity page groups spellings by language).
    languages: tuple[tuple[str, int, str], ...] = ()


def list_aliases(conn: Connection, entity_id: int, articles_per_alias: int = 20) -> list[Alias]:
    """Every spelling of the entity (search expands a name query with these), most supported
    first, each with up to ``articles_per_alias`` of the articles that support it: the article
    names it so, in a mention of the article entity linked to it."""
    supported: dict[str, list[str]] = {}
    languages: dict[str, dict[str, list[str]]] = {}
    rows = conn.execute(
        select(mentions.c.text, mentions.c.article_id, article_entities.c.name,
               articles.c.language)
        .join(article_entities, and_(article_entities.c.article_id == mentions.c.article_id,
                                     article_entities.c.local_id == mentions.c.local_id))
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(article_entities.c.entity_id == entity_id)
        .order_by(mentions.c.article_id)
    )
    for r in rows:
        for text in {r.name, r.text}:
            if not spells(text, r.name):
                continue
            found = supported.setdefault(text.strip(), [])
            if r.article_id not in found:
                found.append(r.article_id)
                if r.language:
                    languages.setdefault(text.strip(), {}).setdefault(r.language, []).append(
                        r.article_id)
    known = set(conn.execute(select(entity_aliases.c.alias)
                             .where(entity_aliases.c.entity_id == entity_id)).scalars())
    for alias in known - set(supported):
        supported[alias] = []  # kept from before the article rows (an older store)
    ranked = sorted(supported.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [Alias(a, tuple(ids[:articles_per_alias]), _most_first(languages.get(a, {})))
            for a, ids in ranked]


def spells(text: str, name: str) -> bool:
    """Whether a mention's text is a spelling of the entity's name: its words are the name's
    ("Zelensky" of "Volodymyr Zelensky"), an abbreviation ("AP" of "Associated Press"), or one
    word spelled nearly as a word of the name ("Zelenskiy", "Klistchko"). A description the
    article refers to the entity by ("the Ukrainian", "Ukrainian") is a mention, not a spelling."""
    if not text[:1].isupper():
        return False
    words, name_words = name_key(text).split(), name_key(name).split()
    if set(words) <= set(name_words):
        return True
    if len(words) != 1:
        return False
    word = text.strip().replace(".", "")
    if word.isupper() and len(word) > 1:
        return True
    return any(SequenceMatcher(None, words[0], w).ratio() >= SPELLING_RATIO for w in name_words)


# How alike (difflib's ratio) a one-word mention and a word of the name must be to be the same
# word spelled otherwise: "zelenskiy" / "zelensky" 0.94, "klistchko" / "klitschko" 0.89;
# "ukrainian" / "klitschko" 0.22.
SPELLING_RATIO = 0.8


def _most_first(by_language: dict[str, list[str]]) -> tuple[tuple[str, int, str], ...]:
    ranked = sorted(by_language.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return tuple((code, len(ids), ids[0]) for code, ids in ranked)
