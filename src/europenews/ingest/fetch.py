"""HTTP fetching with limits: a total deadline, a size cap, redirects checked hop by hop,
content types, conditional GET, robots.txt, a per-host politeness delay and a private-address
guard.

Only ``http``/``https`` URLs are fetched, and never loopback, private, link-local or otherwise
non-public addresses (``ingest.addresses`` judges them, IPv6 forms carrying an IPv4 address by
the address they carry) unless :class:`FetchSettings` allows them (``allow_private`` or a host
in ``allow_hosts``): a server running EuropeNews must not become a way into its own network.
Each hop of a request resolves its host once, and the connection goes to that approved
address and no other (``ingest.transport``), keeping the host name for the ``Host`` header,
TLS SNI and certificate checks; a redirect is a new hop, checked again.

Every request has a total deadline (connect, headers and body together; a server that
trickles bytes cannot hold a fetch longer) and ends promptly when its fetcher's ``stop`` event
is set. Proxies from the environment are not used: they would connect on our behalf to
addresses the guard never saw.
"""

from __future__ import annotations

import os
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from europenews import __version__
from europenews.errors import ConfigError, FetchError
from europenews.ingest.addresses import (
    Resolver,
    parse_address,
    refusal,
    resolve,
    system_resolver,
)
from europenews.ingest.transport import PinnedBackend, PinnedTransport, Plan

USER_AGENT = f"EuropeNews/{__version__} (+https://github.com/europenews/europenews)"
MAX_BYTES = 10 * 1024 * 1024

PAGE_TYPES = ("html", "xml", "text/plain", "json")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
FEED_TYPES = ("xml", "rss", "atom", "rdf", "html", "text/plain", "opml")


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits and manners for every HTTP request EuropeNews makes."""

    timeout: float = 20.0  # seconds per connect/read (and name lookup)
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_private: bool = False  # allow loopback/private/link-local targets (tests, intranets)
    allow_hosts: tuple[str, ...] = ()  # host names or IPs allowed even if private
    respect_robots: bool = True
    delay: float = 1.0  # seconds between two requests to the same host
    deadline: float | None = None  # seconds for a whole request, redirects included (3x timeout)
    ca_file: str | None = None  # certificates to trust instead of the system's (a private CA)

    @property
    def total(self) -> float:
        """Seconds a whole request may take (connect, headers, body, every redirect)."""
        return self.deadline if self.deadline is not None else 3 * self.timeout

    @classmethod
    def from_env(cls, **overrides: object) -> FetchSettings:
        """Defaults, with EUROPENEWS_ALLOW_PRIVATE=1 and EUROPENEWS_ALLOW_HOSTS=a,b honoured."""
        values: dict[str, object] = {}
        if os.environ.get("EUROPENEWS_ALLOW_PRIVATE", "").lower() in ("1", "true", "yes"):
            values["allow_private"] = True
        if hosts := os.environ.get("EUROPENEWS_ALLOW_HOSTS"):
            values["allow_hosts"] = tuple(h.strip().lower() for h in hosts.split(",") if h.strip())
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response: ``status`` 304 means not modified (empty body)."""

    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """Where one hop of a request may connect: the URL's host and port, and the address
    approved for them."""

    host: str  # IDNA-encoded, lower case, as the connection sees it
    port: int
    address: str


