"""Character spans of quotations: paragraphs, quotation marks, and where content starts and ends.

Pure string and offset work shared by the quote finder: which paragraph a character is in, which
quotation mark span covers it, and the news conventions that bound a quotation's content (a
quotation that closes its sentence ends the content; a colon hands over to what follows).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from europenews.analyze.quotes.marks import (
    CLOSE_DOUBLE,
    OPEN_DOUBLE,
    STRAIGHT_DOUBLE,
    MarkedQuote,
    strip_space,
)

WORD = re.compile(r"\w+")
PARAGRAPH = re.compile(r"[^\n]+")
CLOSING_PUNCT = ",.!?"  # a quotation ending on these closes a sentence or clause
Spans = list[tuple[int, int]]
TAIL_BREAK = re.compile(r",\s|\s[–—-]\s|\s--\s")
COLON_QUOTE = re.compile(r":\s*[“\"‘'„«]")


def count_words(text: str, spans: Spans) -> int:
    return sum(len(WORD.findall(text[s:e])) for s, e in spans)


def paragraph_chars(
    doc: Doc, text: str, ranges: tuple[tuple[int, int], ...], layout: Layout, para: int
) -> Spans:
    """Character spans of token ranges, keeping only the part inside paragraph ``para`` (the
    parser's sentence may run across a paragraph break on either side of the cue)."""
    out: Spans = []
    for s, e in ranges:
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        for m in PARAGRAPH.finditer(text, start, end):
            if layout.paragraph(m.start()) == para:
                piece = strip_space(text, m.start(), m.end())
                if piece[1] > piece[0]:
                    out.append(piece)
    return out


def overlaps(a: tuple[int, int], spans: Spans) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def merge(spans: Spans) -> Spans:
    merged: Spans = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def outside_words(text: str, spans: Spans, inside: Spans) -> int:
    count = 0
    for s, e in spans:
        for m in WORD.finditer(text, s, e):
            if not any(a <= m.start() < b for a, b in inside):
                count += 1
    return count


class Layout:
    """Paragraph and quotation-mark positions of a text."""

    def __init__(self, text: str, marks: list[MarkedQuote]) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer(r"\n", text)]
        self.marks = marks
        self._at: dict[int, int | None] = {}  # mark_at's answers: asked again for every mark

    def paragraph(self, char: int) -> int:
        """Index of the paragraph holding ``char`` (blank lines count as their own)."""
        return bisect.bisect_right(self.breaks, char)

    def mark_at(self, char: int) -> int | None:
        if char not in self._at:
            self._at[char] = next((k for k, mark in enumerate(self.marks) if any(
                s - 1 <= char < e + 1 for s, e in mark.fragments)), None)
        return self._at[char]

    def mark_between(self, a: int, b: int) -> bool:
        return any(a < m.start and m.end < b for m in self.marks)

    def starts_paragraph(self, char: int) -> bool:
        line_start = self.text.rfind("\n", 0, char) + 1
        return not self.text[line_start:char].strip(" \t“”\"‘'„«")


def sentence_before(text: str, mark: MarkedQuote, pos: int) -> bool:
    """Whether a quotation ends its own sentence ("...”) before ``pos`` and a new sentence
    starts between them."""
    if mark.end > pos or text[mark.end - 1] != ".":
        return False
    return bool(WORD.search(text, mark.end + 1, pos))


def cut_at_colon(text: str, spans: Spans, mark: MarkedQuote) -> Spans:
    """``Rhimes declared the need for ...: “...,” she said``: a report whose own object ends
    at a colon does not take the quotation the colon opens."""
    if spans[0][0] >= mark.start:
        return spans
    colon = COLON_QUOTE.search(text, spans[0][0], mark.start + 1)
    if colon is None or count_words(text, [(spans[0][0], colon.start())]) < 2:
        return spans
    return [(s, min(e, colon.start())) for s, e in spans if s < colon.start()]


def goes_on(doc: Doc, text: str, end: int) -> bool:
    """Whether the clause a quotation closes with a comma goes on after it (``are
    “negotiable,” but only small details ...``, ``aren't “consistent,” with some ...``) rather
    than handing over to an aside (``..., claiming that ...``, ``..., which ...``, an
    apposition)."""
    span = doc.char_span(end, min(len(text), end + 60), alignment_mode="expand")
    words = [t for t in span[:3] if not t.is_punct] if span is not None else []
    if len(words) < 2 or "\n" in text[end : words[0].idx]:
        return False
    first, second = words[0], words[1]
    if first.tag_ == "IN" and first.lower_ not in ("as", "because", "while", "although"):
        return True
    # "could be “far off,” and have failed before", "is ready to “fix the buses,”
    # repair the roads ...": a bare verb or a perfect goes on with the reported verb phrase.
    verb = second if first.tag_ == "CC" else first
    if (verb.tag_ == "VB" and verb.dep_ in ("conj", "advcl", "ccomp")) or (
        first.tag_ == "CC" and verb.dep_ == "aux" and verb.lemma_ == "have"
    ):
        return True
    if first.tag_ == "CC":
        return not second.tag_.startswith("VB")
    return first.tag_ == "PRP" and second.tag_.startswith(("VB", "MD"))


