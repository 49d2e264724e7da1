"""Deterministic article identity: canonical URLs, content hashes and article ids.

The same URL (up to tracking parameters, fragments, host case, default ports) or the same
text (up to whitespace, case and Unicode form) gives the same keys, so re-runs store nothing
twice.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from europenews.model import Article

# Query parameters that track the reader, not the article.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid"
                       r"|ns_\w+|at_\w+|__twitter_impression|smid|ref_src|rss|track)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """``HTTPS://Example.com:443/a/?utm_source=x&b=2#top`` → ``https://example.com/a/?b=2``."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: keep the URL recognisable, drop the port
        port = None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def normalise_text(text: str) -> str:
    """Text reduced to what makes two copies the same article."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


# Under this many characters (about a hundred words) a text alone does not make two pages one
# article: scraped pages whose body is only a site notice ("Sign up for our newsletter…") share
# it word for word while their titles tell different stories. There the title is part of the
# text's identity; a longer text shared by two pages is a copy whatever its headline says.
THIN_TEXT_CHARS = 600


def content_hash(text: str, title: str | None = None) -> str:
    """The hash of what makes two copies one article: the normalised text, with the
    normalised title when the text is too thin to say so alone."""
    body = normalise_text(text)
    heading = normalise_text(title or "")
    if heading and len(body) < THIN_TEXT_CHARS:
        return _digest(f"{body}\n\x00{heading}")
    return _digest(body)


def url_key(url: str) -> str:
    return _digest(canonical_url(url))


@dataclass(frozen=True, slots=True)
class ArticleKeys:
    """What the store deduplicates on."""

    id: str  # public article id: "a" + 20 hex digits
    # The URL as the source gave it: exports and pages link to what the user ingested (a
    # store that printed "host/a" for "host:80/a" lost the link between the two); its
    # canonical form (:func:`canonical_url`) is only the key.
    url: str | None
    url_key: str | None
    content_hash: str
    # A thin text's hash without its title, as stores kept it before titles counted: the same
    # article is recognised there when the stored title agrees.
    text_only_hash: str | None = None


def article_keys(article: Article) -> ArticleKeys:
    """Keys from the canonical URL when there is one, else from the normalised text."""
    text_hash = content_hash(article.text, article.title)
    plain = content_hash(article.text)
    legacy = plain if plain != text_hash else None
    url = (article.url or "").strip()
    if url.lower().startswith(("http://", "https://")):
        ukey = _digest(canonical_url(url))
        return ArticleKeys("a" + ukey[:20], url, ukey, text_hash, legacy)
    return ArticleKeys("a" + text_hash[:20], None, None, text_hash, legacy)
