"""How an ingest run behaves: HTTP limits, batch size, polling and back-off, clustering."""

from __future__ import annotations

from dataclasses import dataclass, field

from europenews.ingest.fetch import FetchSettings
from europenews.stages.backoff import MAX_BACKOFF, RETRY

# What each re-runnable stage replaces in a stored analysis. Quotes and events point at
# entity ids, and events at geocoded places, so re-running those stages refreshes them too.
STAGES: dict[str, tuple[str, ...]] = {
    "entities": ("entities", "quotes", "events"),
    "places": ("places", "events"),
    "quotes": ("quotes",),
    "events": ("events",),
}
# The component that produces each analysis field (the spaCy model itself always runs).
FIELD_COMPONENT = {
    "entities": "europenews_entities",
    "places": "europenews_places",
    "quotes": "europenews_quotes",
    "events": "europenews_events",
}


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """What the stages are run with (HTTP limits live in ``fetch``)."""

    fetch: FetchSettings = field(default_factory=FetchSettings)
    batch_size: int = 32
    poll_interval: float = 900.0  # seconds between two polls of a healthy feed
    retry: float = RETRY  # the first wait after a failure (see ``stages.backoff``)
    max_backoff: float = MAX_BACKOFF  # the longest wait after repeated failures
    max_feed_items: int = 500
    model: str | None = None  # recorded with each analysis
    cluster: bool = True
    # The language the configuration gives the feed being read (``[[feeds]] language``): the
    # prior its items' language is checked against when the feed itself declares none.
    language: str | None = None
