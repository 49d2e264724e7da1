"""The site and API over a store built by the real ingest code, through a real HTTP server."""

from __future__ import annotations

import csv
import io
import json
import re

import httpx
import pytest
from sqlalchemy import select

from europenews.config import Settings
from europenews.store.engine import open_store
from europenews.store.schema import articles, entities, story_members

PAGES = ["/", "/places", "/quotes", "/search", "/search?q=Kherson", "/entities",
         "/entities?type=person", "/entities?type=organization", "/articles", "/sources",
         "/docs"]
API = ["/api/stories", "/api/entities", "/api/quotes", "/api/events", "/api/places",
       "/api/search?q=drone", "/api/articles", "/api/sources"]


@pytest.fixture(scope="module")
def ids(web_db: str) -> dict[str, str]:
    """One stored id of each kind, read from the store."""
    engine = open_store(web_db)
    with engine.connect() as conn:
        story = conn.execute(
            select(story_members.c.story_id)
            .join(articles, articles.c.id == story_members.c.article_id)
            .where(articles.c.external_id == "web-kherson-1")).scalar()
        person = conn.execute(select(entities.c.id).where(entities.c.type == "person")
                              .order_by(entities.c.article_count.desc())).scalar()
        article = conn.execute(
            select(articles.c.id).where(articles.c.external_id == "web-kherson-1")).scalar()
        xss = conn.execute(select(articles.c.id).where(articles.c.external_id == "web-xss")
                           ).scalar()
    engine.dispose()
    return {"story": story, "person": str(person), "article": article, "xss": xss}


@pytest.mark.slow
@pytest.mark.parametrize("path", PAGES)
def test_app_page_renders(client: httpx.Client, path: str):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<meta name="viewport"' in r.text and "</html>" in r.text


@pytest.mark.slow
def test_app_detail_pages_render(client: httpx.Client, ids: dict[str, str]):
    for path in (f"/stories/{ids['story']}", f"/entities/{ids['person']}",
                 f"/articles/{ids['article']}", f"/articles/{ids['xss']}"):
        r = client.get(path)
        assert r.status_code == 200, path


@pytest.mark.slow
@pytest.mark.parametrize("path", API)
def test_app_api_lists_are_paged_json(client: httpx.Client, path: str):
    r = client.get(path)
    assert r.status_code == 200
    body = r.json()
    if "items" in body:
        assert {"page", "per_page", "next"} <= body.keys()


@pytest.mark.slow
def test_app_api_paging_follows_next(client: httpx.Client):
    first = client.get("/api/articles", params={"per_page": 2}).json()
    assert len(first["items"]) == 2 and first["next"]
    second = client.get(first["next"]).json()
    assert second["page"] == 2
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}


@pytest.mark.slow
def test_app_api_story_matches_page(client: httpx.Client, ids: dict[str, str]):
    story = client.get(f"/api/stories/{ids['story']}").json()
    assert story["articles"] and {"entities", "quotes_by_speaker", "casualties"} <= story.keys()
    page = client.get(f"/stories/{ids['story']}").text
    first = story["articles"][0]["id"]
    assert f"/articles/{first}" in page


@pytest.mark.slow
def test_app_story_coverage_by_language_counts_every_member(client: httpx.Client,
                                                            ids: dict[str, str]):
    story = client.get(f"/api/stories/{ids['story']}").json()
    languages = story["languages"]
    assert sum(c["articles"] for c in languages) == len(story["articles"])
    counted: dict[str | None, int] = {}
    for member in story["articles"]:
        counted[member["language"]] = counted.get(member["language"], 0) + 1
    assert {c["language"]: c["articles"] for c in languages} == counted
    page = client.get(f"/stories/{ids['story']}").text
    assert "Coverage by language" in page and "English" in page


@pytest.mark.slow
def test_app_story_shows_casualty_spread_per_outlet(client: httpx.Client, ids: dict[str, str]):
    # Each member's own figure (its first event with one) must appear, none fused away.
    story = client.get(f"/api/stories/{ids['story']}").json()
    expected = set()
    for member in story["articles"]:
        analysis = client.get(f"/api/articles/{member['id']}").json()["analysis"] or {}
        killed = [e["killed"] for e in analysis.get("events", []) if e["killed"] is not None]
        if killed:
            expected.add(killed[0])
    # The "no confident death figure" line (inferred_zero) is the story's own, no member's.
    shown = {f["value"] for f in story["casualties"]
             if f["kind"] == "killed" and not f["inferred_zero"]}
    assert shown == expected
    html = client.get(f"/stories/{ids['story']}").text
    for value in expected:
        assert f"{value} killed" in html


@pytest.mark.slow
def test_app_front_page_ranks_multi_source_story_first(client: httpx.Client, ids: dict[str, str]):
    # Of two stories seen within a day of each other, the one more outlets report ranks first
    # (an undated story is seen when fetched, so it may rank above both).
    items = client.get("/api/stories").json()["items"]
    order = [s["id"] for s in items]
    kherson = items[order.index(ids["story"])]
    berlin = next(s for s in items if "Berlin" in (s["headline"] or ""))
    assert kherson["source_count"] >= 2 and berlin["source_count"] == 1
    assert order.index(kherson["id"]) < order.index(berlin["id"])


@pytest.mark.slow
def test_app_api_article_has_contract_analysis(client: httpx.Client, ids: dict[str, str]):
    art = client.get(f"/api/articles/{ids['article']}").json()
    assert art["analysis"]["schema"] == "europenews.analysis/1"
    assert "Kherson" in art["text"]


