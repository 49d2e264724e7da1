"""Who gave a sentence's casualty figures: "according to X", "X said" (the English parse) or
« selon X » (``udfigures.ud_source``, the UD parse), as an entity of the article when it names
one. The event's ``source``, each figure's ``source``, and the figure model's "attributed"
feature read it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from europenews.analyze.events.lexicon import EventLexicon
from europenews.analyze.events.udfigures import ud_source
from europenews.model import EventSource

_SAY_VERBS = frozenset({"say", "tell", "report", "confirm", "announce", "state", "add"})


def figure_source(sent: Span, doc: Doc, lex: EventLexicon) -> EventSource | None:
    """Who gave the figures, by the rules of the lexicon's parse scheme (udfigures: French)."""
    return ud_source(sent, lex) if lex.grammar == "ud" else said_by(sent, doc)


def said_by(sent: Span, doc: Doc) -> EventSource | None:
    """Who gave the figures: 'according to X' or 'X said' in the sentence (not a pronoun)."""
    for tok in sent:
        if tok.lower_ == "according":
            for to in tok.children:
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    return _source_of(objs[0], doc)
        if tok.lemma_.lower() in _SAY_VERBS and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                return _source_of(subj, doc)
    return None


def _source_of(tok: Token, doc: Doc) -> EventSource:
    ids = doc._.entity_of_token or {}
    by_id = {e.id: e for e in doc._.entities or ()}
    for t in [tok, *tok.subtree]:
        ent_id = ids.get(t.i)
        if ent_id is not None and ent_id in by_id:
            return EventSource(ent_id, by_id[ent_id].name)
    return EventSource(None, doc[tok.left_edge.i : tok.i + 1].text)
