"""The one place where a spaCy Doc becomes an ``Analysis`` (the contract codec that turns an
``Analysis`` into JSON is ``europenews.contract``)."""

from __future__ import annotations

from spacy.tokens import Doc

from europenews.analyze.events.dates import with_dates
from europenews.model import Analysis, Article


def doc_to_analysis(doc: Doc, article: Article) -> Analysis:
    """Collect what our components left on the Doc; event dates are read against the
    article's date here, the first place where the article is known."""
    return Analysis(
        article=article,
        entities=tuple(doc._.entities or ()),
        quotes=tuple(doc._.quotes or ()),
        events=with_dates(doc._.events or (), article.published, article.text),
        places=tuple(doc._.places or ()),
    )
