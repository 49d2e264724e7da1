"""Where a cue's content ends, and what else a sentence around a quotation reports.

Token-level rules over the parse, read by ``cues.py``: the speaker going on after a quotation
("found Trump “very charming” and called ...", "..., citing ..."), and a cue set off by commas
inside the sentence it reports ("Biden, Rubio said, had been ...").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.lexicon import QuoteLexicon
from europenews.analyze.quotes.marks import QUOTE_TOKENS
from europenews.analyze.quotes.speakers import SUBJECTS

OPENING = frozenset({"“", '"', "``", "‘"})
# "when" was tried too: +1 direct quote on train, but quote+speaker F1 down on the check slice.
FRAME_MARKS = frozenset({"as", "though", "although", "while"})


def inside_marks(token: Token) -> bool:
    """Whether ``token`` stands inside quotation marks opened earlier in its paragraph."""
    doc = token.doc
    start, first = token.i, token.sent.start
    while start > first and "\n" not in doc[start - 1].text:
        start -= 1
    depth = 0
    for tok in doc[start : token.i]:
        if tok.text in ("“", "``"):
            depth += 1
        elif tok.text in ("”", "''"):
            depth = max(0, depth - 1)
        elif tok.text == '"':
            depth = 0 if depth else 1
    return depth > 0


def tail_report(verb: Token, found: tuple[int, int], speech: frozenset[str]) -> Token | None:
    """The first report verb inside a quoted content that is the speaker going on, not what
    was said: ``found the plan to be “very clever” and called the budget ...``, ``argue that
    “there is a clear precedent,” citing a case ...``, ``“too early” ... while adding ...``: a
    speech verb (or any participle after a comma: ``..., again using an accent``) outside the
    marks, after a quotation, with no subject of its own. PolNeAR ends the content before it
    and makes a speech verb a report of its own."""
    doc = verb.doc
    start, end = found
    quote = next((i for i in range(start, end) if doc[i].text in QUOTE_TOKENS), None)
    if quote is None:
        return None
    for tok in doc[start:end]:
        if "\n" in tok.text or (tok.text in (".", "!", "?") and not inside_marks(tok)):
            return None  # a new sentence the parser ran on: not the speaker going on
        if start > verb.i and tok.i > quote and frames(tok) and not inside_marks(tok):
            return tok  # the narrative's frame (before an inverted cue it is what was said)
        if tok.i <= quote or tok.dep_ not in ("conj", "advcl") or tok.pos_ != "VERB":
            continue
        participle = tok.tag_ == "VBG" and doc[tok.left_edge.i - 1].text in (",", "”", '"')
        if (tok.lemma_.lower() not in speech and not participle) or inside_marks(tok):
            continue  # a speech verb inside the marks is part of what was said
        if any(c.dep_ in (*SUBJECTS, "nsubjpass", "expl") for c in tok.children):
            continue
        return tok
    return None


def aside_content(verb: Token, lex: QuoteLexicon) -> tuple[tuple[int, int], ...] | None:
    """``Deputy Mayor Ann Lee, Ruiz said, had sat on the council for “a whole era”``,
    ``Over time, several analysts say, the gain could ...``, ``Instead, Lopez told ABC,
    her plan would ...``: a subject and its speech verb set off by commas inside a sentence
    report the whole sentence around them (a quotation that opens a new sentence after the
    aside is left to the usual reading: ``On Monday, Lopez said, “We ...”``)."""
    doc = verb.doc
    if verb.dep_ not in ("parataxis", "ROOT", "ccomp"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return None
    if any(t.dep_ not in ("aux", "neg", "advmod") for t in doc[subject.right_edge.i + 1 : verb.i]):
        return None
    lo, hi = subject.left_edge.i, verb.i + 1
    for child in verb.rights:  # "Trump told CNN, ...": the addressee belongs to the aside
        if child.i == hi and (child.dep_ in ("dative", "prt") or (
            child.dep_ == "dobj" and verb.lemma_.lower() == "tell"
        )):
            hi = child.right_edge.i + 1
    if lo == 0 or hi >= len(doc) or doc[lo - 1].text != "," or doc[hi].text != ",":
        return None
    if inside_marks(verb):
        return None
    sent = verb.sent
    start = sent.start
    while start < lo and (doc[start].is_space or doc[start].text in OPENING):
        start += 1
    after = [t for t in doc[hi + 1 : sent.end] if not t.is_space]
    if not any(t.is_alpha for t in doc[start : lo - 1]) or sum(t.is_alpha for t in after) < 2:
        return None
    if any(t.i != verb.head.i and t.pos_ == "VERB" and _reports(t, lex) for t in doc[start:lo]):
        return None  # "Ana admitted ..., which was the plan, she said, “...”"
    if after[0].tag_ == "VBG" or (after[0].text in OPENING and after[0].i + 1 < len(doc) and (
        doc[after[0].i + 1].text[:1].isupper()
    )):
        return None  # "..., he said, recalling ...", "At the rally, she said, “We ...”"
    if all(t.tag_ == "CC" or t.is_punct for t in doc[start : lo - 1]):
        start = lo  # "But, Lind added, the mayor had ...": the conjunction is the narrative's
    parts = (trim_span(doc[start : lo - 1], 1), trim_span(doc[hi + 1 : sent.end]))
    return tuple(r for r in parts if r is not None) or None


def _reports(verb: Token, lex: QuoteLexicon) -> bool:
    """A speech or belief verb with a subject of its own."""
    lemma = verb.lemma_.lower()
    return (lemma in lex.speech_verbs or lemma in lex.belief_verbs) and any(
        c.dep_ in SUBJECTS for c in verb.children)


def frames(tok: Token, marks: frozenset[str] = FRAME_MARKS) -> bool:
    """``... “happy where we are” as she faces ...``, ``... a “crude attack” while Dupont
    suggests ...``, ``... “never reports my work fairly” before raising ...``: a framing or
    contrasting clause of the narrative (or what the speaker did next), not what was said."""
    if tok.dep_ == "advcl":
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in tok.children)
    if tok.dep_ == "prep" and tok.lower_ in ("before", "after"):
        return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in tok.children)
    return False


def before_tail(found: tuple[int, int], tail: Token) -> tuple[int, int]:
    """``found`` ended before ``tail`` and the "and" or comma that joins it."""
    doc = tail.doc
    cut = tail.left_edge.i
    while cut > found[0] and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].text in ",;-–—"):
        cut -= 1
    return (found[0], cut) if cut > found[0] else found


def tail_speakers(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """A report verb cut off another report's content (``..., explaining, “...”``) speaks for
    that report's speaker when it has no subject of its own."""
    speakers = {c.tail: c.subject for c in cues if c.tail is not None and c.subject is not None}
    if not speakers:
        return cues
    return [
        replace(c, subject=speakers[c.cue[0]]) if c.cue[0] in speakers and not any(
            k.dep_ in SUBJECTS for k in doc[c.cue[0]].children) else c
        for c in cues
    ]


