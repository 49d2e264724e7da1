"""EuropeNews: open news monitoring and analysis."""

from __future__ import annotations

from europenews.errors import ConfigError, EuropeNewsError, FetchError, InputError, StoreError
from europenews.model import Analysis, Article, Entity, Event, Mention, Place, Quote, Speaker

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "ConfigError",
    "Entity",
    "EuropeNewsError",
    "Event",
    "FetchError",
    "InputError",
    "Mention",
    "Place",
    "Quote",
    "Speaker",
    "StoreError",
    "__version__",
]
