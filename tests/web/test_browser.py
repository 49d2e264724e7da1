"""The site in a real browser (Debian's Chromium through Playwright), on a store built by the
real ingest code. Screenshots go to tests/screenshots/ (git-ignored)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {
    "front": "/", "map": "/places", "quotes": "/quotes", "search": "/search?q=Kherson",
    "people": "/entities?type=person", "articles": "/articles", "sources": "/sources",
    "docs": "/docs", "place": "/places/Kherson",
}


def _clean(pg) -> None:
    assert pg.errors == [], pg.errors
    assert pg.outside == [], f"requests left the site: {pg.outside}"


def test_browser_click_through_story_person_quote_article(page, shoot):
    page.goto("/")
    shoot(page, "01-front")
    story = page.locator(".story-card h2 a", has_text="Kherson").first
    assert story.count() == 1
    story.click()
    page.wait_for_url("**/stories/**")
    assert page.locator("ol.timeline li").count() >= 1
    assert page.locator("h2", has_text="Who said what").count() == 1
    shoot(page, "02-story")
    speaker = page.locator(".speaker-group h3 a").first
    name = speaker.inner_text()
    speaker.click()
    page.wait_for_url("**/entities/**")
    assert name in page.locator("h1").inner_text()
    assert page.locator("svg.chart rect").count() >= 1  # mentions over time
    shoot(page, "03-person")
    quote = page.locator(".quote-card").first
    assert quote.count() == 1
    quote.locator("a.quote-source").click()
    page.wait_for_url("**/articles/**")
    assert page.locator(".article-text").count() == 1
    assert page.locator(".article-text a.ent").count() >= 1  # entities link to their pages
    assert page.locator(".article-text mark").count() >= 1  # quotes / events highlighted
    shoot(page, "04-article")
    page.locator(".article-text a.ent").first.click()
    page.wait_for_url("**/entities/**")
    _clean(page)


@pytest.mark.parametrize("name", list(PAGES))
def test_browser_page_renders_with_local_assets_only(page, shoot, name):
    response = page.goto(PAGES[name])
    assert response is not None and response.status == 200
    assert page.locator("h1").count() == 1
    shoot(page, f"page-{name}")
    _clean(page)


@pytest.mark.parametrize("path", ["/", "/places", "/quotes"])
def test_browser_phone_layout_does_not_overflow(browser, live_url, shoot, path):
    context = browser.new_context(base_url=live_url, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    pg = context.new_page()
    try:
        pg.goto(path)
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        shoot(pg, f"phone{path.replace('/', '-') or '-front'}")
        assert overflow <= 1
    finally:
        context.close()


def test_browser_map_shows_outlines_and_markers(page, shoot):
    loaded = []
    page.on("response", lambda r: loaded.append((r.url, r.status))
            if r.url.endswith("/world.svg") else None)
    page.goto("/places")
    page.wait_for_load_state("networkidle")
    assert any(status == 200 for _, status in loaded), loaded
    box = page.locator("figure.map svg").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 150
    assert page.locator("figure.map circle").count() >= 1
    shoot(page, "map")
    _clean(page)


def test_browser_stored_payloads_do_not_run(page, live_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ["/", "/articles", "/sources", "/search?q=Harmless", "/quotes"]:
        page.goto(path)
    page.goto("/search?q=Harmless")
    link = page.locator(".hit h2 a").first
    assert link.count() == 1
    link.click()
    page.wait_for_url("**/articles/**")
    flags = page.evaluate("Object.keys(window).filter(k => k.startsWith('__xss'))")
    assert flags == [] and dialogs == []
    assert "<script>window.__xss_title=1</script>" in page.locator("h1").inner_text()
    # The javascript: URL of the article is shown as text, never as a link.
    assert page.locator("a[href^='javascript']").count() == 0
    page.locator(".article-text").click()
    assert page.evaluate("Object.keys(window).filter(k => k.startsWith('__xss'))") == []
