"""Quotes: who said what — direct, indirect and mixed quotations with their speaker and cue.

Front door: ``find_quotes(doc, lexicon, beliefs=True)`` returns the quotes of a parsed Doc in
text order, each speaker as a mention; the entities component resolves the mentions to the
article's entities afterwards (``entities/coref.resolve_speakers``). docs/quotes.md describes
the stages.

Modules: ``finder`` (the stages in order: cues' drafts, then the rest), ``marks`` (quotation
marks in the raw text), ``spans`` (paragraphs and content bounds), ``cue``/``cues``/``cuebounds``
(reporting cues in the parse and where their content ends), ``claims`` (the named rules that
read a quotation from its side, with ``markcues`` and ``naming``), ``drafts`` (proposed quotes
and the adjustments across them), ``speakers`` (the
speaker's head token), ``chooser`` (the trained model that decides each
quote's speaker among candidates), ``lexicon``.
"""

from __future__ import annotations

from europenews.analyze.quotes.finder import find_quotes
from europenews.analyze.quotes.lexicon import QuoteLexicon, load_quote_lexicon

__all__ = ["QuoteLexicon", "find_quotes", "load_quote_lexicon"]
