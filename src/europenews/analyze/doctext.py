"""The text of the Doc in hand, built once.

spaCy builds ``Doc.text`` anew from every token on each access (one ``Token`` object per
token), and our components read it many times per article: once per figure, per entity kind
decision, per team line. In a profile of ``ingest`` those rebuilds were about a third of our
components' time (issue 19). A Doc's text never changes once it is tokenised (the retokenizer
merges and splits tokens but keeps their characters), so the last Doc's text is kept, by the
Doc's identity, and the components run one Doc at a time.

Even built once, the text cost about 11 ms an article (a ``Token`` per token; about 2 % of
a profiled ``ingest``, session 17), while the caller had it in hand: spaCy's tokenizer
keeps every character, so ``nlp.make_doc(text).text == text``. ``pipeline.make_doc`` hands
it over with :func:`keep_text`, in ``doc.user_data`` (a plain string: it survives
``to_bytes`` and ``DocBin``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

TEXT_KEY = "europenews.text"

# One entry: (doc, its text). Holding the Doc keeps its identity from being reused.
_LAST: list[tuple[Doc, str]] = []


def keep_text(doc: Doc, text: str) -> None:
    """Record ``text`` as the Doc's text: only for the text the Doc was tokenised from."""
    doc.user_data[TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built at most once while ``doc`` is the Doc in hand."""
    kept = doc.user_data.get(TEXT_KEY)
    if kept is not None:
        return str(kept)
    last = _LAST[0] if _LAST else None  # one read: another thread may replace the entry
    if last is not None and last[0] is doc:
        return last[1]
    text = doc.text
    _LAST[:] = [(doc, text)]
    return text


def span_text(span: Span) -> str:
    """``span.text`` (its tokens' text without the last one's trailing space), cut from the
    Doc's text instead of joined from a ``Token`` per word."""
    return doc_text(span.doc)[span.start_char : span.end_char]