def trim_span(span: Span, min_words: int = 2) -> tuple[int, int] | None:
    """``span`` without edge punctuation (quotation marks stay), if it keeps enough words."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct and doc[start].text not in "“‘\"'"):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in "”’\"'":
        end -= 1
    words = sum(1 for t in doc[start:end] if not t.is_punct)
    return (start, end) if words >= min_words else None


def has_quote(token: Token) -> bool:
    """Whether the token's subtree holds a quotation mark."""
    return any(t.text in QUOTE_TOKENS for t in token.subtree)


def _closing_mark(doc: Doc, start: int, end: int) -> int | None:
    """Index of the last closing quotation mark in ``[start, end)``."""
    depth, last = 0, None
    for tok in doc[start:end]:
        if tok.text in ("“", "``") or (tok.text == '"' and depth == 0):
            depth += 1
        elif tok.text in ("”", "''", '"') and depth:
            depth -= 1
            last = tok.i
    return last


def named_content(verb: Token, found: tuple[int, int]) -> tuple[int, int]:
    """What a naming verb reports, read around its quoted name: ``called the plan “rigged”
    in an interview``, ``described the budget as “reckless” in a speech``: the name ends the content
    (where and when the speaker said it is the narrative's). The object stays: PolNeAR marks
    ``the long lines “unacceptable”`` (leaving out a long object lost 9 direct quotes on train
    for 3 gained)."""
    doc = verb.doc
    start, end = found
    if start < verb.i:
        return found
    # The parser often leaves the closing mark after a comma or stop outside the range.
    close = _closing_mark(doc, start, min(len(doc), end + 2))
    if close is None or close + 1 >= end:
        return found
    rest = [t for t in doc[close + 1 : end] if not t.is_punct]
    if not rest or rest[0].dep_ not in ("prep", "npadvmod", "advmod", "advcl") or any(
        t.text in QUOTE_TOKENS for t in doc[close + 1 : end]
    ):
        return found
    # "“the jewel” on the Danube Cycle Route": a place or name goes on with the name;
    # "on his radio show", "in a tweet Tuesday": where it was said.
    if any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in rest[0].children):
        return found
    return (start, close + 1)
