"""Build the analysis pipeline once per process and run articles through it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language

# Importing the component modules registers their factories with spaCy.
from europenews.analyze.entities import finder as _entities  # noqa: F401
from europenews.analyze.events import finder as _events  # noqa: F401
from europenews.analyze.export import doc_to_analysis
from europenews.analyze.extensions import register_extensions
from europenews.analyze.places import finder as _places  # noqa: F401
from europenews.analyze.quotes import finder as _quotes  # noqa: F401
from europenews.analyze.tokenizer import split_glued_quotations
from europenews.config import Settings
from europenews.errors import ConfigError
from europenews.model import Analysis, Article


def build_pipeline(settings: Settings | None = None) -> Language:
    """Load the spaCy model named in the settings and add our components after it."""
    settings = settings or Settings()
    register_extensions()
    try:
        nlp = spacy.load(settings.model)
    except OSError as exc:
        raise ConfigError(f"spaCy model {settings.model!r}: not installed") from exc
    split_glued_quotations(nlp)
    for name in settings.components:
        nlp.add_pipe(name)
    return nlp


def analyze_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32
) -> Iterator[Analysis]:
    """Analyse articles in order, in batches through ``nlp.pipe``."""
    stream = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield doc_to_analysis(doc, article)


def analyze_article(nlp: Language, article: Article) -> Analysis:
    """Analyse one article."""
    return doc_to_analysis(nlp(article.text), article)
