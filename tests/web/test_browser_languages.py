"""Issue 22's browser check: a Polish and a German report of the news an English article tells
join its story, and the story page shows its coverage by language.

Its own store, built by the real ingest code from the bundled sample article, the web tests'
English articles and our own three reports of one invented strike on Kharkiv (English, Polish,
German: tests/data/web/ukraine-xl.jsonl, sentences written for this test). Screenshots go to
tests/screenshots/ (git-ignored).
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from europenews.config import Settings
from tests.web.conftest import DATA, SEED, LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ENGLISH = "Missile strike cuts power in Kharkiv"
POLISH = "Atak rakietowy na elektrociepłownię w Charkowie"
GERMAN = "Raketenangriff auf Kraftwerk in Charkiw"


@pytest.fixture(scope="module")
def languages_url(nlp, tmp_path_factory) -> Iterator[str]:
    from europenews.stages.ingest import ingest_sources
    from europenews.stages.settings import IngestSettings
    from europenews.store.engine import open_store

    folder = tmp_path_factory.mktemp("xlstories")
    url = f"sqlite:///{folder / 'xl.db'}"
    engine = open_store(url)
    try:
        summary = ingest_sources(
            [str(SEED), str(DATA / "articles.jsonl"), str(DATA / "ukraine-xl.jsonl")],
            engine, nlp, IngestSettings())
    finally:
        engine.dispose()
    assert summary.analysed == 8, summary.failures
    with LiveServer(Settings(db=url)) as server:
        yield server.url


@pytest.fixture
def xl_page(browser, languages_url: str) -> Iterator[object]:
    context = browser.new_context(base_url=languages_url, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield pg
        assert errors == []
    finally:
        context.close()


def test_browser_polish_and_german_reports_join_the_english_story(xl_page, shoot,
                                                                   languages_url: str) -> None:
    page = xl_page
    page.goto("/")
    card = page.locator(".story-card h2 a", has_text=ENGLISH).first
    assert card.count() == 1
    card.click()
    page.wait_for_url("**/stories/**")
    timeline = page.locator("ol.timeline li")
    titles = timeline.all_inner_texts()
    assert any(ENGLISH in t for t in titles)
    # The reports in other languages are members of the English story, each marked with its
    # language.
    polish = timeline.filter(has_text=POLISH)
    german = timeline.filter(has_text=GERMAN)
    assert polish.count() == 1 and german.count() == 1
    assert polish.locator(".lang").text_content() == "pl"
    assert german.locator(".lang").text_content() == "de"
    coverage = page.locator(".coverage-languages")
    assert coverage.count() == 1
    counts = {
        el.get_attribute("data-language"): el.inner_text()
        for el in coverage.locator(".language-count").all()
    }
    assert counts.get("pl", "").startswith("Polish") and counts.get("de", "").startswith("German")
    assert counts.get("en", "").startswith("English")
    shoot(page, "22-s8-story-languages")
    # The API gives the same coverage (additive: "languages" and each article's "language").
    story_id = page.url.rstrip("/").split("/stories/")[-1]
    data = httpx.get(f"{languages_url}/api/stories/{story_id}", timeout=30).json()
    by_language = {c["language"]: c["articles"] for c in data["languages"]}
    assert by_language.get("pl") == 1 and by_language.get("de") == 1
    assert sum(by_language.values()) == len(data["articles"])
    assert {a["language"] for a in data["articles"]} >= {"en", "pl", "de"}


def test_browser_story_in_one_language_lists_that_language(xl_page) -> None:
    page = xl_page
    page.goto("/")
    page.locator(".story-card h2 a", has_text="Kherson").first.click()
    page.wait_for_url("**/stories/**")
    items = page.locator(".coverage-languages .language-count")
    assert items.count() == 1
    assert items.first.get_attribute("data-language") == "en"
    assert items.first.inner_text().startswith("English")


def test_browser_person_page_lists_the_spellings_of_each_language(xl_page, shoot,
                                                                 languages_url: str) -> None:
    # The Polish "Wołodymyr Zełenski" and the German "Wolodymyr Selenskyj" are the English
    # "Volodymyr Zelenskyy": one entry, whose page groups the spellings by article language.
    people = httpx.get(f"{languages_url}/api/entities", params={"q": "Zelenskyy"},
                       timeout=30).json()
    ids = [r["id"] for r in people["items"]
           if "Zelenskyy" in r["name"] and r["type"] == "person"]
    assert len(ids) == 1, people
    page = xl_page
    page.goto(f"/entities/{ids[0]}")
    groups = {dt.locator(".muted").inner_text().strip("()"): dd.inner_text()
              for dt, dd in zip(page.locator(".by-language dt").all(),
                                page.locator(".by-language dd").all(), strict=True)}
    assert {"en", "pl", "de"} <= set(groups), groups
    assert "Zełenski" in groups["pl"] and "Selenskyj" in groups["de"]
    assert "Zelenskyy" in groups["en"]
    shoot(page, "22-s8-person-languages")