def clip(
    text: str, spans: Spans, cue: tuple[int, int], marks: list[MarkedQuote], doc: Doc | None = None,
    aside: bool = False,
) -> Spans:
    """Keep a quotation's content on the quotation's side of its cue (both sides for an
    ``aside`` cue: "Biden, Rubio said, had been ... “a thousand years”"), and end it where a
    quoted sentence closes ("“We will win,” Rutte said in Brussels on Monday")."""
    lo, hi = 0, len(text)
    closing = [m for m in marks if text[m.end - 1] in CLOSING_PUNCT]
    if not aside and marks[0].start >= cue[1]:
        lo = cue[1]
    elif not aside and marks[0].end <= cue[0]:
        hi = cue[0]
        if closing and closing[0].end <= cue[0] and not (
            text[closing[0].end - 1] == "," and doc is not None
            and goes_on(doc, text, closing[0].end)
        ):
            # The quotation before its cue ends the content, unless the clause goes on
            # ("“There is a feeling of relief now,” and bookings started ..., Okonkwo said").
            hi = closing[0].end
    last = text[marks[-1].end - 1]
    # A quotation closing its clause ends the content, unless a comma inside the marks only
    # pauses a clause that goes on ("are “negotiable,” but only ...").
    going_on = last == "," and doc is not None and goes_on(doc, text, marks[-1].end)
    if marks[-1].end > cue[1] and last in CLOSING_PUNCT and not going_on:
        hi = min(hi, marks[-1].end)
    # Before an inverted cue the clause runs up to the cue ("was “especially harmful” to ...,
    # which had fewer ..., the complaint alleges").
    before_cue = not aside and marks[-1].end <= cue[0] and spans[-1][1] <= cue[0]
    tail = None if before_cue else TAIL_BREAK.search(
        text, marks[-1].end + 1, min(hi, spans[-1][1]))
    if tail is not None:
        hi = min(hi, tail.start())  # "... “not get pushed around” at her market, a jab at ..."
    clipped = [(max(s, lo), min(e, hi)) for s, e in spans]
    return [strip_punct(text, s, e) if (s, e) not in spans else (s, e)
            for s, e in clipped if e > s and WORD.search(text, s, e)]


def strip_punct(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


def chars_in_paragraph(layout: Layout, start: int, end: int, anchor: int) -> Spans:
    """``[start, end)`` cut to the paragraph holding ``anchor``, without edge punctuation."""
    para = layout.paragraph(anchor)
    for m in PARAGRAPH.finditer(layout.text, start, end):
        if layout.paragraph(m.start()) == para:
            s, e = strip_punct(layout.text, m.start(), m.end())
            return [(s, e)] if e > s else []
    return []


# Clause punctuation a quotation ends on only because the sentence around it goes on ("“We will
# win,” she said"): not part of the words quoted.
TRAILING_CLAUSE = ",;:—–-"


def _unclosed(piece: str) -> int:
    """Double marks opened in ``piece`` and not closed in it (negative: closed, not opened)."""
    curly = sum(piece.count(c) for c in OPEN_DOUBLE) - sum(piece.count(c) for c in CLOSE_DOUBLE)
    return curly + piece.count(STRAIGHT_DOUBLE) % 2


def exact_spans(text: str, spans: Spans) -> Spans:
    """A quotation's spans as the words quoted: the last one without the clause punctuation
    that joins it to the cue ("…for our survival," → "…for our survival"), and each one's
    inner quotation marks balanced by taking in the mark just outside it ("…decides to “draw
    the line somewhere" → "… “draw the line somewhere”"). Only marks and punctuation move, so
    the words, and what quote matching counts, stay the same."""
    out: Spans = []
    for n, (start, end) in enumerate(spans):
        if n == len(spans) - 1:
            while end > start and (text[end - 1].isspace() or text[end - 1] in TRAILING_CLAUSE):
                end -= 1
        balance = _unclosed(text[start:end])
        if balance > 0 and end < len(text) and text[end] in CLOSE_DOUBLE + STRAIGHT_DOUBLE:
            end += 1
        elif balance < 0 and start > 0 and text[start - 1] in OPEN_DOUBLE:
            start -= 1
        if end > start:
            out.append((start, end))
    return out or spans
