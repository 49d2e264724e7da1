"""Tokenizer rules for a typo news text has and spaCy's English rules do not split.

Copy-edited text often loses the space after a closing quotation mark:
``… paranoia,”Clinton said``. spaCy keeps ``paranoia,”Clinton`` as one token, so the
quotation has no end the parser can see and its speaker is lost. Splitting the
punctuation and the mark off the following word restores the three tokens.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex

# Sentence punctuation between a word and a closing mark glued to the next word.
_GLUED_CLOSE = (
    r"(?<=[^\W\d_])[,.!?](?=[\"”’][^\W\d_])",
    r"(?<=[,.!?])[\"”’](?=[^\W\d_])",
)


def split_glued_quotations(nlp: Language) -> None:
    """Add the infix rules to ``nlp``'s tokenizer (idempotent)."""
    infixes = list(nlp.Defaults.infixes or ())
    current = getattr(nlp.tokenizer, "infix_finditer", None)
    if current is not None and getattr(current, "__self__", None) is not None:
        pattern = current.__self__.pattern
        if all(rule in pattern for rule in _GLUED_CLOSE):
            return
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*infixes, *_GLUED_CLOSE]
    ).finditer
