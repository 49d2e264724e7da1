"""HTTP fetching (minimal; hardened by the ingestion work: limits, robots, private-address guard)."""

from __future__ import annotations

import httpx

from europenews import __version__
from europenews.errors import FetchError

USER_AGENT = f"EuropeNews/{__version__} (+https://github.com/europenews/europenews)"
MAX_BYTES = 10 * 1024 * 1024


def fetch_bytes(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """The body and content type at ``url``."""
    try:
        with httpx.Client(
            timeout=timeout, follow_redirects=True, max_redirects=5,
            headers={"User-Agent": USER_AGENT},
        ) as client:
            response = client.get(url)
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}", url=url) from exc
    if response.status_code >= 400:
        raise FetchError(f"{url}: HTTP {response.status_code}", url=url)
    if len(response.content) > MAX_BYTES:
        raise FetchError(f"{url}: body too large", url=url)
    return response.content, response.headers.get("content-type", "")
