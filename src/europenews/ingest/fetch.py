"""HTTP fetching with limits: timeouts, a size cap, redirects checked hop by hop, content types,
conditional GET, robots.txt, a per-host politeness delay and a private-address guard.

Only ``http``/``https`` URLs are fetched, and never loopback, private, link-local or otherwise
reserved addresses unless :class:`FetchSettings` allows them (``allow_private`` or a host in
``allow_hosts``): a server running EuropeNews must not become a way into its own network.
Every hop of a redirect is checked again. (The check resolves the name before connecting; a
DNS server that answers differently a moment later could still slip past it, so deployments
that need a hard guarantee should also restrict outgoing traffic at the network level.)
"""

from __future__ import annotations

import ipaddress
import os
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from europenews import __version__
from europenews.errors import FetchError

USER_AGENT = f"EuropeNews/{__version__} (+https://github.com/europenews/europenews)"
MAX_BYTES = 10 * 1024 * 1024

PAGE_TYPES = ("html", "xml", "text/plain", "json")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
FEED_TYPES = ("xml", "rss", "atom", "rdf", "html", "text/plain", "opml")


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits and manners for every HTTP request EuropeNews makes."""

    timeout: float = 20.0  # seconds per connect/read, and 3x for a whole body
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_private: bool = False  # allow loopback/private/link-local targets (tests, intranets)
    allow_hosts: tuple[str, ...] = ()  # host names or IPs allowed even if private
    respect_robots: bool = True
    delay: float = 1.0  # seconds between two requests to the same host

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


def check_url(url: str, settings: FetchSettings) -> None:
    """Refuse other schemes and (unless allowed) hosts that resolve to non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs are fetched", url=url)
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchError(f"{url}: no host in URL", url=url)
    if settings.allow_private or host in settings.allow_hosts:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(f"{url}: cannot resolve host {host!r}", url=url) from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
        if str(address) in settings.allow_hosts:
            continue
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"{url}: refusing to fetch from non-public address {address} "
                "(allow it with allow_private / EUROPENEWS_ALLOW_PRIVATE=1)",
                url=url,
            )


@dataclass
class Fetcher:
    """One HTTP client with its robots.txt cache and per-host clocks (not shared globally)."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    _client: httpx.Client | None = None
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
            self._client = httpx.Client(
                timeout=httpx.Timeout(t, connect=min(t, 10.0)),
                follow_redirects=False,  # we follow them ourselves, checking every hop
                headers={"User-Agent": self.settings.user_agent},
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
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def allowed_by_robots(self, url: str) -> bool:
        """What the site's robots.txt says for our user agent (no robots.txt: allowed)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            try:
                res = self._get(urljoin(origin, "/robots.txt"), None, None, None, 512 * 1024)
                text = res.body.decode("utf-8", "replace") if res.status == 200 else ""
                self._robots[origin] = Protego.parse(text) if text else None
            except FetchError:
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
        check_url(url, self.settings)
        if self.settings.respect_robots and not self.allowed_by_robots(url):
            raise FetchError(f"{url}: disallowed by robots.txt", url=url)
        return self._get(url, etag, last_modified, accept, self.settings.max_bytes)

    def _get(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        accept: tuple[str, ...] | None,
        max_bytes: int,
    ) -> FetchResult:
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            check_url(current, self.settings)
            self._wait_politely(urlsplit(current).netloc.lower())
            result = self._get_once(current, headers, max_bytes)
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

    def _get_once(self, url: str, headers: dict[str, str], max_bytes: int) -> FetchResult | str:
        deadline = time.monotonic() + 3 * self.settings.timeout
        try:
            with self.client.stream("GET", url, headers=headers) as response:
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
                        # A server trickling bytes never trips the read timeout: cap the total.
                        if time.monotonic() > deadline:
                            raise FetchError(f"{url}: too slow (body not read in time)", url=url)
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
            raise FetchError(f"{url}: timed out ({type(exc).__name__})", url=url) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}", url=url) from exc


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
