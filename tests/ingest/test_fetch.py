from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from europenews.errors import FetchError
from europenews.ingest.fetch import Fetcher, FetchSettings, check_url
from tests.ingest.ingest_site import Site, page


def _fetch(settings: FetchSettings, url: str, **kw: object):
    with Fetcher(settings) as fetcher:
        return fetcher.fetch(url, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/", "http://10.1.2.3/", "http://192.168.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/",
    "http://[::ffff:127.0.0.1]/", "http://2130706433/",
], ids=["loopback", "localhost", "private-10", "private-192", "link-local", "ipv6-loopback",
        "unspecified", "ipv4-mapped", "decimal-ip"])
def test_fetch_refuses_non_public_addresses_by_default(url: str) -> None:
    with pytest.raises(FetchError, match="non-public"):
        check_url(url, FetchSettings())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_fetch_refuses_other_schemes(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        check_url(url, FetchSettings(allow_private=True))


def test_fetch_refuses_loopback_server_unless_allowed(site: Site,
                                                      fetch_settings: FetchSettings) -> None:
    url = site.add("/a.html", page("A", "Text."))
    with pytest.raises(FetchError, match="non-public"):
        _fetch(replace(fetch_settings, allow_hosts=()), url)
    assert site.hits.get("/a.html") is None  # refused before any request was sent
    assert _fetch(fetch_settings, url).status == 200


def test_fetch_redirect_to_private_address_is_refused(site: Site,
                                                      fetch_settings: FetchSettings) -> None:
    url = site.add("/jump", status=302, Location="http://10.0.0.7/admin")
    with pytest.raises(FetchError, match=r"non-public address 10\.0\.0\.7"):
        _fetch(fetch_settings, url)


def test_fetch_redirect_loop_is_reported(site: Site, fetch_settings: FetchSettings) -> None:
    site.add("/loop1", status=302, Location="/loop2")
    site.add("/loop2", status=302, Location="/loop1")
    with pytest.raises(FetchError, match="too many redirects"):
        _fetch(fetch_settings, site.url("/loop1"))


def test_fetch_follows_a_short_redirect(site: Site, fetch_settings: FetchSettings) -> None:
    site.add("/old", status=301, Location="/new")
    site.add("/new", page("New", "Moved here."))
    result = _fetch(fetch_settings, site.url("/old"))
    assert result.url.endswith("/new") and b"Moved here" in result.body


def test_fetch_huge_streamed_body_is_cut_off(site: Site, fetch_settings: FetchSettings) -> None:
    def fifty_mb() -> Iterator[bytes]:
        chunk = b"x" * (1024 * 1024)
        for _ in range(50):
            yield chunk

    site.add("/big", fifty_mb)
    with pytest.raises(FetchError, match="body too large"):
        _fetch(fetch_settings, site.url("/big"))


def test_fetch_declared_huge_body_is_refused(site: Site, fetch_settings: FetchSettings) -> None:
    site.add("/big", lambda: iter([b"x"]), Content_Length=str(50 * 1024 * 1024))
    with pytest.raises(FetchError, match="body too large"):
        _fetch(fetch_settings, site.url("/big"))


def test_fetch_slow_server_times_out(site: Site, fetch_settings: FetchSettings) -> None:
    site.add("/slow", page("Slow", "Late."))
    site.routes["/slow"].delay = 3.0
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        _fetch(replace(fetch_settings, timeout=0.5), site.url("/slow"))
    assert time.monotonic() - start < 2.5


def test_fetch_unexpected_content_type_is_refused(site: Site,
                                                  fetch_settings: FetchSettings) -> None:
    site.add("/img", b"\x89PNG....", content_type="image/png")
    with pytest.raises(FetchError, match="unsupported content type 'image/png'"):
        _fetch(fetch_settings, site.url("/img"))


def test_fetch_conditional_get_returns_304(site: Site, fetch_settings: FetchSettings) -> None:
    site.add("/feed.xml", "<rss/>", content_type="application/rss+xml", ETag='"v1"')
    first = _fetch(fetch_settings, site.url("/feed.xml"))
    second = _fetch(fetch_settings, site.url("/feed.xml"), etag=first.etag)
    assert (first.status, second.status) == (200, 304)


def test_fetch_sends_user_agent_and_respects_robots(site: Site,
                                                   fetch_settings: FetchSettings) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/private/x.html", page("Secret", "No."))
    site.add("/public.html", page("Open", "Yes."))
    _fetch(fetch_settings, site.url("/public.html"))
    assert site.seen_headers["/public.html"]["user-agent"].startswith("EuropeNews/")
    with pytest.raises(FetchError, match=r"robots\.txt"):
        _fetch(fetch_settings, site.url("/private/x.html"))
    assert "/private/x.html" not in site.hits


def test_fetch_waits_between_requests_to_one_host(site: Site,
                                                  fetch_settings: FetchSettings) -> None:
    url = site.add("/a.html", page("A", "Text."))
    start = time.monotonic()
    with Fetcher(replace(fetch_settings, delay=0.3, respect_robots=False)) as fetcher:
        fetcher.fetch(url)
        fetcher.fetch(url)
    assert time.monotonic() - start >= 0.3
