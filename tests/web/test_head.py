"""HEAD wherever GET works, /favicon.ico, and /docs without FastAPI warnings (issue #24)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import select

from europenews.config import Settings
from europenews.store.alerts import save_rule
from europenews.store.engine import open_store
from europenews.store.schema import articles, entities, places, story_members
from europenews.web import api, pages
from europenews.web.app import create_app
from europenews.web.status import status_router

GET_PATHS = ["/", "/places", "/quotes", "/search?q=Kherson", "/entities?type=person",
             "/articles", "/sources", "/docs", "/favicon.ico", "/world.svg",
             "/static/site.css", "/openapi.json", "/api/stories", "/api/sources",
             "/api/status", "/api/search?q=drone", "/api/events?format=csv",
             "/api/places?format=geojson", "/no-such-page", "/api/no-such-thing"]


@pytest.mark.slow
@pytest.mark.parametrize("path", GET_PATHS)
def test_head_answers_as_get_without_body(client: httpx.Client, path: str):
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    if "content-length" in got.headers:
        assert head.headers["content-length"] == got.headers["content-length"]


@pytest.fixture(scope="module")
def route_values(web_db: str) -> dict[str, str]:
    """A stored id for each path parameter of the app's routes."""
    engine = open_store(web_db)
    with engine.connect() as conn:
        values = {
            "story_id": conn.execute(select(story_members.c.story_id)).scalar(),
            "entity_id": conn.execute(select(entities.c.id)).scalar(),
            "article_id": conn.execute(select(articles.c.id)).scalar(),
            "name": conn.execute(select(places.c.name)).scalar(),
        }
    # An alert named like the place, so /api/alerts/{name} and its Atom feed have one to show.
    with engine.begin() as conn:
        save_rule(conn, str(values["name"]),
                  json.dumps({"name": str(values["name"]), "query": str(values["name"])}), "api")
    engine.dispose()
    return {k: str(v) for k, v in values.items()}


@pytest.mark.slow
def test_head_on_every_get_route(client: httpx.Client, route_values: dict[str, str],
                                 web_db: str):
    """Every GET route of the app (detail pages filled with real ids) answers HEAD."""
    values = route_values
    app = create_app(Settings(db=web_db))
    every = [*app.routes, *api.router.routes, *pages.router.routes, *status_router().routes]
    routes = [r for r in every if isinstance(r, APIRoute) and "GET" in r.methods]
    assert len(routes) > 20
    for route in routes:
        path = route.path.format(**values)
        assert client.head(path).status_code == client.get(path).status_code == 200, path


@pytest.mark.slow
def test_head_leaves_other_methods_alone(client: httpx.Client):
    assert client.post("/api/stories").status_code == 405
    assert client.head("/api/admin/sources").status_code == 404  # not mounted without --admin


@pytest.mark.slow
def test_favicon_ico_is_an_icon(client: httpx.Client):
    r = client.get("/favicon.ico")
    assert r.status_code == 200
    assert r.headers["content-type"] == "image/x-icon"
    assert r.content[:4] == b"\x00\x00\x01\x00"  # the ICO header: reserved 0, type 1 (icon)
    assert 'href="/favicon.ico"' in client.get("/").text


def test_docs_schema_builds_without_warnings(tmp_path: Path):
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'docs.db'}"), admin_token="t",
                     status=lambda: {})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        spec = app.openapi()
    assert [str(w.message) for w in caught] == []
    operation_ids = [op["operationId"] for item in spec["paths"].values()
                     for op in item.values()]
    assert len(operation_ids) == len(set(operation_ids))
