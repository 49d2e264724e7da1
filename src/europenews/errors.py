"""The one error family that reaches the user as one line.

::

    EuropeNewsError
    ├── InputError    missing, binary or mis-encoded file; malformed JSON; empty text
    ├── FetchError    a URL that cannot be fetched (carries .url)
    ├── StoreError    the database refused or is unreachable
    │   └── QueryTimeout  a query took longer than its time limit (a search, say)
    └── ConfigError   a bad setting or configuration file

Messages read ``<what>: <why>``, e.g. ``articles.jsonl:3: malformed JSON``.
"""

from __future__ import annotations


class EuropeNewsError(Exception):
    """Base of every error EuropeNews reports to its user."""


class InputError(EuropeNewsError):
    """An input that cannot be read as an article."""


class FetchError(EuropeNewsError):
    """A URL that cannot be fetched."""

    def __init__(self, message: str, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class StoreError(EuropeNewsError):
    """The store cannot do what was asked."""


class QueryTimeout(StoreError):
    """A query was stopped at its time limit (the store is fine; the query asked too much)."""


class ConfigError(EuropeNewsError):
    """A bad setting."""
