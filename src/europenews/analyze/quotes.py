"""Quotes: who said what — direct, indirect and mixed quotations with speaker and cue.

Two sources of evidence meet here: quotation marks in the raw text (``quotemarks.py``) and
reporting cues in the parse (``cues.py``). A cue whose content lies within quotation marks gives
a direct quote; content partly in marks gives a mixed one; content without marks an indirect
one. Quoted statements with no cue of their own take the nearest bare cue ("..., Kallas said"),
continue the previous quote of their paragraph ("...," he said, "...") or the previous
paragraph's speaker. Short quoted phrases nobody is said to have said (scare quotes, titles)
are not statements. Speakers resolve to entities in ``attribution.py``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc

from europenews.analyze.attribution import EntityIndex, build_index, resolve_speaker
from europenews.analyze.cues import (
    Cue,
    Lexicon,
    find_cues,
    load_lexicon,
    mention_range,
    subject_of,
)
from europenews.analyze.extensions import register_extensions
from europenews.analyze.quotemarks import MarkedQuote, find_marked_quotes
from europenews.model import Mention, Quote, Speaker

WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?][\s”\"’']")
MIN_STATEMENT_WORDS = 4  # shorter quoted phrases are statements only when a cue claims them
LONG_STATEMENT_WORDS = 8  # this long, a quoted passage is a statement even without a verb
CUE_AFTER_CHARS = 120  # "...,” Kallas said": how far after the closing mark a bare cue may sit
CUE_BEFORE_CHARS = 80  # "Kallas said: “...”"
COLON_BEFORE_CHARS = 250  # "He told reporters:" then the quote, possibly in the next paragraph
NEAR_PARAGRAPHS = 2  # line breaks: a blank line between paragraphs counts as one more
MAX_OUTSIDE_WORDS = 2  # words of a cue's content outside the marks that still make it direct
MIN_INDIRECT_WORDS = 2  # a one-word report ("backing Clinton") is too little to be a statement

Spans = list[tuple[int, int]]


@dataclass
class Draft:
    """A quote under construction (character spans)."""

    spans: Spans
    kind: str
    cue: Cue | None = None
    speaker: Speaker | None = None
    marks: list[int] = field(default_factory=list)


def _words(text: str, spans: Spans) -> int:
    return sum(len(WORD.findall(text[s:e])) for s, e in spans)


def _is_statement(doc: Doc, text: str, mark: MarkedQuote) -> bool:
    words = _words(text, list(mark.fragments))
    if words >= LONG_STATEMENT_WORDS or len(mark.fragments) > 1:
        return True
    if words < MIN_STATEMENT_WORDS:
        return False
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _chars(doc: Doc, text: str, ranges: tuple[tuple[int, int], ...]) -> Spans:
    """Character spans of token ranges, cut at the first line break (content stays in its
    paragraph even when the parser's sentence runs on into the next one)."""
    out: Spans = []
    for s, e in ranges:
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        cut = text.find("\n", start, end)
        if cut != -1:
            end = len(text[start:cut].rstrip()) + start
        if end > start:
            out.append((start, end))
    return out


def _overlaps(a: tuple[int, int], spans: Spans) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _merge(spans: Spans) -> Spans:
    merged: Spans = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _outside_words(text: str, spans: Spans, inside: Spans) -> int:
    count = 0
    for s, e in spans:
        for m in WORD.finditer(text, s, e):
            if not any(a <= m.start() < b for a, b in inside):
                count += 1
    return count


class _Layout:
    """Paragraph and quotation-mark positions of a text."""

    def __init__(self, text: str, marks: list[MarkedQuote]) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer(r"\n", text)]
        self.marks = marks

    def paragraph(self, char: int) -> int:
        """Index of the paragraph holding ``char`` (blank lines count as their own)."""
        return bisect.bisect_right(self.breaks, char)

    def mark_at(self, char: int) -> int | None:
        for k, mark in enumerate(self.marks):
            if any(s - 1 <= char < e + 1 for s, e in mark.fragments):
                return k
        return None

    def mark_between(self, a: int, b: int) -> bool:
        return any(a < m.start and m.end < b for m in self.marks)

    def starts_paragraph(self, char: int) -> bool:
        line_start = self.text.rfind("\n", 0, char) + 1
        return not self.text[line_start:char].strip(" \t“”\"‘'„«")


