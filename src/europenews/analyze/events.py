"""Events (placeholder component: finds nothing yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.extensions import register_extensions
from europenews.model import Event


def find_events(doc: Doc) -> list[Event]:
    """Pure: read the parse, return what was found."""
    return []


class EventFinder:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc)
        return doc


@Language.factory("europenews_events", assigns=["doc._.events"])
def make_events_finder(nlp: Language, name: str) -> EventFinder:
    register_extensions()
    return EventFinder(name)
