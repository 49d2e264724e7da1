"""The quote finder: pairs quotation marks (``marks.py``) with reporting cues (``cues.py``).

Each stage proposes drafts and returns them, changing none it was given: a cue whose content
lies within marks gives a direct quote, partly in marks a mixed one, without marks an indirect
one (``_cue_drafts``); quotations no cue reports are read from the marks' side by the named
rules of ``claims.py``; the trained chooser decides the speakers. docs/quotes.md describes the
stages.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from europenews.analyze.doctext import doc_text
from europenews.analyze.quotes.chooser import Candidate, choose_speakers
from europenews.analyze.quotes.claims import Reading, claim_marks, is_statement, speaker_of
from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.cues import find_cues
from europenews.analyze.quotes.drafts import (
    Draft,
    bound_marks,
    contrasted,
    drop_nested,
    inner_report,
    own_cue,
    reports_belief,
)
from europenews.analyze.quotes.inversion import reads_french_order
from europenews.analyze.quotes.lexicon import QuoteLexicon
from europenews.analyze.quotes.markcues import cue_and_speaker, outside_subject
from europenews.analyze.quotes.marks import find_marked_quotes, straight_marks
from europenews.analyze.quotes.reports import unlisted_reports
from europenews.analyze.quotes.spans import (
    WORD,
    Layout,
    clip,
    count_words,
    cut_at_colon,
    exact_spans,
    merge,
    outside_words,
    overlaps,
    paragraph_chars,
    strip_punct,
)
from europenews.model import Mention, Quote

MAX_OUTSIDE_WORDS = 0  # words of a cue's content outside the marks that still make it direct
MIN_INDIRECT_WORDS = 2  # a one-word report ("backing Clinton") is too little to be a statement


def _cue_drafts(
    doc: Doc, cues: list[Cue], layout: Layout, statement: list[bool]
) -> tuple[list[Draft], list[Cue]]:
    """Quotes read off cues with content; returns the drafts and the cues left bare."""
    text = doc_text(doc)
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
        if over:
            spans = cut_at_colon(text, spans, layout.marks[over[0]])
            over = [k for k in over
                    if overlaps((layout.marks[k].start, layout.marks[k].end), spans)]
        if over:
            marked = [layout.marks[k] for k in over]
            spans = clip(text, spans, cue_and_speaker(doc, cue)[0], marked, doc, cue.aside)
            over = [k for k in over
                    if overlaps((layout.marks[k].start, layout.marks[k].end), spans)]
        taken = [layout.marks[k] for k in sorted(bound_marks(drafts).intersection(over))]
        outer = [d for d in drafts if set(d.marks) & set(over)]
        if taken and inner_report(doc, cue, outer):
            # "Blake said she backs a bill against the agencies, which she called “a cartel”":
            # the quotation is also the inner report's own (PolNeAR annotates both).
            drafts.append(Draft(merge(spans), "mixed", cue, marks=over, nested=True))
            continue
        if taken and contrasted(doc, cue, outer):
            # "Rubio suggested that ..., while Cruz said that the “...”": the contrasted
            # report is no part of the first one's content; its quotation is its own.
            cut = doc[doc[cue.cue[0]].left_edge.i].idx
            for d in outer:
                kept = [k for k in d.marks if layout.marks[k].end <= cut]
                cuts = [strip_punct(text, s, min(e, cut)) for s, e in d.spans if s < cut]
                cuts = [(s, e) for s, e in cuts if WORD.search(text, s, e)]
                at = next(i for i, o in enumerate(drafts) if o is d)
                drafts[at:at + 1] = [replace(d, spans=cuts, marks=kept, kind=(
                    d.kind if kept else "indirect"))] if cuts else []
            taken = []
        if taken and reports_belief(doc, cue, outer):
            # "Trump plans to foster “...,” Carson said": the belief or intention is what
            # the outer speech verb reports, so the quotation is the reporter's.
            drafts = [d for d in drafts if all(d is not o for o in outer)]
            taken = []
        if taken:
            # Another cue already reported that quotation: keep what lies beyond it
            # ("“...,” Clinton said. “...,” she continued.").
            pos = doc[cue.cue[0]].idx
            spans = [(max(s, taken[-1].end + 1), e) if taken[-1].end <= pos
                     else (s, min(e, taken[0].start - 1)) for s, e in spans]
            spans = [(s, e) for s, e in spans if e > s and WORD.search(text, s, e)]
            over = [k for k in sorted(set(over) - bound_marks(drafts))
                    if overlaps((layout.marks[k].start, layout.marks[k].end), spans)]
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
    return drafts, bare


def find_quotes(doc: Doc, lex: QuoteLexicon, beliefs: bool = True,
                record: list[list[Candidate]] | None = None) -> list[Quote]:
    """Pure: read the marks and the parse, return the quotes in text order. ``record``
    collects each quote's speaker candidates (``bench/train_speakers.py``)."""
    raw = doc_text(doc)
    # The rules read typewriter marks (``...'') as straight ones; the quotes keep the text.
    text = straight_marks(raw)
    marks = find_marked_quotes(text, lex.dialogue_dashes)
    statement = [is_statement(doc, text, m) for m in marks]
    layout = Layout(text, marks)
    cues = [outside_subject(doc, c, layout, statement) for c in find_cues(doc, lex, beliefs)]
    drafts, bare = _cue_drafts(doc, cues, layout, statement)
    drafts = own_cue(doc, drafts, layout, statement)
    drafts = [replace(d, speaker=speaker_of(d, doc, lex)) for d in drafts]
    # A report with neither speaker nor quotation marks is mostly a misread headline ("Calls
    # for ..."); a quoted statement is kept even when nobody can be named.
    drafts = [d for d in drop_nested(doc, drafts) if d.speaker is not None or d.marks]
    # "The mayor answered the critics by saying: “...”": a quotation whose report was dropped as
    # nested, and that no kept report covers, is read again from the marks' side.
    drafts = claim_marks(Reading(doc, text, lex, layout, statement), drafts, bare)
    drafts.sort(key=lambda d: d.spans[0])
    # The rules proposed a speaker per quote; the trained chooser (chooser.py) decides.
    model = None if reads_french_order(lex) else lex.speakers
    drafts = choose_speakers(doc, drafts, layout, lex.titles, model, record)
    quotes = [_to_quote(doc, raw, d) for d in drafts]
    return unlisted_reports(doc, lex, quotes) if beliefs else quotes


def _to_quote(doc: Doc, full: str, draft: Draft) -> Quote:
    spans = tuple(exact_spans(full, draft.spans))
    text = " ".join(full[s:e] for s, e in spans)
    cue = None
    if draft.cue is not None:
        span = doc[draft.cue.cue[0] : draft.cue.cue[1]]
        cue = Mention(span.start_char, span.end_char, span.text)
    return Quote(text, spans[0][0], spans[-1][1], spans, draft.kind, draft.speaker, cue)
