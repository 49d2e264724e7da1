"""Quote drafts: proposed quotes (frozen: a stage that changes one returns a copy), and the
adjustments that read several of them at once — an inverted cue that takes back its own
quotation, reports nested in other reports, and which cue of a sentence claims a quotation (a
speech verb over the belief it reports, a contrasted report over the one it was hung in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from europenews.analyze.doctext import doc_text
from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.spans import (
    WORD,
    Layout,
    Spans,
)
from europenews.model import Speaker

SENTENCE_END = re.compile(r"[.!?][\s”\"’']")


@dataclass(frozen=True)
class Draft:
    """A proposed quote (character spans) and the rule that proposed it."""

    spans: Spans
    kind: str
    cue: Cue | None = None
    speaker: Speaker | None = None
    marks: list[int] = field(default_factory=list)
    guessed: bool = False  # read off a quoted object, not a speech cue: nobody continues it
    nested: bool = False  # a report inside another report's content that quotes on its own
    rule: str = "cue"  # which generator proposed it (docs/quotes.md names them)


def bound_marks(drafts: list[Draft]) -> set[int]:
    """The quotations the drafts report (a nested report's quotation stays another's too)."""
    return {k for d in drafts if not d.nested for k in d.marks}


def own_cue(doc: Doc, drafts: list[Draft], layout: Layout,
            statement: list[bool]) -> list[Draft]:
    """``Rhimes declared ...: “Change the world,” she said.``: the parse made the inverted cue
    after the quotation report the words before it; that cue reports the quotation instead."""
    text, drafts, bound = layout.text, list(drafts), bound_marks(drafts)
    for k, mark in enumerate(layout.marks):
        if k in bound or not statement[k] or text[mark.end - 1 : mark.end] not in (",", "?", "!"):
            continue
        for i, draft in enumerate(drafts):
            cue = draft.cue
            if cue is None or cue.subject is None or not cue.speech:
                continue
            pos = doc[cue.cue[0]].idx
            between = text[mark.end : pos]
            words = WORD.findall(between)
            if not mark.end <= pos <= mark.end + 40 or "\n" in between or len(words) > 3 or (
                words and not mark.end <= doc[cue.subject].idx < pos
            ):
                continue
            if draft.kind == "indirect" and (draft.spans[-1][1] <= mark.start or (
                draft.spans[0][0] > pos and not has_verb(doc, draft.spans)
            )):
                # "“Did you know?” Todd asked the mogul.": the addressee is no report.
                del drafts[i]
                drafts.append(Draft(list(mark.fragments), "direct", cue, marks=[k],
                                    rule="own cue"))
            elif draft.kind == "direct" and draft.spans[0][0] > pos and text[
                draft.spans[0][0] : draft.spans[0][0] + 1
            ].islower() and text[mark.end - 1] == ",":
                # "“Now that I am free,” he told the presenter, “it was hard.”": one quote
                # interrupted by its cue.
                drafts[i] = replace(draft, spans=[*mark.fragments, *draft.spans],
                                    marks=[k, *draft.marks])
            else:
                continue
            break
    return drafts


def same_sentence(doc: Doc, end: int, cue: int) -> bool:
    """Whether a quotation ending at char ``end`` and the cue token ``cue`` share a sentence
    (the quotation's own full stop ends it; the parse judges abbreviations like "Capt.")."""
    if doc_text(doc)[end - 1] == ".":
        return False
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    return last is not None and last[0].sent.start == doc[cue].sent.start


def has_verb(doc: Doc, spans: Spans) -> bool:
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.pos_ in ("VERB", "AUX") for t in span):
            return True
    return False


def drop_nested(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Drop reports whose cue lies inside another report's content ("He said she thinks ...")."""
    kept = []
    for draft in drafts:
        pos = doc[draft.cue.cue[0]].idx if draft.cue else -1
        if draft.nested or not any(
            o is not draft and any(s <= pos < e for s, e in o.spans) for o in drafts
        ):
            kept.append(draft)
    return kept


def strip_cue(gap: str, prev: Draft, doc: Doc) -> str:
    """The text between two quotations minus the previous quote's own cue and speaker."""
    if prev.cue is None:
        return gap
    words = {doc[i].text for i in range(*prev.cue.cue)}
    if prev.speaker is not None and prev.speaker.mention is not None:
        words |= set(WORD.findall(prev.speaker.mention.text))
    return " ".join(w for w in WORD.findall(gap) if w not in words)


# Subordinate clauses that set their own report beside the first ("when he told ...").
CONTRAST = frozenset({"while", "whereas", "when", "after", "before", "although", "though"})


def contrasted(doc: Doc, cue: Cue, outer: list[Draft]) -> bool:
    """Whether speech cue ``cue`` heads a contrastive clause with its own subject (``...,
    while Cruz said that ...``) inside the content of the earlier reports ``outer``."""
    verb = doc[cue.cue[0]]
    if not cue.speech or cue.subject is None or not outer or verb.dep_ != "advcl":
        return False
    if verb.head.i > verb.i:
        return False  # "finds that, while 37 percent say ..., 39 percent ...": one content
    if not any(c.dep_ == "mark" and c.lower_ in CONTRAST for c in verb.children):
        return False
    return all(d.cue is not None and d.cue.cue[0] < cue.cue[0] and not d.nested
               and doc[d.cue.cue[0]] in verb.ancestors for d in outer)


def inner_report(doc: Doc, cue: Cue, outer: list[Draft]) -> bool:
    """Whether ``cue`` is a relative report with its own speaker (``..., which he called
    “...”``) inside the content of the report that took its quotation. Other inner reports
    ("He said she thinks ...") mostly are not annotated on their own, so they stay dropped."""
    verb = doc[cue.cue[0]]
    relative = any(c.lower_ in ("which", "whom", "that") and c.dep_ == "dobj"
                   for c in verb.children)
    if not cue.speech or cue.subject is None or not relative or not outer:
        return False
    pos = verb.idx
    return all(
        d.cue is not None and d.cue.cue[0] < cue.cue[0] and any(s <= pos < e for s, e in d.spans)
        for d in outer
    )


def reports_belief(doc: Doc, cue: Cue, outer: list[Draft]) -> bool:
    """Whether speech cue ``cue`` reports the belief or intention verbs (not speech verbs: a
    nested report keeps the person quoted) that took its quotation."""
    verb = doc[cue.cue[0]]
    if not cue.speech or cue.subject is None or not outer:
        return False
    return all(d.cue is not None and not d.cue.speech and not d.nested
               and verb in doc[d.cue.cue[0]].ancestors for d in outer)
