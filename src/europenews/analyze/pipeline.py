"""Build the analysis pipeline once per process and run articles through it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the module registers our factories, lexicons and tokenizer with spaCy.
from europenews.analyze import components  # noqa: F401
from europenews.analyze.export import doc_to_analysis
from europenews.analyze.extensions import register_extensions
from europenews.config import Settings
from europenews.errors import ConfigError
from europenews.model import Analysis, Article

# The model's own tokenizer rules plus the glued-quotation rule (analyze/tokenizer.py).
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "europenews.glued_quotations.v1"}}}


def build_pipeline(settings: Settings | None = None) -> Language:
    """Load the spaCy model named in the settings with our tokenizer, and add our components
    after it."""
    settings = settings or Settings()
    register_extensions()
    try:
        nlp = spacy.load(settings.model, config=TOKENIZER_CONFIG)
    except OSError as exc:
        raise ConfigError(f"spaCy model {settings.model!r}: not installed") from exc
    for name in settings.components:
        nlp.add_pipe(name)
    return nlp


def analyze_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32
) -> Iterator[Analysis]:
    """Analyse articles in order, in batches through ``nlp.pipe``."""
    stream = ((make_doc(nlp, article), article) for article in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield doc_to_analysis(doc, article)


def analyze_article(nlp: Language, article: Article) -> Analysis:
    """Analyse one article."""
    return doc_to_analysis(nlp(make_doc(nlp, article)), article)


def make_doc(nlp: Language, article: Article) -> Doc:
    """The article's text, tokenised, with what the components read besides the text: the
    outlet (``doc._.outlet``: its source hostname, else its URL), which tells places where
    a local paper is."""
    doc = nlp.make_doc(article.text)
    doc._.outlet = article.source or article.url
    return doc
