"""Quotes: who said what — direct, indirect and mixed quotations with speaker and cue.

Two sources of evidence meet here: quotation marks in the raw text (``quotemarks.py``) and
reporting cues in the parse (``cues.py``). A cue whose content lies within quotation marks gives
a direct quote; content partly in marks gives a mixed one; content without marks an indirect
one. Quoted statements with no cue of their own take the nearest bare cue ("..., Kallas said"),
continue the previous quote of their paragraph ("...," he said, "...") or the previous
paragraph's speaker. Short quoted phrases nobody is said to have said (scare quotes, titles)
are not statements. Speakers resolve to entities in ``attribution.py``; content bounds live in
``quotespans.py``, cues read from the marks' side in ``quotecues.py``, speaker heads in
``speakers.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.attribution import EntityIndex, build_index, resolve_speaker
from europenews.analyze.cues import Cue, Lexicon, find_cues, load_lexicon
from europenews.analyze.extensions import register_extensions
from europenews.analyze.quotecues import (
    colon_intro,
    cue_and_speaker,
    dash_cue,
    nearest_bare,
    outside_subject,
    quoting_verb,
)
from europenews.analyze.quotemarks import MarkedQuote, find_marked_quotes
from europenews.analyze.quotespans import (
    WORD,
    Layout,
    Spans,
    chars,
    clip,
    count_words,
    cut_at_colon,
    merge,
    outside_words,
    overlaps,
    paragraph_chars,
    sentence_before,
    strip_punct,
)
from europenews.model import Mention, Quote, Speaker

SENTENCE_END = re.compile(r"[.!?][\s”\"’']")
MIN_STATEMENT_WORDS = 4  # shorter quoted phrases are statements only when a cue claims them
LONG_STATEMENT_WORDS = 8  # this long, a quoted passage is a statement even without a verb
NEAR_PARAGRAPHS = 2  # line breaks: a blank line between paragraphs counts as one more
MAX_OUTSIDE_WORDS = 0  # words of a cue's content outside the marks that still make it direct
MIN_INDIRECT_WORDS = 2  # a one-word report ("backing Clinton") is too little to be a statement


@dataclass
class Draft:
    """A quote under construction (character spans)."""

    spans: Spans
    kind: str
    cue: Cue | None = None
    speaker: Speaker | None = None
    marks: list[int] = field(default_factory=list)
    guessed: bool = False  # read off a quoted object, not a speech cue: nobody continues it


def _is_statement(doc: Doc, text: str, mark: MarkedQuote) -> bool:
    n = count_words(text, list(mark.fragments))
    if n >= LONG_STATEMENT_WORDS or len(mark.fragments) > 1:
        return True
    if n < MIN_STATEMENT_WORDS:
        return False
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _cue_drafts(
    doc: Doc, cues: list[Cue], layout: Layout, statement: list[bool]
) -> tuple[list[Draft], set[int], list[Cue]]:
    """Quotes read off cues with content; returns drafts, bound marks and cues left bare."""
    text = doc.text
    bound: set[int] = set()
    drafts: list[Draft] = []
    bare: list[Cue] = []
    for cue in cues:
        at = layout.mark_at(doc[cue.cue[0]].idx)
        if at is not None and statement[at] and doc[cue.cue[0]].text != ":":
            continue  # words inside a quotation are what was said, not a report of it
        if not cue.content:
            bare.append(cue)
            continue
        here = layout.paragraph(doc[cue.cue[0]].idx)
        spans = paragraph_chars(doc, text, cue.content, layout, here)  # not across a heading
        if not spans:
            bare.append(cue)
            continue
        over = [k for k, m in enumerate(layout.marks) if overlaps((m.start, m.end), spans)]
        pos = doc[cue.cue[0]].idx
        ended = [k for k in over if sentence_before(text, layout.marks[k], pos)]
        if ended:
            # "“We want it.” Steve Adler said ...": a quotation closed by a full stop is not
            # what a later sentence's cue reports.
            last = layout.marks[ended[-1]].end
            spans = [(max(s, last + 1), e) for s, e in spans if e > last + 1]
            spans = [(s, e) for s, e in spans if WORD.search(text, s, e)]
            over = [k for k in over if k not in ended]
        if over:
            spans = cut_at_colon(text, spans, layout.marks[over[0]])
            over = [k for k in over
                    if overlaps((layout.marks[k].start, layout.marks[k].end), spans)]
        if over:
            marked = [layout.marks[k] for k in over]
            spans = clip(text, spans, cue_and_speaker(doc, cue)[0], marked)
            over = [k for k in over
                    if overlaps((layout.marks[k].start, layout.marks[k].end), spans)]
        taken = [layout.marks[k] for k in over if k in bound]
        if taken:
            # Another cue already reported that quotation: keep what lies beyond it
            # ("“...,” Clinton said. “...,” she continued.").
            pos = doc[cue.cue[0]].idx
            spans = [(max(s, taken[-1].end + 1), e) if taken[-1].end <= pos
                     else (s, min(e, taken[0].start - 1)) for s, e in spans]
            spans = [(s, e) for s, e in spans if e > s and WORD.search(text, s, e)]
            over = [k for k in over if k not in bound
                    and overlaps((layout.marks[k].start, layout.marks[k].end), spans)]
            if not over:
                continue
        frags = [f for k in over for f in layout.marks[k].fragments]
        ignore = frags + cue_and_speaker(doc, cue)
        if over and outside_words(text, spans, ignore) <= MAX_OUTSIDE_WORDS:
            drafts.append(Draft(merge(frags), "direct", cue, marks=over))
        elif over:
            drafts.append(Draft(merge(spans + frags), "mixed", cue, marks=over))
        elif count_words(text, spans) >= MIN_INDIRECT_WORDS:
            drafts.append(Draft(spans, "indirect", cue))
        else:
            bare.append(cue)  # "“...?” he urged them": the cue may still claim a quotation
        bound.update(over)
    return drafts, bound, bare


def _speaker_of(draft: Draft, doc: Doc, index: EntityIndex, lex: Lexicon) -> Speaker | None:
    if draft.speaker is not None:
        return draft.speaker
    if draft.cue is None or draft.cue.subject is None:
        return None
    return resolve_speaker(doc, draft.cue.subject, index, lex.titles)


def find_quotes(doc: Doc, lex: Lexicon, beliefs: bool = True) -> list[Quote]:
    """Pure: read the marks and the parse, return the quotes in text order."""
    text = doc.text
    marks = find_marked_quotes(text)
    statement = [_is_statement(doc, text, m) for m in marks]
    layout = Layout(text, marks)
    cues = [outside_subject(doc, c, layout, statement) for c in find_cues(doc, lex, beliefs)]
    drafts, bound, bare = _cue_drafts(doc, cues, layout, statement)
    _own_cue(doc, drafts, bound, layout, statement)
    index = build_index(doc)
    for draft in drafts:
        draft.speaker = _speaker_of(draft, doc, index, lex)
    # A report with neither speaker nor quotation marks is mostly a misread headline ("Calls
    # for ..."); a quoted statement is kept even when nobody can be named.
    drafts = [d for d in _drop_nested(doc, drafts) if d.speaker is not None or d.marks]
    for k, mark in enumerate(marks):
        if k in bound:
            continue
        # A short quotation that ends a clause ("“Not even one,” he said") may still be speech.
        spoken = statement[k] or text[mark.end - 1 : mark.end] in (",", ".", "!", "?")
        cue = nearest_bare(doc, mark, bare, layout) if spoken else None
        aside = _parenthetical(doc, cue, layout, marked=True) if cue is not None else None
        if aside is not None and cue is not None and not bound.intersection(aside.marks):
            bare.remove(cue)
            aside.speaker = _speaker_of(aside, doc, index, lex)
            drafts.append(aside)
            bound.update(aside.marks)
            continue
        if (cue is None or cue.subject is None) and statement[k]:
            intro = dash_cue(doc, text, mark) or colon_intro(doc, text, mark, lex.speech_verbs)
            if intro is not None and (cue is None or intro.subject is not None):
                cue = intro  # "Continued Stone: “...”": the signed name beats a subjectless cue
        if cue is not None:
            if cue in bare:
                bare.remove(cue)
            draft = Draft(list(mark.fragments), "direct", cue, marks=[k])
            draft.speaker = _speaker_of(draft, doc, index, lex)
            drafts.append(draft)
            bound.add(k)
            continue
        found = None if layout.starts_paragraph(mark.start) else quoting_verb(doc, mark, layout)
        if found is not None and any(d.cue is not None and d.cue.cue == found[1].cue
                                     for d in drafts):
            found = None  # “...,” Rutte said, “...”: the verb already reported a quotation
        if found is not None:
            # "... promises to “stop the Republicans from ...”": the quotation is the object of
            # a named subject's verb (for short phrases, only when nothing else claims them).
            draft = Draft(merge([*found[0], *mark.fragments]), "mixed", found[1], marks=[k],
                          guessed=True)
            draft.speaker = _speaker_of(draft, doc, index, lex)
            drafts.append(draft)
            bound.add(k)
            continue
        before = [d for d in drafts if d.spans[-1][1] <= mark.start and not d.guessed]
        prev = max(before, key=lambda d: d.spans[-1][1], default=None)
        if prev is not None and prev.kind == "indirect" and statement[k]:
            gap = text[prev.spans[-1][1] : mark.start]
            if "\n" not in gap and not SENTENCE_END.search(gap):
                # "X said that ..., but “...”": the quotation continues the reported speech.
                prev.spans = merge([*prev.spans, (prev.spans[-1][1], mark.end)])
                prev.kind = "mixed"
                prev.marks.append(k)
                bound.add(k)
                continue
        if prev is not None and prev.kind != "indirect":
            same = layout.paragraph(prev.spans[-1][1]) == layout.paragraph(mark.start)
            gap = text[prev.spans[-1][1] : mark.start]
            # "...,” he said. “...”: PolNeAR (and readers) take it as one continuing quote.
            if same and (statement[k] or not WORD.search(_strip_cue(gap, prev, doc))):
                prev.spans = prev.spans + list(mark.fragments)
                prev.marks.append(k)
                bound.add(k)
                continue
            if statement[k] and layout.starts_paragraph(mark.start) and prev.speaker is not None:
                drafts.append(Draft(list(mark.fragments), "direct", None, prev.speaker, [k]))
                bound.add(k)
                continue
        if statement[k]:
            # No cue at all: the latest speaker of this or the previous paragraph, if any.
            near = prev is not None and layout.paragraph(mark.start) - layout.paragraph(
                prev.spans[-1][1]
            ) <= NEAR_PARAGRAPHS
            speaker = prev.speaker if near and prev is not None else None
            drafts.append(Draft(list(mark.fragments), "direct", None, speaker, [k]))
            bound.add(k)
    for cue in bare:
        draft = _parenthetical(doc, cue, layout)
        if draft is not None:
            draft.speaker = _speaker_of(draft, doc, index, lex)
            drafts.append(draft)
    return [_to_quote(doc, text, d) for d in sorted(drafts, key=lambda d: d.spans[0])]


def _own_cue(
    doc: Doc, drafts: list[Draft], bound: set[int], layout: Layout, statement: list[bool]
) -> None:
    """``Rhimes declared ...: “Change the world,” she said.``: the parse made the inverted cue
    after the quotation report the words before it; that cue reports the quotation instead."""
    text = layout.text
    for k, mark in enumerate(layout.marks):
        if k in bound or not statement[k] or text[mark.end - 1 : mark.end] not in (",", "?", "!"):
            continue
        for draft in drafts:
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
            if draft.kind == "indirect" and draft.spans[-1][1] <= mark.start:
                drafts.remove(draft)
                drafts.append(Draft(list(mark.fragments), "direct", cue, marks=[k]))
            elif draft.kind == "direct" and draft.spans[0][0] > pos and text[
                draft.spans[0][0] : draft.spans[0][0] + 1
            ].islower() and text[mark.end - 1] == ",":
                # "“Now that I can speak,” he told the host, “it was demoralizing.”": one quote
                # interrupted by its cue.
                draft.spans = [*mark.fragments, *draft.spans]
                draft.marks.insert(0, k)
            else:
                continue
            bound.add(k)
            break


def _parenthetical(doc: Doc, cue: Cue, layout: Layout, marked: bool = False) -> Draft | None:
    """``Many of the closures, he said, involved ...``: the sentence around a bare cue (with
    ``marked``, one that holds a quotation: ``These sources, the lawyers said, “all command
    the same conclusion” that ...`` is a mixed quote)."""
    verb = doc[cue.cue[0]]
    if not cue.speech or cue.subject is None or verb.pos_ != "VERB":
        return None
    sent = verb.sent
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    if verb.dep_ not in ("parataxis", "ROOT") or hi - lo > 8:
        return None
    parts = [(sent.start, lo), (hi, sent.end)]
    ranges = tuple((s, e) for s, e in parts if sum(not t.is_punct for t in doc[s:e]) >= 1)
    spans = chars(doc, layout.text, ranges)
    spans = [strip_punct(layout.text, s, e) for s, e in spans]
    spans = [(s, e) for s, e in spans if e > s]
    inside = [k for k, m in enumerate(layout.marks) if overlaps((m.start, m.end), spans)]
    if count_words(layout.text, spans) < 4 or bool(inside) != marked:
        return None
    if marked:
        frags = [f for k in inside for f in layout.marks[k].fragments]
        if outside_words(layout.text, spans, frags) < 2:
            return None  # "“...,” he said, “...”": one quotation interrupted by its cue
        return Draft(spans, "mixed", cue, marks=inside)
    return Draft(spans, "indirect", cue)


def _drop_nested(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Drop reports whose cue lies inside another report's content ("He said she thinks ...")."""
    kept = []
    for draft in drafts:
        pos = doc[draft.cue.cue[0]].idx if draft.cue else -1
        if not any(o is not draft and any(s <= pos < e for s, e in o.spans) for o in drafts):
            kept.append(draft)
    return kept


