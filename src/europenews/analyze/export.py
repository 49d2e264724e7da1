"""The one place where a spaCy Doc becomes an ``Analysis`` (the contract codec that turns an
``Analysis`` into JSON is ``europenews.contract``)."""

from __future__ import annotations

from spacy.tokens import Doc

from europenews.model import Analysis, Article


def doc_to_analysis(doc: Doc, article: Article) -> Analysis:
    """Collect what our components left on the Doc."""
    return Analysis(
        article=article,
        entities=tuple(doc._.entities or ()),
        quotes=tuple(doc._.quotes or ()),
        events=tuple(doc._.events or ()),
        places=tuple(doc._.places or ()),
    )
