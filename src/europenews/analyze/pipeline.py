"""Build the analysis pipelines once per process and run articles through them."""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the module registers our factories, lexicons and tokenizer with spaCy.
from europenews.analyze import components  # noqa: F401
from europenews.analyze.doctext import keep_text
from europenews.analyze.export import doc_to_analysis
from europenews.analyze.extensions import register_extensions
from europenews.analyze.languages import NAME_LEXICON, NAMES_FACTORY, PipelinePlan, plan_for
from europenews.analyze.ruletable import use_rule_tables
from europenews.config import Settings
from europenews.errors import ConfigError
from europenews.langid import identify_language
from europenews.model import Analysis, Article

# The model's own tokenizer rules plus the glued-quotation rule (analyze/tokenizer.py).
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "europenews.glued_quotations.v1"}}}


class LanguagePipelines:
    """The pipelines of one configuration by language: the main one (English), built at
    once, and the others built the first time an article in their language comes."""

    def __init__(self, main: Language, settings: Settings) -> None:
        self.main, self.settings = main, settings
        self._built: dict[str, Language | None] = {main.lang or "en": main}

    def get(self, language: str) -> Language | None:
        """The pipeline for ``language``; None when the language is not analysed fully."""
        if language not in self._built:
            plan = plan_for(language, self.settings)
            self._built[language] = None if plan is None else _build(plan)
        return self._built[language]

    def built(self) -> list[Language]:
        """The pipelines built so far."""
        return [nlp for nlp in self._built.values() if nlp is not None]


# The other languages' pipelines of each main pipeline build_pipeline made, kept beside it
# (and gone with it) so that every caller holding the main pipeline analyses every language.
_PIPELINES: weakref.WeakKeyDictionary[Language, LanguagePipelines] = weakref.WeakKeyDictionary()


def build_pipeline(settings: Settings | None = None) -> Language:
    """Load the spaCy model named in the settings with our tokenizer, and add our components
    after it. Articles in the settings' other languages go through their own pipelines
    (``analyze/languages.py``) when analysed with this one."""
    settings = settings or Settings()
    register_extensions()
    try:
        nlp = spacy.load(settings.model, config=TOKENIZER_CONFIG)
    except OSError as exc:
        raise ConfigError(f"spaCy model {settings.model!r}: not installed") from exc
    use_rule_tables(nlp)
    for name in settings.components:
        nlp.add_pipe(name)
    _PIPELINES[nlp] = LanguagePipelines(nlp, settings)
    return nlp


def _build(plan: PipelinePlan) -> Language:
    register_extensions()
    if plan.model is None:
        nlp = spacy.blank(plan.language)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(NAMES_FACTORY, config={"lexicon": {
            "@misc": NAME_LEXICON, "path": None, "language": plan.language}})
    else:
        try:
            nlp = spacy.load(plan.model, config=TOKENIZER_CONFIG)
        except OSError as exc:
            raise ConfigError(f"spaCy model {plan.model!r} for {plan.language!r}: "
                              f"not installed") from exc
        use_rule_tables(nlp)
    if plan.relabel:
        nlp.add_pipe("europenews_ner_labels")
    for name, config in plan.configs:
        nlp.add_pipe(name, config=config)
    return nlp


def article_language(article: Article) -> str:
    """The article's language: the one it gives, else the one its text reads as."""
    return article.language or identify_language(
        f"{article.title}\n{article.text}" if article.title else article.text)


def language_pipeline(nlp: Language, language: str) -> Language | None:
    """The pipeline ``nlp`` analyses an article in ``language`` with (None: not analysed)."""
    pipelines = _PIPELINES.get(nlp)
    return nlp if pipelines is None else pipelines.get(language)


@contextmanager
def memory_zone(nlp: Language) -> Iterator[None]:
    """spaCy's ``memory_zone`` on ``nlp`` and on every language pipeline built beside it: the
    strings and lexemes the texts read inside add are freed at the end, so a long-running
    process does not keep every word it ever read. Nothing made inside (a Doc, a Token) may be
    used after it; an ``Analysis`` holds only plain values and may."""
    pipelines = _PIPELINES.get(nlp)
    with ExitStack() as stack:
        for pipe in [nlp] if pipelines is None else pipelines.built():
            stack.enter_context(pipe.memory_zone())
        yield


def analyze_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32
) -> Iterator[Analysis]:
    """Analyse articles in order, in batches through ``nlp.pipe``; each article through the
    pipeline of its language (an article in a language not analysed fully gets an empty
    analysis: it is still stored, searchable and grouped)."""
    pipelines = _PIPELINES.get(nlp)
    it = iter(articles)
    while batch := list(itertools.islice(it, batch_size)):
        batch = [_with_language(a) for a in batch]
        results: dict[int, Analysis] = {}
        by_pipe: dict[int, tuple[Language, list[int]]] = {}
        for i, article in enumerate(batch):
            pipe = nlp if pipelines is None else pipelines.get(article.language or "en")
            if pipe is None:
                results[i] = Analysis(article)
            else:
                by_pipe.setdefault(id(pipe), (pipe, []))[1].append(i)
        for pipe, indexes in by_pipe.values():
            stream = ((make_doc(pipe, batch[i]), i) for i in indexes)
            for doc, i in pipe.pipe(stream, as_tuples=True, batch_size=batch_size):
                results[i] = doc_to_analysis(doc, batch[i])
        for i in range(len(batch)):
            yield results[i]


def _with_language(article: Article) -> Article:
    return article if article.language else replace(article,
                                                    language=article_language(article))


def analyze_article(nlp: Language, article: Article) -> Analysis:
    """Analyse one article."""
    return next(analyze_articles(nlp, [article], batch_size=1))


def make_doc(nlp: Language, article: Article) -> Doc:
    """The article's text, tokenised, with what the components read besides the text: the
    outlet (``doc._.outlet``: its source hostname, else its URL), which tells places where
    a local paper is, and the title (``doc._.title``), which says whether the article is about
    a death (the casualty figures' evidence reads it)."""
    doc = nlp.make_doc(article.text)
    keep_text(doc, article.text)  # the tokenizer keeps every character: no rebuild needed
    doc._.outlet = article.source or article.url
    if article.title:
        doc._.title = article.title
    return doc
