"""Search on the site and the API: a name in another spelling, a count, newest first (#24)."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.slow


def test_api_search_counts_and_widens_names(client: httpx.Client):
    exact = client.get("/api/search", params={"q": "Zelenskyy"}).json()
    other = client.get("/api/search", params={"q": "Zelensky"}).json()
    assert exact["total"] >= 2 and exact["total_exact"] is True
    # Nobody in the store writes "Zelensky": it finds the articles through the known spelling.
    assert other["total"] == exact["total"]
    assert {h["id"] for h in other["items"]} == {h["id"] for h in exact["items"]}
    assert other["spellings"] == {"Zelensky": ["Zelenskyy"]}


def test_api_search_sort_by_date(client: httpx.Client):
    body = client.get("/api/search", params={"q": "Zelenskyy", "sort": "date"}).json()
    dates = [h["published"] for h in body["items"] if h["published"]]
    assert body["sort"] == "date" and dates == sorted(dates, reverse=True)
    bad = client.get("/api/search", params={"q": "x", "sort": "alphabet"})
    assert bad.status_code == 400


def test_search_page_shows_count_spellings_and_sort_links(client: httpx.Client):
    html = client.get("/search", params={"q": "Zelensky"}).text
    assert "articles</strong> match" in html
    assert "also searched:\nZelenskyy for Zelensky" in html
    assert "<strong>best first</strong>" in html and "sort=date" in html
    newest = client.get("/search", params={"q": "Zelensky", "sort": "date"}).text
    assert "<strong>newest first</strong>" in newest
    assert '<input type="hidden" name="sort" value="date">' in newest
