"""Who a "he" or "she" goes on from: quotation marks and the earlier pronoun of a chain.

Kept apart from ``coref`` (which resolves a pronoun to a person of the cast) and ``pronouns``
(which turns pronouns into mentions), since both read them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

OPENING = frozenset({"“", "``", "«", "„"})
CLOSING = frozenset({"”", "''", "»"})
SUBJECTS = ("nsubj", "nsubjpass")  # a clause's subject (coref.py and pronouns.py read it too)
GENDER = {"he": "m", "she": "f"}


def inside_marks(doc: Doc, i: int) -> bool:
    """Whether token ``i`` stands inside quotation marks opened on its line."""
    inside = False
    for token in reversed(doc[:i]):
        if "\n" in token.text_with_ws:
            break
        if token.text in OPENING:
            return not inside  # the nearest mark before opens: inside
        if token.text in CLOSING:
            return False
        if token.text == '"':
            inside = not inside
    return inside


def chained(doc: Doc, pron: Token, persons: frozenset[int], window: int) -> Token | None:
    """The earlier subject "he"/"she" of the same gender this one goes on from: in its own
    sentence or the one before, outside quotation marks, with no named person as a subject
    between, and none named before it in its own sentence ("Walz ... She said she'd rather
    elect Clinton. “...,” she said": Walz, whom "she" went on about, not Clinton, whom the
    sentence only names). Further back the writer may have moved on to someone described
    ("the GOP candidate"), whom no name marks. ``persons``: the tokens of person names."""
    gender = GENDER.get(pron.lower_)
    sent = pron.sent
    if gender is None or any(i in persons for i in range(sent.start, pron.i)):
        return None
    first = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    for token in reversed(doc[max(first, pron.i - window) : pron.i]):
        if token.dep_ not in SUBJECTS:
            continue
        if token.i in persons:
            return None  # a named subject nearer: the ranking of names decides
        if GENDER.get(token.lower_) == gender and not inside_marks(doc, token.i):
            return token
    return None
