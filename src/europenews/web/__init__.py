"""The web site and JSON API over the store (FastAPI; read-only unless ``--admin``).

- ``app``: ``create_app(settings)`` builds the app; ``serve_app`` runs it with uvicorn.
- ``resources``: one data function per resource (stories, story, entities, entity, quotes,
  events, places, place, search, articles, article, sources), shared by a page and its
  ``/api/`` twin.
- ``api`` and ``pages``: the routes (JSON and exports; HTML templates).
- ``errors``: the one exception handler (400 / 404 / 503 / 500, JSON under ``/api/``).
- ``geo``, ``markup``, ``memo``: the offline map, highlighted article text, the per-app memo.
"""
