"""Quotations that a noun or a naming verb attributes, with no speech verb of their own:
chants ("their chants of “...”") and passive naming ("has been called “...” by X")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.cues import NAMING_VERBS
from europenews.analyze.quotes.markcues import OPENING
from europenews.analyze.quotes.marks import MarkedQuote
from europenews.analyze.quotes.spans import Layout, Spans, chars_in_paragraph
from europenews.analyze.quotes.speakers import speaker_head, subject_of

# "their chants of “...”", "joined in a chant of “...”", "were met with cries of “...”": a crowd's
# words named by a noun for voices raised together.
CHANT_OF = re.compile(
    r"\b(?:chants?|chanting|cries|cry|calls|shouts?|shouting|chorus|screams?|cheers|yells)"
    r"\s+of\s*[:,]?\s*$",
    re.I,
)


def chant_cue(doc: Doc, text: str, mark: MarkedQuote) -> Cue | None:
    """``But their chants of “Go Blues!” were cut short``: the quotation is what the chanters
    chanted. The speaker is the noun's possessor, or the subject of the active verb the noun
    hangs from ("A crowd of students joined in a chant of ..."); none for "were met with
    chants of ..." or "there were calls of ..."."""
    before = text[max(0, mark.start - 40) : mark.start].rstrip(OPENING)
    found = CHANT_OF.search(before)
    if found is None:
        return None
    start = mark.start - 40 if mark.start > 40 else 0
    span = doc.char_span(start + found.start(), start + found.end(), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    noun = span[0]
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return Cue((noun.i, span.end), poss.i, ())
    verb = noun.head.head if noun.dep_ == "pobj" else None
    if verb is None or verb.pos_ != "VERB" or any(
        c.dep_ in ("nsubjpass", "auxpass") for c in verb.children
    ):
        return Cue((noun.i, span.end), None, ())
    subject = subject_of(verb)
    return Cue((noun.i, span.end), speaker_head(subject).i if subject is not None else None, ())


NOT_NAMED = ("agent", "punct", "cc", "conj", "advcl", "parataxis", "auxpass", "aux", "neg",
             "nsubjpass", "advmod", "mark")


def passive_naming(doc: Doc, mark: MarkedQuote, layout: Layout) -> tuple[Spans, Cue] | None:
    """``The plan has been called “a giveaway” by ...``, ``what is called a “reform”``: the
    thing named and its name are what was said; the speaker is the ``by``
    agent, or nobody."""
    first = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if first is None or first.start == 0:
        return None
    i = first.start - 1
    while i > 0 and (doc[i].is_punct or doc[i].lower_ in ("a", "an", "the", "as")):
        i -= 1
    verb = doc[i]
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in NAMING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.i > verb.i:
        return None
    rights = [c for c in verb.rights if c.dep_ not in NOT_NAMED]
    # The parser may hang the agent on the name ("called “a giveaway” by X").
    agent = next((t for c in [verb, *rights] for t in c.subtree if t.lower_ == "by"
                  and t.dep_ in ("agent", "prep") and t.head in (verb, *rights)), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    end = max([mark.end, *[doc[c.right_edge.i].idx + len(doc[c.right_edge.i]) for c in rights]])
    if agent is not None and agent.idx >= mark.end:
        end = min(end, agent.idx)
    start = doc[subject.left_edge.i].idx
    named = doc[subject.right_edge.i]
    spans = [*chars_in_paragraph(layout, start, named.idx + len(named), mark.start),
             *chars_in_paragraph(layout, doc[verb.i + 1].idx, end, mark.start)]
    cue = Cue((verb.i, verb.i + 1), speaker_head(by).i if by is not None else None, ())
    return (spans, cue) if spans else None
