"""Doc extensions, registered once, with ``None`` as default.

``None`` means "the component did not run"; ``[]`` means "it ran and found nothing".
"""

from __future__ import annotations

from spacy.tokens import Doc

# Each name is owned by one component (see analyze/pipeline.py).
DOC_EXTENSIONS = (
    "entities",  # list[model.Entity]                  europenews_entities
    "entity_of_token",  # dict[int, str]: token.i → entity id, europenews_entities
    "places",  # list[model.Place]                      europenews_places
    "quotes",  # list[model.Quote]                      europenews_quotes
    "events",  # list[model.Event]                      europenews_events
)


def register_extensions() -> None:
    """Register our Doc extensions if they are not there yet (extensions are process-global)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