@pytest.mark.slow
@pytest.mark.parametrize(("path", "kind"), [
    ("/api/quotes?format=csv", "csv"), ("/api/events?format=jsonl", "jsonl"),
    ("/api/events?format=geojson", "geojson"), ("/api/places?format=geojson", "geojson"),
    ("/api/articles?format=csv", "csv"),
])
def test_app_api_exports(client: httpx.Client, path: str, kind: str):
    r = client.get(path)
    assert r.status_code == 200
    if kind == "csv":
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows and rows[0]
    elif kind == "jsonl":
        for line in r.text.splitlines():
            json.loads(line)
    else:
        assert r.json()["type"] == "FeatureCollection"


@pytest.mark.slow
def test_app_api_csv_neutralises_formulas(client: httpx.Client):
    text = client.get("/api/articles?format=csv&per_page=500").text
    assert not re.search(r'(^|,)"?=', text, re.MULTILINE)


@pytest.mark.slow
@pytest.mark.parametrize(("path", "status"), [
    ("/api/stories/nope", 404), ("/api/entities/999999", 404), ("/api/articles/nope", 404),
    ("/api/entities/abc", 400), ("/api/stories?page=0", 400), ("/api/nothing", 404),
])
def test_app_api_error_shape(client: httpx.Client, path: str, status: int):
    r = client.get(path)
    assert r.status_code == status
    assert r.json().keys() == {"error", "status"} and r.json()["status"] == status


@pytest.mark.slow
def test_app_page_error_is_html(client: httpx.Client):
    r = client.get("/stories/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "not found" in r.text


@pytest.mark.slow
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/", "/api/stories", "/api/articles", "/api/sources",
                                  "/api/admin/sources"])
def test_app_is_read_only_without_admin(client: httpx.Client, method: str, path: str):
    r = client.request(method, path, json={"url": "https://example.org/feed"})
    assert r.status_code in (404, 405)


@pytest.mark.slow
def test_app_admin_needs_token(web_db: str, live_server):
    with live_server(Settings(db=web_db), admin_token="s3cret") as server:
        url = f"{server.url}/api/admin/sources"
        body = {"url": "https://example.org/feed.xml"}
        assert httpx.post(url, json=body).status_code == 401
        assert httpx.post(url, json=body, headers={"Authorization": "Bearer nope"}
                          ).status_code == 401
        ok = httpx.post(url, json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201 and ok.json()["kind"] == "feed"


@pytest.mark.slow
def test_app_escapes_stored_payloads(client: httpx.Client, ids: dict[str, str]):
    pages = [client.get(f"/articles/{ids['xss']}").text, client.get("/articles").text,
             client.get("/sources").text, client.get("/search?q=Harmless").text,
             client.get("/quotes").text]
    for html in pages:
        assert "<script>window.__xss" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html.lower()
    assert "&lt;script&gt;window.__xss_title=1&lt;/script&gt;" in pages[0]


@pytest.mark.slow
def test_app_sends_security_headers(client: httpx.Client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.slow
def test_app_openapi_lists_every_endpoint(client: httpx.Client):
    paths = client.get("/openapi.json").json()["paths"]
    for name in ("stories", "entities", "quotes", "events", "places", "search", "articles",
                 "sources"):
        assert f"/api/{name}" in paths
    assert "/api/stories/{story_id}" in client.get("/docs").text


@pytest.mark.slow
def test_app_empty_database_shows_empty_states(empty_url: str):
    with httpx.Client(base_url=empty_url) as c:
        for path in PAGES:
            assert c.get(path).status_code == 200, path
        assert "No stories yet" in c.get("/").text
        assert c.get("/api/stories").json()["items"] == []


@pytest.mark.slow
def test_app_search_highlights_and_facets(client: httpx.Client):
    r = client.get("/search", params={"q": "drone"})
    assert "<mark>" in r.text.lower() or "No articles match" in r.text
    body = client.get("/api/search", params={"q": "drone"}).json()
    assert set(body["facets"]) == {"source", "language", "month", "person", "place"}
    if body["items"]:
        narrowed = client.get("/api/search", params={
            "q": "drone", "source": body["items"][0]["source"]}).json()["items"]
        assert narrowed and all(h["source"] == body["items"][0]["source"] for h in narrowed)


@pytest.mark.slow
def test_app_quotes_filter_by_speaker(client: httpx.Client):
    every = client.get("/api/quotes", params={"per_page": 500}).json()["items"]
    named = [q for q in every if q["speaker_name"]]
    if not named:
        pytest.skip("no attributed quotes in the test store")
    name = named[0]["speaker_name"]
    found = client.get("/api/quotes", params={"speaker": name}).json()["items"]
    assert found and all(q["speaker_name"] for q in found)


@pytest.mark.slow
def test_app_page_parameters_are_independent(client: httpx.Client):
    # Each filter reads its own parameter (a shared Query object once made them all read q).
    html = client.get("/search", params={"q": "Kherson"}).text
    assert 'name="source" value=""' in html and 'name="q" value="Kherson"' in html
    html = client.get("/quotes", params={"speaker": "Prokudin"}).text
    assert 'name="q" value=""' in html and 'name="speaker" value="Prokudin"' in html


@pytest.mark.slow
def test_app_every_api_endpoint_is_documented(client: httpx.Client):
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    for path in client.get("/openapi.json").json()["paths"]:
        assert f" {path}`" in doc, path


def test_app_articles_list_shows_each_language_with_its_search_filter(client) -> None:
    html = client.get("/articles").text
    assert "<th>Language</th>" in html
    codes = set(re.findall(r'href="/search\?language=([a-z]{2})">\1<', html))
    assert codes and all(len(c) == 2 for c in codes)
    code = sorted(codes)[0]
    found = client.get("/api/search", params={"q": "", "language": code}).json()
    assert found["items"] and all(h["language"] == code for h in found["items"])
