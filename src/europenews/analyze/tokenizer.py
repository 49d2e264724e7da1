"""Tokenizer rules for a typo news text has and spaCy's English rules do not split.

Copy-edited text often loses the space after a closing quotation mark:
``… paranoia,”Clinton said``. spaCy keeps ``paranoia,”Clinton`` as one token, so the
quotation has no end the parser can see and its speaker is lost. Splitting the
punctuation and the mark off the following word restores the three tokens. The same
holds for a closing mark glued to a signature dash (``… us.”― Jane Doe``).

spaCy's English rules also split the full stop off the abbreviated ranks of police and army
reports (``Sgt.``, ``Lt.``, ``Det.``) although they keep ``Gen.`` or ``Gov.`` whole; the split
stop reads as a sentence end, which cuts "said Police Sgt. Lee Brandt" after the rank and
leaves the quotation with a title for a speaker. :data:`TITLE_ABBREVIATIONS` are kept whole.

Research corpora and some wire exports write quotation marks the Penn Treebank way, two
backticks to open and two apostrophes to close. spaCy keeps the closing pair one token but
splits the opening pair into two backtick tokens, which neither the parser nor the quote rules
read as a quotation mark; it is kept one token too.

The rules are part of the pipeline's config: ``[nlp.tokenizer]`` names the registered tokenizer
``europenews.glued_quotations.v1`` (registered in ``components.py``). A packaged pipeline reads
its tokenizer's rules from disk *after* any creation callback has run, which would drop rules
added there; this tokenizer adds the rule again whenever its state is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import ORTH  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Sentence punctuation between a word and a closing mark glued to the next word, and a
# closing mark glued to the dash of a signature ("… for us.”― Jane Doe", "“Never”—Jane"). A
# dash before a lower-case word is an aside ("armed with “rifles”–were able"): the parser
# reads that better unsplit.
GLUED_CLOSE = (
    r"(?<=[^\W\d_])[,.!?](?=[\"”’][^\W\d_])|(?<=[,.!?])[\"”’](?=[^\W\d_])"
    r"|(?<=[^\W\d_])[\"”’](?=[―—–](?:[A-Z@]|$))|(?<=[\"”’])[―—–](?=[A-Z@]|$)"
)


# Abbreviated titles written before a name that spaCy's English exceptions lack (it has "Gen.",
# "Gov.", "Sen.", "Rep.", "Dr.", "Rev." and the like already).
TITLE_ABBREVIATIONS = ("Sgt", "Lt", "Det", "Capt", "Cpl", "Col", "Insp", "Supt", "Ofc", "Atty",
                       "Maj", "Cmdr", "Cmdt", "Pvt", "Dep", "Pres", "Spc", "Sfc", "Ssgt")


def add_title_abbreviations(tokenizer: Any) -> None:
    """Keep each abbreviated title and its full stop one token ("Sgt.", "SGT."), and the
    typewriter opening mark (two backticks) one token."""
    for word in TITLE_ABBREVIATIONS:
        for form in (word, word.upper()):
            tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])
    tokenizer.add_special_case("``", [{ORTH: "``"}])


def add_glued_quotation_rule(tokenizer: Any) -> None:
    """Add the rule to the infixes ``tokenizer`` already has (idempotent)."""
    current = tokenizer.infix_finditer
    pattern = current.__self__.pattern if current is not None else ""
    if GLUED_CLOSE in pattern:
        return
    tokenizer.infix_finditer = re.compile(
        f"{pattern}|{GLUED_CLOSE}" if pattern else GLUED_CLOSE
    ).finditer


class GluedQuotationTokenizer(Tokenizer):  # type: ignore[misc]
    """spaCy's tokenizer that keeps the glued-quotation rule over whatever rules it loads."""

    def from_bytes(self, bytes_data: bytes, *, exclude: Any = ()) -> GluedQuotationTokenizer:
        # from_disk reads the file and calls this, so both ways of loading keep the rule.
        super().from_bytes(bytes_data, exclude=exclude)
        add_glued_quotation_rule(self)
        add_title_abbreviations(self)
        return self


def create_glued_quotations_tokenizer() -> Callable[[Language], GluedQuotationTokenizer]:
    """The tokenizer factory ``europenews.glued_quotations.v1``: the language's default rules
    (as ``spacy.Tokenizer.v1`` builds them) plus the glued-quotation rule."""

    def make(nlp: Language) -> GluedQuotationTokenizer:
        defaults = nlp.Defaults
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        tokenizer = GluedQuotationTokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=compile_suffix_regex(suffixes).search if suffixes else None,
            infix_finditer=compile_infix_regex(infixes).finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
        add_glued_quotation_rule(tokenizer)
        add_title_abbreviations(tokenizer)
        return tokenizer

    return make
