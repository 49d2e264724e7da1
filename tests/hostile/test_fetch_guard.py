"""Issue 23, item 4 and 5: the fetcher connects only where the guard approved (no DNS
rebinding, IPv6 forms judged by the IPv4 address they carry, every redirect hop checked), and
no server holds a fetch past its deadline or past a stop."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from europenews.errors import FetchError
from europenews.ingest.addresses import embedded_ipv4, refusal
from europenews.ingest.fetch import Fetcher, FetchSettings, check_url
from tests.hostile.servers import SLOW_HEADERS, make_certificates, tls_site, trickling
from tests.ingest.ingest_site import Site, page


class Rebinding:
    """A resolver that answers ``first`` once, then ``later`` (a DNS rebinding server)."""

    def __init__(self, first: str, later: str) -> None:
        self.first, self.later = first, later
        self.calls = 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return [self.first if self.calls == 1 else self.later]


def test_issue_23_rebinding_name_is_connected_to_the_approved_address_only(
        site: Site, fetch_settings: FetchSettings) -> None:
    site.add("/article.html", page("Harbour", "The harbour reopened."))
    port = site.url("").rsplit(":", 1)[1]
    # Approved as 127.0.0.1 (allowed here); a second lookup would say 10.0.0.9.
    resolver = Rebinding("127.0.0.1", "10.0.0.9")
    with Fetcher(replace(fetch_settings, allow_hosts=("127.0.0.1",)),
                 resolver=resolver) as fetcher:
        result = fetcher.fetch(f"http://news.test:{port}/article.html")
    assert b"harbour reopened" in result.body
    assert resolver.calls == 1  # looked up once, then that address was used
    assert site.seen_headers["/article.html"]["host"] == f"news.test:{port}"


def test_issue_23_rebinding_to_loopback_never_reaches_the_loopback_server(
        site: Site, fetch_settings: FetchSettings) -> None:
    site.add("/secret", page("Secret", "Internal data."))
    port = site.url("").rsplit(":", 1)[1]
    # A public answer first, loopback after: the connection must go to the public address
    # (unreachable here), never to the loopback server the second answer names.
    resolver = Rebinding("192.0.0.9", "127.0.0.1")  # 192.0.0.9/32 is a global address
    settings = replace(fetch_settings, allow_hosts=(), timeout=1.0, respect_robots=False)
    with Fetcher(settings, resolver=resolver) as fetcher, pytest.raises(FetchError):
        fetcher.fetch(f"http://rebind.test:{port}/secret")
    assert site.hits.get("/secret") is None


def test_issue_23_redirect_to_a_rebinding_name_is_checked_on_its_hop(
        site: Site, fetch_settings: FetchSettings) -> None:
    port = site.url("").rsplit(":", 1)[1]
    site.add("/jump", status=302, Location=f"http://inner.test:{port}/admin")
    site.add("/admin", page("Admin", "Internal data."))

    def resolver(host: str, port: int) -> list[str]:
        return ["10.1.2.3"] if host == "inner.test" else ["127.0.0.1"]

    settings = replace(fetch_settings, allow_hosts=("127.0.0.1",), respect_robots=False)
    with Fetcher(settings, resolver=resolver) as fetcher, \
            pytest.raises(FetchError, match=r"non-public address 10\.1\.2\.3"):
        fetcher.fetch(site.url("/jump"))
    assert site.hits.get("/admin") is None


@pytest.mark.parametrize("address", [
    "::127.0.0.1", "::ffff:0:127.0.0.1", "::ffff:127.0.0.1", "64:ff9b::7f00:1",
    "64:ff9b::a00:1", "2002:7f00:1::1", "2002:c0a8:101::1", "fec0::1", "64:ff9b:1::7f00:1",
    "::1", "fe80::1", "fc00::1", "ff0e::1", "2001:db8::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "100.64.0.1", "169.254.169.254", "0.0.0.0", "224.0.0.1",
], ids=["compatible", "translated", "mapped", "nat64-loopback", "nat64-private",
        "6to4-loopback", "6to4-private", "site-local", "nat64-local-use", "loopback",
        "link-local", "unique-local", "multicast", "documentation", "teredo", "shared-cgnat",
        "metadata", "unspecified", "ipv4-multicast"])
def test_issue_23_guard_judges_an_address_by_what_it_reaches(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is not None
    with pytest.raises(FetchError, match="non-public"):
        check_url("http://evil.test/", FetchSettings(), resolver=lambda h, p: [address])


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111", "64:ff9b::5db8:d822",
                                     "2002:5db8:d822::1"],
                         ids=["ipv4", "ipv6", "nat64-public", "6to4-public"])
def test_issue_23_guard_lets_public_addresses_through(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None
    target = check_url("https://news.test/a", FetchSettings(), resolver=lambda h, p: [address])
    assert (target.host, target.port, target.address) == ("news.test", 443, address)


def test_issue_23_embedded_ipv4_forms() -> None:
    assert str(embedded_ipv4(ipaddress.IPv6Address("64:ff9b::7f00:1"))) == "127.0.0.1"
    assert str(embedded_ipv4(ipaddress.IPv6Address("2002:7f00:1::"))) == "127.0.0.1"
    assert embedded_ipv4(ipaddress.IPv6Address("::1")) is None
    assert embedded_ipv4(ipaddress.IPv6Address("2606:4700::1111")) is None


def test_issue_23_one_private_answer_among_public_ones_is_refused() -> None:
    with pytest.raises(FetchError, match="non-public"):
        check_url("http://mixed.test/", FetchSettings(),
                  resolver=lambda h, p: ["93.184.216.34", "127.0.0.1"])


def test_issue_23_slow_resolver_is_given_up() -> None:
    def stuck(host: str, port: int) -> list[str]:
        time.sleep(5)
        return ["93.184.216.34"]

    began = time.monotonic()
    with pytest.raises(FetchError, match="cannot resolve"):
        check_url("http://slow-dns.test/", FetchSettings(timeout=0.5), resolver=stuck)
    assert time.monotonic() - began < 2


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    try:
        return make_certificates(tmp_path_factory.mktemp("tls"), "news.test")
    except FileNotFoundError:
        pytest.skip("openssl is not installed")


def test_issue_23_tls_keeps_the_host_name_for_sni_and_certificate(
        certificates: tuple[Path, Path, Path]) -> None:
    ca, cert, key = certificates
    body = page("Ceasefire", "Talks resumed in the capital.").encode()
    settings = FetchSettings(allow_hosts=("127.0.0.1",), delay=0.0, timeout=3.0,
                             respect_robots=False, ca_file=str(ca))
    with tls_site(cert, key, body) as site, \
            Fetcher(settings, resolver=lambda h, p: ["127.0.0.1"]) as fetcher:
        result = fetcher.fetch(f"https://news.test:{site.port}/a")
    assert b"Talks resumed" in result.body
    assert site.seen_sni == ["news.test"]  # SNI names the host, not the address
    assert site.seen_hosts == [f"news.test:{site.port}"]


def test_issue_23_tls_certificate_for_another_name_is_refused(
        certificates: tuple[Path, Path, Path]) -> None:
    ca, cert, key = certificates
    settings = FetchSettings(allow_hosts=("127.0.0.1",), delay=0.0, timeout=3.0,
                             respect_robots=False, ca_file=str(ca))
    with tls_site(cert, key, b"<p>x</p>") as site, \
            Fetcher(settings, resolver=lambda h, p: ["127.0.0.1"]) as fetcher, \
            pytest.raises(FetchError, match="TLS: CERTIFICATE_VERIFY_FAILED"):
        fetcher.fetch(f"https://other.test:{site.port}/a")


@pytest.fixture
def slow_headers() -> Iterator:
    with trickling(SLOW_HEADERS, interval=0.05) as server:
        yield server


def test_issue_23_headers_trickled_a_byte_at_a_time_hit_the_deadline(slow_headers) -> None:
    # Each byte comes well within the read timeout: only a total deadline ends this.
    settings = FetchSettings(allow_private=True, delay=0.0, timeout=1.0, deadline=1.5,
                             respect_robots=False)
    began = time.monotonic()
    with Fetcher(settings) as fetcher, pytest.raises(FetchError, match="too slow"):
        fetcher.fetch(slow_headers.url, accept=None)
    assert time.monotonic() - began < 3


def test_issue_23_stop_cancels_a_fetch_in_flight(slow_headers) -> None:
    settings = FetchSettings(allow_private=True, delay=0.0, timeout=30.0, respect_robots=False)
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    began = time.monotonic()
    with Fetcher(settings, stop=stop) as fetcher, pytest.raises(FetchError, match="stopped"):
        fetcher.fetch(slow_headers.url, accept=None)
    assert time.monotonic() - began < 2
