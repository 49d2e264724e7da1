"""Issue 16 on the site: every story reachable (archive), complete downloads, figures with
their evidence and confidence."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from sqlalchemy import func, select

from europenews.store.engine import open_store
from europenews.store.schema import events, stories


@pytest.fixture(scope="module")
def counts(web_db: str) -> dict[str, int]:
    engine = open_store(web_db)
    with engine.connect() as conn:
        found = {
            "stories": conn.execute(select(func.count()).select_from(stories)).scalar_one(),
            "events": conn.execute(select(func.count()).select_from(events)).scalar_one(),
            "located": conn.execute(select(func.count()).select_from(events)
                                    .where(events.c.lat.is_not(None))).scalar_one(),
        }
    engine.dispose()
    return found


@pytest.mark.slow
def test_issue_16_archive_lists_every_story(client: httpx.Client, counts: dict[str, int]):
    body = client.get("/api/archive", params={"per_page": 500}).json()
    assert body["total"] == counts["stories"] == len(body["items"]) and body["next"] is None
    undated = [s for s in body["items"] if s["first_seen"] is None]
    assert undated and all(s["seen"] and s["seen_from"] in ("text", "fetched") for s in undated)
    html = client.get("/archive").text
    for story in body["items"]:
        assert f"/stories/{story['id']}" in html
    assert "(fetched)" in html


@pytest.mark.slow
def test_issue_16_archive_pages_say_they_are_paged(client: httpx.Client):
    r = client.get("/api/archive", params={"per_page": 1, "sort": "largest"})
    body = r.json()
    assert body["next"] and r.headers["link"] == f'<{body["next"]}>; rel="next"'
    second = client.get(body["next"]).json()
    assert second["items"][0]["id"] != body["items"][0]["id"]


@pytest.mark.slow
def test_issue_16_front_page_links_the_archive(client: httpx.Client, counts: dict[str, int]):
    html = client.get("/").text
    assert f'all {counts["stories"]} stories are in the archive' in html


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson"])
def test_issue_16_event_downloads_are_complete_not_one_page(client: httpx.Client, fmt: str,
                                                            counts: dict[str, int]):
    assert counts["events"] > 1
    r = client.get("/api/events", params={"format": fmt, "per_page": 1})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == counts["events"] and {"main", "country", "date"} <= rows[0].keys()
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in r.text.splitlines()]
        assert len(rows) == counts["events"]
    else:
        assert len(r.json()["features"]) == counts["located"]


@pytest.mark.slow
def test_issue_16_places_download_has_every_place(client: httpx.Client):
    everything = client.get("/api/places", params={"format": "geojson"}).json()["features"]
    capped = client.get("/api/places", params={"format": "geojson", "limit": 1}).json()
    assert len(everything) > 2 and len(capped["features"]) <= 2


@pytest.mark.slow
def test_issue_16_story_figures_carry_confidence_and_evidence(client: httpx.Client):
    # The story three outlets report (the drone strike's deaths), not the undated seed's.
    top = next(s for s in client.get("/api/stories").json()["items"]
               if s["source_count"] >= 3 and "Kherson" in (s["headline"] or ""))
    story = client.get(f"/api/stories/{top['id']}").json()
    # Its first figure an article gives (shown or one click away) carries its evidence.
    figure = next(c for c in story["casualties"] if not c["inferred_zero"])
    assert 0.0 <= figure["confidence"] <= 1.0 and isinstance(figure["shown"], bool)
    evidence = figure["evidence"][0]
    html = client.get(f"/stories/{top['id']}").text
    link = f"/articles/{evidence['article']}?mark={evidence['start']}-{evidence['end']}#mark"
    assert link in html
    marked = client.get(link.split("#")[0]).text
    assert 'class="evidence"' in marked and 'id="mark"' in marked
