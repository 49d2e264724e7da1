"""The store: articles, analyses, entities, stories and sources in SQLite or PostgreSQL.

All SQL lives here, as SQLAlchemy Core; every function takes a ``Connection`` and the caller
owns the transaction. The store imports only the core (``model``, ``errors``, ``names``,
``dates``, ``storydata``) and itself.

- ``engine``: ``open_store(url)`` (migrations run on open), and ``map_db_errors()`` /
  ``reading(engine)``, the one place where database errors become ``StoreError``.
- ``articles``, ``entities``, ``sources``, ``stories``: writes and reads of each kind
  (``stories.refresh_story`` keeps the figures ``stories.summary`` computes).
- ``search``: full-text search (FTS5 or tsvector) behind ``search_articles``.
- ``views``, ``views_people``, ``views_geo``, ``views_search``: read-only queries behind the
  site and the API, plain dicts out; ``exports``: rows for ``europenews export``.
"""
