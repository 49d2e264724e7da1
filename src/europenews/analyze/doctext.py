"""The text of the Doc in hand, built once.

spaCy builds ``Doc.text`` anew from every token on each access (one ``Token`` object per
token), and our components read it many times per article: once per figure, per entity kind
decision, per team line. In a profile of ``ingest`` those rebuilds were about a third of our
components' time (issue 19). A Doc's text never changes once it is tokenised (the retokenizer
merges and splits tokens but keeps their characters), so the last Doc's text is kept, by the
Doc's identity, and the components run one Doc at a time.
"""

from __future__ import annotations

from spacy.tokens import Doc

# One entry: (doc, its text). Holding the Doc keeps its identity from being reused.
_LAST: list[tuple[Doc, str]] = []


def doc_text(doc: Doc) -> str:
    """``doc.text``, built at most once while ``doc`` is the Doc in hand."""
    last = _LAST[0] if _LAST else None  # one read: another thread may replace the entry
    if last is not None and last[0] is doc:
        return last[1]
    text = doc.text
    _LAST[:] = [(doc, text)]
    return text
