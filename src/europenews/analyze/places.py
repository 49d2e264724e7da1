"""Places (placeholder component: finds nothing yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.extensions import register_extensions
from europenews.model import Place


def find_places(doc: Doc) -> list[Place]:
    """Pure: read the parse, return what was found."""
    return []


class PlaceFinder:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc)
        return doc


@Language.factory("europenews_places", assigns=["doc._.places"])
def make_places_finder(nlp: Language, name: str) -> PlaceFinder:
    register_extensions()
    return PlaceFinder(name)
