"""Briefs, alerts and Atom feeds on the site: API, pages, feeds read by feedparser, and the
pages in a real browser (screenshots for review under /work/notes/shots when it exists)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx
import pytest

from europenews.alerts.watch import AlertWatcher
from europenews.config import Settings
from europenews.store.alerts import save_rule
from europenews.store.engine import open_store
from europenews.store.stories import list_stories

NOTES_SHOTS = Path("/work/notes/shots")
RULES = [
    {"name": "Kherson strikes", "event": {"killed_at_least": 1, "place": "Kherson"}},
    # Another spelling than the articles': the rule matches the canonical entity.
    {"name": "Zelensky", "entity": "Zelensky"},
]


@pytest.fixture(scope="module")
def alerts_url(web_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The web store with two rules evaluated on every story, served."""
    from tests.web.conftest import LiveServer

    source = Path(web_db.removeprefix("sqlite:///"))
    path = tmp_path_factory.mktemp("alerts") / "alerts.db"
    shutil.copyfile(source, path)
    url = f"sqlite:///{path}"
    engine = open_store(url)
    with engine.begin() as conn:
        for rule in RULES:
            save_rule(conn, str(rule["name"]), json.dumps(rule), "config")
        watcher = AlertWatcher()
        for story in list_stories(conn, limit=1000):
            watcher(conn, story.id)
    engine.dispose()
    with LiveServer(Settings(db=url), admin_token="t0ken") as server:
        yield server.url


@pytest.fixture
def web(alerts_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=alerts_url, timeout=30) as c:
        yield c


def _kherson_story(web: httpx.Client) -> str:
    items = web.get("/api/stories", params={"per_page": 100}).json()["items"]
    return next(s["id"] for s in items if "Kherson" in (s["headline"] or "")
                and s["article_count"] >= 2)


def test_brief_api_of_a_multi_article_story(web: httpx.Client) -> None:
    story = _kherson_story(web)
    brief = web.get(f"/api/stories/{story}/brief").json()
    assert brief["story"] == story and brief["sources"]["articles"] >= 2
    assert len({o["outlet"] for o in brief["sources"]["outlets"]}) >= 2
    names = {s["name"] for s in brief["speakers"]}
    assert "Oleksandr Prokudin" in names and "Volodymyr Zelenskyy" in names
    for s in brief["speakers"]:
        if s["quote"]:
            # Every quote is text of the article it links to.
            article = web.get(f"/api/articles/{s['quote']['source']['article']}").json()
            assert s["quote"]["text"].rstrip(",.") in article["text"]
    assert brief["timeline"][0]["published"] <= brief["timeline"][-1]["published"]
    assert web.get("/api/stories/nope/brief").status_code == 404


def test_alerts_api_page_and_feed(web: httpx.Client) -> None:
    alerts = {a["name"]: a for a in web.get("/api/alerts").json()["items"]}
    assert {"Kherson strikes", "Zelensky"} <= set(alerts)
    kherson, = alerts["Kherson strikes"]["hits"]  # the three reports are one story: one hit
    assert kherson["articles"] >= 2 and kherson["fact"]["killed"]["value"] >= 3
    assert kherson["fact"]["place"] == "Kherson" and "killed" in kherson["fact_line"]
    zel = alerts["Zelensky"]
    assert zel["hits"] and all(h["fact"]["entity"]["name"] == "Zelensky" for h in zel["hits"])
    page = web.get("/alerts")
    assert page.status_code == 200 and "Kherson strikes" in page.text
    feed = feedparser.parse(web.get("/feeds/alerts/Zelensky.atom").text)
    assert not feed.bozo and feed.feed.title == "EuropeNews alert: Zelensky"
    assert len(feed.entries) == len(zel["hits"])
    for entry in feed.entries:
        assert entry.id.startswith("tag:") and entry.link.startswith("http")
        assert entry.updated_parsed is not None and entry.title
    assert web.get("/feeds/alerts/none.atom").status_code == 404


@pytest.mark.parametrize("path", ["/feeds/stories.atom", "/feeds/search.atom?q=Kherson",
                                  "/feeds/places/Kherson.atom"])
def test_feeds_of_lists_are_valid_atom(web: httpx.Client, path: str) -> None:
    response = web.get(path)
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.text)
    assert not feed.bozo and feed.entries
    assert all(e.link and e.id and e.updated_parsed for e in feed.entries)


def test_admin_adds_and_deletes_a_rule(web: httpx.Client) -> None:
    rule = {"name": "quake", "event": {"killed_at_least": 10}, "frequency": "daily"}
    assert web.post("/api/admin/alerts", json=rule).status_code == 401
    auth = {"Authorization": "Bearer t0ken"}
    bad = web.post("/api/admin/alerts", json={"name": "x"}, headers=auth)
    assert bad.status_code == 400 and "condition" in bad.json()["error"]
    assert web.post("/api/admin/alerts", json=rule, headers=auth).status_code == 201
    assert web.get("/api/alerts/quake").json()["rule"]["frequency"] == "daily"
    assert web.delete("/api/admin/alerts/quake", headers=auth).status_code == 200
    assert web.get("/api/alerts/quake").status_code == 404


@pytest.mark.browser
@pytest.mark.slow
def test_browser_brief_and_alerts_page(browser, alerts_url: str, shoot) -> None:
    context = browser.new_context(base_url=alerts_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        with httpx.Client(base_url=alerts_url) as web:
            story = _kherson_story(web)
        page.goto(f"/stories/{story}")
        brief = page.locator("section.brief")
        assert brief.locator(".brief-lead").count() == 1
        assert brief.locator(".brief-speakers > li").count() >= 2
        assert brief.locator("ol.brief-timeline li").count() >= 2
        assert brief.locator(".brief-figures li").count() >= 1
        shoot(page, "21-story-brief")
        page.goto("/alerts")
        assert page.locator("section.alert-rule").count() >= 2
        assert page.locator("ol.alert-hits li").count() >= 1
        shoot(page, "21-alerts")
        if NOTES_SHOTS.is_dir():
            for name in ("21-story-brief", "21-alerts"):
                src = Path(__file__).resolve().parents[1] / "screenshots" / f"{name}.png"
                shutil.copyfile(src, NOTES_SHOTS / f"issue21-{name[3:]}.png")
        assert errors == []
    finally:
        context.close()
