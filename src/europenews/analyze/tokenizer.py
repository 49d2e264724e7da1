"""Tokenizer rules for a typo news text has and spaCy's English rules do not split.

Copy-edited text often loses the space after a closing quotation mark:
``… paranoia,”Clinton said``. spaCy keeps ``paranoia,”Clinton`` as one token, so the
quotation has no end the parser can see and its speaker is lost. Splitting the
punctuation and the mark off the following word restores the three tokens. The same
holds for a closing mark glued to a signature dash (``… us.”― Jane Doe``).
"""

from __future__ import annotations

import re

from spacy.language import Language

# Sentence punctuation between a word and a closing mark glued to the next word, and a
# closing mark glued to the dash of a signature ("… for us.”― Jane Doe", "“Never”—Jane"). A
# dash before a lower-case word is an aside ("armed with “rifles”–were able"): the parser
# reads that better unsplit.
GLUED_CLOSE = (
    r"(?<=[^\W\d_])[,.!?](?=[\"”’][^\W\d_])|(?<=[,.!?])[\"”’](?=[^\W\d_])"
    r"|(?<=[^\W\d_])[\"”’](?=[―—–](?:[A-Z@]|$))|(?<=[\"”’])[―—–](?=[A-Z@]|$)"
)


def split_glued_quotations(nlp: Language) -> None:
    """Add the rules to the infixes ``nlp``'s tokenizer already has (idempotent)."""
    current = nlp.tokenizer.infix_finditer
    pattern = current.__self__.pattern if current is not None else ""
    if GLUED_CLOSE in pattern:
        return
    nlp.tokenizer.infix_finditer = re.compile(
        f"{pattern}|{GLUED_CLOSE}" if pattern else GLUED_CLOSE
    ).finditer