def _strip_cue(gap: str, prev: Draft, doc: Doc) -> str:
    """The text between two quotations minus the previous quote's own cue and speaker."""
    if prev.cue is None:
        return gap
    words = {doc[i].text for i in range(*prev.cue.cue)}
    if prev.speaker is not None and prev.speaker.mention is not None:
        words |= set(WORD.findall(prev.speaker.mention.text))
    return " ".join(w for w in WORD.findall(gap) if w not in words)


def _to_quote(doc: Doc, full: str, draft: Draft) -> Quote:
    spans = tuple(draft.spans)
    text = " ".join(full[s:e] for s, e in spans)
    cue = None
    if draft.cue is not None:
        span = doc[draft.cue.cue[0] : draft.cue.cue[1]]
        cue = Mention(span.start_char, span.end_char, span.text)
    return Quote(text, spans[0][0], spans[-1][1], spans, draft.kind, draft.speaker, cue)


class QuoteFinder:
    def __init__(self, name: str, lexicon: Lexicon, beliefs: bool) -> None:
        self.name, self.lexicon, self.beliefs = name, lexicon, beliefs

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.lexicon, self.beliefs)
        return doc


@Language.factory(
    "europenews_quotes",
    requires=["token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.quotes"],
    default_config={"beliefs": True},
)
def make_quotes_finder(nlp: Language, name: str, beliefs: bool) -> QuoteFinder:
    register_extensions()
    return QuoteFinder(name, load_lexicon(), beliefs)