def _cue_drafts(
    doc: Doc, cues: list[Cue], layout: _Layout, statement: list[bool]
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
        spans = _chars(doc, text, cue.content)
        here = layout.paragraph(doc[cue.cue[0]].idx)
        spans = [s for s in spans if layout.paragraph(s[0]) == here]  # not across a heading
        if not spans:
            continue
        over = [k for k, m in enumerate(layout.marks) if _overlaps((m.start, m.end), spans)]
        if any(k in bound for k in over):
            continue  # another cue already reported this quotation
        frags = [f for k in over for f in layout.marks[k].fragments]
        ignore = frags + _cue_and_speaker(doc, cue)
        if over and _outside_words(text, spans, ignore) <= MAX_OUTSIDE_WORDS:
            drafts.append(Draft(_merge(frags), "direct", cue, marks=over))
        elif over:
            drafts.append(Draft(_merge(spans + frags), "mixed", cue, marks=over))
        elif _words(text, spans) >= MIN_INDIRECT_WORDS:
            drafts.append(Draft(spans, "indirect", cue))
        bound.update(over)
    return drafts, bound, bare


def _cue_and_speaker(doc: Doc, cue: Cue) -> Spans:
    """Character spans of the cue words and the speaker's mention (they are not content)."""
    spans = [(doc[cue.cue[0]].idx, doc[cue.cue[1] - 1].idx + len(doc[cue.cue[1] - 1]))]
    if cue.subject is not None:
        start, end = mention_range(doc[cue.subject])
        spans.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
    return spans


def _nearest_bare(doc: Doc, mark: MarkedQuote, bare: list[Cue], layout: _Layout) -> Cue | None:
    para = layout.paragraph(mark.end)
    best: tuple[int, Cue] | None = None
    for cue in bare:
        pos = doc[cue.cue[0]].idx
        if not cue.speech or (layout.mark_at(pos) is not None and doc[cue.cue[0]].text != ":"):
            continue
        if pos >= mark.end:
            gap = pos - mark.end
            ok = gap <= CUE_AFTER_CHARS and layout.paragraph(pos) == para
        else:
            gap = mark.start - pos
            limit = COLON_BEFORE_CHARS if cue.colon else CUE_BEFORE_CHARS
            same = layout.paragraph(pos) == layout.paragraph(mark.start)
            between = len(WORD.findall(layout.text[doc[cue.cue[1] - 1].idx : mark.start])) - 1
            ok = gap <= limit and (same or cue.colon) and (cue.colon or between <= 4)
        clear = ok and not layout.mark_between(min(pos, mark.end), max(pos, mark.start))
        if clear and (best is None or gap < best[0]):
            best = (gap, cue)
    return best[1] if best else None


DASH_NAME = re.compile(
    r"[”\"’'\s]*(?P<dash>[―—–]|--?)[ \t\u00a0]*(?P<name>[A-Z][\w.'’ -]{1,50}?)[.,]?[ \t]*$", re.M
)


def _dash_cue(doc: Doc, text: str, mark: MarkedQuote) -> Cue | None:
    """``“...” ― Jane Doe``: a name after a dash closes the quoted line."""
    m = DASH_NAME.match(text, mark.end)
    if m is None or len(m.group("name").split()) > 5:
        return None
    dash = doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
    name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
    if dash is None or name is None or len(name) == 0:
        return None
    return Cue((dash.start, dash.end), name.end - 1, ())


def _colon_intro(doc: Doc, text: str, mark: MarkedQuote) -> Cue | None:
    """``Article 33 affirms: “...”`` — the sentence that a colon hands over to the quotation."""
    before = text[max(0, mark.start - 20) : mark.start].rstrip(" \t\n“\"‘'„«")
    if not before.endswith(":"):
        return None
    before = text[: mark.start].rstrip(" \t\n“\"‘'„«")
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    root = sent.root
    if root.pos_ in ("VERB", "AUX") and root.i < colon.start:
        subject = subject_of(root)
        return Cue((root.i, root.i + 1), subject.i if subject is not None else None, (), True)
    head = next(
        (t for t in reversed(doc[sent.start : colon.start]) if t.pos_ in ("NOUN", "PROPN")), None
    )
    if head is None or colon.start - sent.start > 8:
        return None
    return Cue((colon.start, colon.end), head.i, (), True)


def _outside_subject(doc: Doc, cue: Cue, layout: _Layout, statement: list[bool]) -> Cue:
    """A speaker found inside a quotation is what was said; look beside the cue instead."""
    if cue.subject is None:
        return cue
    at = layout.mark_at(doc[cue.subject].idx)
    if at is None or not statement[at] or layout.mark_at(doc[cue.cue[0]].idx) == at:
        return cue
    for i in range(cue.cue[1], min(cue.cue[1] + 4, len(doc))):
        tok = doc[i]
        if (tok.ent_type_ in ("PERSON", "ORG") or tok.pos_ == "PRON") and layout.mark_at(
            tok.idx
        ) is None:
            while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
                i += 1
            return replace(cue, subject=i)
    return replace(cue, subject=None)


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
    layout = _Layout(text, marks)
    cues = [_outside_subject(doc, c, layout, statement) for c in find_cues(doc, lex, beliefs)]
    drafts, bound, bare = _cue_drafts(doc, cues, layout, statement)
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
        cue = _nearest_bare(doc, mark, bare, layout) if spoken else None
        if cue is None and statement[k]:
            cue = _dash_cue(doc, text, mark) or _colon_intro(doc, text, mark)
        if cue is not None:
            if cue in bare:
                bare.remove(cue)
            draft = Draft(list(mark.fragments), "direct", cue, marks=[k])
            draft.speaker = _speaker_of(draft, doc, index, lex)
            drafts.append(draft)
            bound.add(k)
            continue
        before = [d for d in drafts if d.spans[-1][1] <= mark.start]
        prev = max(before, key=lambda d: d.spans[-1][1], default=None)
        if prev is not None and prev.kind == "indirect" and statement[k]:
            gap = text[prev.spans[-1][1] : mark.start]
            if "\n" not in gap and not SENTENCE_END.search(gap):
                # "X said that ..., but “...”": the quotation continues the reported speech.
                prev.spans = _merge([*prev.spans, (prev.spans[-1][1], mark.end)])
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


def _parenthetical(doc: Doc, cue: Cue, layout: _Layout) -> Draft | None:
    """``Many of the closures, he said, involved ...``: the sentence around a bare cue."""
    verb = doc[cue.cue[0]]
    if not cue.speech or cue.subject is None or verb.pos_ != "VERB":
        return None
    sent = verb.sent
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    if verb.dep_ not in ("parataxis", "ROOT") or hi - lo > 8:
        return None
    parts = [(sent.start, lo), (hi, sent.end)]
    ranges = tuple((s, e) for s, e in parts if sum(not t.is_punct for t in doc[s:e]) >= 1)
    spans = _chars(doc, layout.text, ranges)
    spans = [_strip_punct(layout.text, s, e) for s, e in spans]
    spans = [(s, e) for s, e in spans if e > s]
    if _words(layout.text, spans) < 4 or any(
        _overlaps((m.start, m.end), spans) for m in layout.marks
    ):
        return None
    return Draft(spans, "indirect", cue)


def _strip_punct(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


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
