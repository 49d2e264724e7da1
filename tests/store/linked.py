"""One article stored and its entities linked, as ``ingest`` does, for the linking tests."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.engine import Engine

from europenews.ingest.fingerprint import article_keys
from europenews.model import Analysis, Article, Entity
from europenews.store.articles import add_article, save_analysis
from europenews.store.entities import link_entities, settle_links


def store_linked(engine: Engine, text: str, entities: Sequence[Entity], *,
                 language: str | None = "en", published: str | None = None) -> dict[str, int]:
    """Store an article with these entities; the store-wide id of each article entity."""
    article = Article(text=text, language=language, published=published)
    keys = article_keys(article)
    analysis = Analysis(article=Article(text=text, id=keys.id, language=language,
                                        published=published),
                        entities=tuple(entities))
    with engine.begin() as conn:
        add_article(conn, article, article_id=keys.id, url=None, url_key=None,
                    content_hash=keys.content_hash)
        ids = link_entities(conn, analysis, keys.id)
        save_analysis(conn, keys.id, {}, analysis, ids)
        settle_links(conn, keys.id, list(ids.values()))
    return ids
