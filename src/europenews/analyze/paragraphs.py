"""A paragraph break starts a sentence.

The parser decides where sentences end and sometimes runs one across a blank line: after an
abbreviation closing a paragraph ("... in the 2300 block of Paris St.") the next paragraph's
opening ("Spokesman Sgt. Ann Lee says ...") becomes part of the same sentence, and the quote,
the event and the speaker read from it are lost. Marking the first token after a blank line as
a sentence start before the parser runs keeps the parser inside the paragraph (it respects
boundaries already set). A single line break is left to the parser: some sources wrap lines
inside sentences.
"""

from __future__ import annotations

from spacy.tokens import Doc


def is_paragraph_break(text: str) -> bool:
    """Whether a whitespace token holds a blank line."""
    return not text.strip() and text.count("\n") >= 2


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first word after each blank line (nothing else changes)."""
    for token in doc[:-1]:
        if token.is_space and is_paragraph_break(token.text):
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return doc
