"""The pipeline run with given names as its only names, as ``eval entities --gold-mentions``
hands the gold mentions over (shared by the entity tests)."""

from __future__ import annotations

# Components after the names that these tests do not need.
SKIPPED = ("europenews_gazetteer", "europenews_places", "europenews_quotes", "europenews_events")


def entities_with_names(nlp, text: str, names: list[tuple[int, int, str]]):
    """The article's entities when these character spans, with their labels, are its only
    names."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name in SKIPPED:
            continue
        doc = proc(doc)
        if name == "ner":
            doc.ents = [doc.char_span(s, e, label=label) for s, e, label in names]
    return doc._.entities
