"""Atom feeds of the lists the site shows (``europenews.atom``): the top stories, a search, an
entity's stories, a place's stories, an alert's hits. Each asks ``web/resources.py`` for the
same data as its page, so a feed lists what the page lists."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from europenews.atom import MEDIA_TYPE, AtomEntry, atom_feed
from europenews.store.engine import reading
from europenews.web import resources
from europenews.web.errors import found
from europenews.web.resources import Paging

router = APIRouter(prefix="/feeds", tags=["feeds"])
ITEMS = 50


def _site(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _answer(request: Request, feed_id: str, title: str, page: str,
            entries: list[AtomEntry]) -> Response:
    site = _site(request)
    body = atom_feed(feed_id, title, str(request.url), site + page, entries)
    return Response(body, media_type=MEDIA_TYPE)


def _story_entries(site: str, stories: list[dict[str, Any]]) -> list[AtomEntry]:
    out = []
    for s in stories:
        parts = []
        if count := s.get("article_count"):
            parts.append(f"{count} article{'s' if count != 1 else ''}")
        if names := s.get("key_entities"):
            parts.append(", ".join(names[:5]))
        out.append(AtomEntry(f"story/{s['id']}", s.get("headline") or "(untitled story)",
                             f"{site}/stories/{quote(s['id'])}",
                             s.get("last_seen") or s.get("seen"), " · ".join(parts),
                             s.get("first_seen")))
    return out


@router.get("/stories.atom", summary="Atom: the top stories now")
def stories_feed(request: Request) -> Response:
    with reading(request.app.state.engine) as conn:
        top = resources.top_stories(conn, Paging(1, ITEMS))
    return _answer(request, "stories", "EuropeNews: top stories", "/",
                   _story_entries(_site(request), top.items))


@router.get("/search.atom", summary="Atom: a search, newest first")
def search_feed(request: Request, q: str = Query(..., min_length=1, max_length=300)) -> Response:
    query = resources.search_query(q, None, None, None, None, None, None, "date")
    with reading(request.app.state.engine) as conn:
        result = resources.search(conn, query, Paging(1, ITEMS))
    site = _site(request)
    entries = [AtomEntry(f"article/{h['id']}", h.get("title") or "(untitled)",
                         f"{site}/articles/{quote(h['id'])}", h.get("published"),
                         h.get("source") or "", h.get("published"))
               for h in result["hits"]]
    return _answer(request, f"search/{q}", f"EuropeNews: search “{q}”",
                   f"/search?q={quote(q)}", entries)


@router.get("/entities/{entity_id}.atom", summary="Atom: the stories naming an entity")
def entity_feed(request: Request, entity_id: int) -> Response:
    with reading(request.app.state.engine) as conn:
        page = found(resources.entity(conn, entity_id, Paging(1, 1)), f"entity {entity_id}")
    entity = page.entity
    return _answer(request, f"entity/{entity_id}", f"EuropeNews: {entity['name']}",
                   f"/entities/{entity_id}", _story_entries(_site(request), entity["stories"]))


@router.get("/places/{name}.atom", summary="Atom: the stories naming a place")
def place_feed(request: Request, name: str) -> Response:
    with reading(request.app.state.engine) as conn:
        place = found(resources.place(conn, name), f"place {name}")
    return _answer(request, f"place/{name}", f"EuropeNews: {place['name']}",
                   f"/places/{quote(name)}", _story_entries(_site(request), place["stories"]))


@router.get("/alerts/{name}.atom", summary="Atom: an alert's hits, the latest first")
def alert_feed(request: Request, name: str) -> Response:
    with reading(request.app.state.engine) as conn:
        rule = found(resources.alert(conn, name, ITEMS), f"alert {name}")
    site = _site(request)
    entries = [AtomEntry(f"alert/{quote(name)}/{h['story']}", h["headline"] or "(untitled story)",
                         f"{site}/stories/{quote(h['story'])}", h["updated_at"],
                         h["fact_line"], h["fired_at"])
               for h in rule["hits"]]
    return _answer(request, f"alert/{name}", f"EuropeNews alert: {name}",
                   f"/alerts#{quote(name)}", entries)

