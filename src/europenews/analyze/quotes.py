"""Quotes (placeholder component: finds nothing yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.extensions import register_extensions
from europenews.model import Quote


def find_quotes(doc: Doc) -> list[Quote]:
    """Pure: read the parse, return what was found."""
    return []


class QuoteFinder:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc


@Language.factory("europenews_quotes", assigns=["doc._.quotes"])
def make_quotes_finder(nlp: Language, name: str) -> QuoteFinder:
    register_extensions()
    return QuoteFinder(name)
