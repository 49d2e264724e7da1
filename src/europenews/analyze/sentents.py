"""A sentence's entities without rebuilding every entity of the Doc.

spaCy answers ``Span.ents`` by building ``Doc.ents`` (a ``Span`` per entity of the whole
Doc) and keeping those inside the span; events read the entities of a sentence several times
per sentence (its dates), so a profile of ``ingest`` showed 7,600 builds of the Doc's
entities for 386 articles (issue 19). Inside :func:`entity_index` the Doc's entities are
built once, and :func:`sentence_ents` answers from them with the same result as
``span.ents``. Only inside: a component may set ``doc.ents`` anew, so the index lives as
long as the one reader that keeps them unchanged.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from spacy.tokens import Doc, Span

# (the Doc, its entities, their start tokens) while a reader holds the index.
_INDEX: ContextVar[tuple[Doc, tuple[Span, ...], list[int]] | None] = ContextVar(
    "europenews_entity_index", default=None)


@contextmanager
def entity_index(doc: Doc) -> Iterator[None]:
    """Within the block, :func:`sentence_ents` of spans of ``doc`` reads the Doc's entities
    built once. ``doc.ents`` must not be set inside it."""
    ents = tuple(doc.ents)
    token = _INDEX.set((doc, ents, [e.start for e in ents]))
    try:
        yield
    finally:
        _INDEX.reset(token)


def sentence_ents(span: Span) -> list[Span]:
    """``span.ents``: the Doc's entities wholly inside the span, in order."""
    index = _INDEX.get()
    if index is None or index[0] is not span.doc:
        return list(span.ents)
    _doc, ents, starts = index
    # Doc.ents do not overlap and come in order: those starting in the span and ending in
    # it are consecutive, and the first that ends beyond it ends the run (as spaCy's loop).
    out = []
    for k in range(bisect.bisect_left(starts, span.start), len(ents)):
        if ents[k].end > span.end:
            break
        out.append(ents[k])
    return out