def check_url(url: str, settings: FetchSettings, resolver: Resolver | None = None,
              timeout: float | None = None) -> Target:
    """The approved target of ``url``: other schemes are refused, and (unless allowed) hosts
    that resolve to any non-public address. The name is resolved here, once."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs are fetched", url=url)
    try:
        parsed = httpx.URL(url)
        host = parsed.raw_host.decode("ascii").lower()
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
    except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
        raise FetchError(f"{url}: not a valid URL", url=url) from exc
    if not host:
        raise FetchError(f"{url}: no host in URL", url=url)
    limit = settings.timeout if timeout is None else max(0.0, timeout)
    try:
        found = resolve(host, port, limit, resolver or system_resolver)
    except OSError as exc:
        raise FetchError(f"{url}: cannot resolve host {host!r}", url=url) from exc
    addresses = [parse_address(a) for a in found]
    if not (settings.allow_private or host in settings.allow_hosts):
        for address in addresses:
            if str(address) in settings.allow_hosts:
                continue
            if (reason := refusal(address)) is not None:
                raise FetchError(
                    f"{url}: refusing to fetch from non-public address {address} ({reason}; "
                    "allow it with allow_private / EUROPENEWS_ALLOW_PRIVATE=1)", url=url)
    return Target(host, port, str(addresses[0]))


@dataclass
class Fetcher:
    """One HTTP client with its robots.txt cache and per-host clocks (not shared globally).

    ``stop`` ends requests in flight (within a fraction of a second) and the waits between
    them; ``resolver`` looks names up (the system's by default)."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    stop: threading.Event = field(default_factory=threading.Event)
    resolver: Resolver | None = None
    _client: httpx.Client | None = None
    _backend: PinnedBackend = field(default_factory=PinnedBackend)
    _robots: dict[str, Protego | None] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            t = self.settings.timeout
            try:
                tls = ssl.create_default_context(cafile=self.settings.ca_file)
            except (OSError, ssl.SSLError) as exc:
                raise ConfigError(f"{self.settings.ca_file}: cannot read certificates "
                                  f"({exc})") from exc
            self._client = httpx.Client(
                transport=PinnedTransport(self._backend, tls),
                timeout=httpx.Timeout(t, connect=min(t, 10.0)),
                follow_redirects=False,  # we follow them ourselves, checking every hop
                headers={"User-Agent": self.settings.user_agent},
                trust_env=False,  # no proxies: the connection must go where the guard said
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_politely(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            pause = self.settings.delay - (time.monotonic() - last)
            if pause > 0:
                self.stop.wait(pause)
        self._last_request[host] = time.monotonic()

    def _approve(self, url: str, deadline: float) -> Target:
        if self.stop.is_set():
            raise FetchError(f"{url}: stopped", url=url)
        left = min(self.settings.timeout, deadline - time.monotonic())
        return check_url(url, self.settings, self.resolver, left)

    def allowed_by_robots(self, url: str, target: Target | None = None) -> bool:
        """What the site's robots.txt says for our user agent (no robots.txt: allowed)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            try:
                res = self._get(urljoin(origin, "/robots.txt"), None, None, None, 512 * 1024,
                                target)
                text = res.body.decode("utf-8", "replace") if res.status == 200 else ""
                self._robots[origin] = Protego.parse(text) if text else None
            except FetchError:
                if self.stop.is_set():
                    raise
                self._robots[origin] = None  # unreachable robots.txt: treat as none
        rules = self._robots[origin]
        return rules is None or bool(rules.can_fetch(url, self.settings.user_agent))

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: tuple[str, ...] | None = PAGE_TYPES,
    ) -> FetchResult:
        """GET ``url`` within the limits; 304 when the validators still hold."""
        target = self._approve(url, time.monotonic() + self.settings.total)
        if self.settings.respect_robots and not self.allowed_by_robots(url, target):
            raise FetchError(f"{url}: disallowed by robots.txt", url=url)
        return self._get(url, etag, last_modified, accept, self.settings.max_bytes, target)

    def _get(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        accept: tuple[str, ...] | None,
        max_bytes: int,
        first: Target | None = None,
    ) -> FetchResult:
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.settings.total
        current = url
        for hop in range(self.settings.max_redirects + 1):
            target = first if hop == 0 and first is not None else None
            if target is None or (target.host, target.port) != _origin(current):
                target = self._approve(current, deadline)
            self._wait_politely(urlsplit(current).netloc.lower())
            result = self._get_once(current, target, headers, max_bytes, deadline)
            if isinstance(result, str):  # a redirect: the next location
                current = result
                continue
            if result.status >= 400:
                raise FetchError(f"{url}: HTTP {result.status}", url=url)
            ctype = result.content_type.split(";")[0].strip().lower()
            if result.status == 200 and accept is not None and ctype and not any(
                a in ctype for a in accept
            ):
                raise FetchError(f"{url}: unsupported content type {ctype!r}", url=url)
            return result
        raise FetchError(
            f"{url}: too many redirects (more than {self.settings.max_redirects})", url=url
        )

    def _get_once(self, url: str, target: Target, headers: dict[str, str], max_bytes: int,
                  deadline: float) -> FetchResult | str:
        plan = Plan(target.host, target.port, target.address, deadline, self.stop)
        try:
            with self._backend.planned(plan), \
                    self.client.stream("GET", url, headers=headers) as response:
                location: str | None = response.headers.get("location")
                if response.status_code in _REDIRECTS and location:
                    return urljoin(url, location)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(
                        f"{url}: body too large ({int(declared):,} bytes; limit {max_bytes:,})",
                        url=url,
                    )
                chunks: list[bytes] = []
                size = 0
                if response.status_code < 300:
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(
                                f"{url}: body too large (over {max_bytes:,} bytes)", url=url
                            )
                        chunks.append(chunk)
                return FetchResult(
                    url=url,
                    status=response.status_code,
                    body=b"".join(chunks),
                    content_type=response.headers.get("content-type", ""),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
        except httpx.TimeoutException as exc:
            if self.stop.is_set():
                raise FetchError(f"{url}: stopped", url=url) from exc
            if time.monotonic() >= deadline:
                raise FetchError(f"{url}: too slow (no complete answer within "
                                 f"{self.settings.total:g} s)", url=url) from exc
            raise FetchError(f"{url}: timed out ({type(exc).__name__})", url=url) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}", url=url) from exc


def _origin(url: str) -> tuple[str, int]:
    """(host, port) of ``url`` as :func:`check_url` names them."""
    try:
        parsed = httpx.URL(url)
        return (parsed.raw_host.decode("ascii").lower(),
                parsed.port or (443 if parsed.scheme == "https" else 80))
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return ("", 0)


def fetch_bytes(
    url: str, timeout: float = 20.0, settings: FetchSettings | None = None
) -> tuple[bytes, str]:
    """The body and content type at ``url`` (one-off fetch, e.g. ``analyze URL``).

    A URL a person typed is fetched like a browser would (no robots.txt, no delay), but
    still with the size, redirect and address limits.
    """
    settings = settings or FetchSettings.from_env(timeout=timeout, respect_robots=False, delay=0.0)
    with Fetcher(settings) as fetcher:
        result = fetcher.fetch(url, accept=None)
    return result.body, result.content_type
