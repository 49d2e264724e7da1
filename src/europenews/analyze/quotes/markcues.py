"""Cues found from the quotation marks' side: a bare cue beside a quotation ("...,” Kallas said),
a colon or dash that introduces or signs it, and speakers the parse put inside the quotation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.cues import NAMING_VERBS
from europenews.analyze.quotes.marks import MarkedQuote
from europenews.analyze.quotes.spans import (
    CLOSING_PUNCT,
    WORD,
    Layout,
    Spans,
    chars_in_paragraph,
    sentence_before,
)
from europenews.analyze.quotes.speakers import (
    inverted_subject,
    mention_range,
    preceding_subject,
    speaker_head,
    subject_of,
)
from europenews.speech import sentence_start

CUE_AFTER_CHARS = 120  # "...,” Kallas said": how far after the closing mark a bare cue may sit
CUE_AFTER_APPOSITION_CHARS = 250
CUE_BEFORE_CHARS = 80  # "Kallas said: “...”"
COLON_BEFORE_CHARS = 250  # "He told reporters:" then the quote, possibly in the next paragraph
# Prepositions that give a quotation's source ("via the Times' Ben Sisario: “...”").
SOURCE_PREPS = frozenset({"via", "from", "per", "by", "to"})
OPENING = " \t\n\u00a0“\"‘'„«"  # what may stand between a colon and the quotation it opens
SENTENCE_GAP = re.compile(r"\w[.!?]\s*[“\"‘']?$")  # the quotation opens a new sentence
DASH_NAME = re.compile(
    r"[”\"’'\s]*(?P<dash>[―—–]|--?)[ \t\u00a0]*(?P<name>[A-Z][\w.'’ -]{1,50}?)"
    r"(?:,[^\n,]{1,80}){0,2}[.,]?[ \t\u00a0]*$",  # "-Jane Doe, tweeting after the speech."
    re.M,
)


def cue_and_speaker(doc: Doc, cue: Cue) -> Spans:
    """Character spans of the cue words and the speaker's mention (they are not content)."""
    spans = [(doc[cue.cue[0]].idx, doc[cue.cue[1] - 1].idx + len(doc[cue.cue[1] - 1]))]
    if cue.subject is not None:
        start, end = mention_range(doc[cue.subject])
        spans.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
    return spans


def nearest_bare(doc: Doc, mark: MarkedQuote, bare: list[Cue], layout: Layout) -> Cue | None:
    para = layout.paragraph(mark.end)
    best: tuple[int, Cue] | None = None
    for cue in bare:
        pos = doc[cue.cue[0]].idx
        if not cue.speech or (layout.mark_at(pos) is not None and doc[cue.cue[0]].text != ":"):
            continue
        verb = doc[cue.cue[0]]
        if pos >= mark.end and verb.tag_ == "VBN" and verb.dep_ == "advcl" and cue.subject is None:
            continue  # "“...?” when questioned about ...": the one asked did not say it
        if pos >= mark.end:
            gap = pos - mark.end
            # "“...,” Trump, the frontrunner in ..., said": a long apposition of a named speaker
            # who stands right after the quotation.
            named = cue.subject is not None and 0 <= doc[cue.subject].idx - mark.end <= 30 and (
                doc[cue.subject].ent_type_ in ("PERSON", "ORG")
            )
            limit = CUE_AFTER_APPOSITION_CHARS if named else CUE_AFTER_CHARS
            ok = gap <= limit and layout.paragraph(pos) == para
            ok = ok and not sentence_before(layout.text, mark, pos)
        else:
            gap = mark.start - pos
            limit = COLON_BEFORE_CHARS if cue.colon else CUE_BEFORE_CHARS
            same = layout.paragraph(pos) == layout.paragraph(mark.start)
            if gap > limit or not (same or cue.colon):
                continue  # (checked first: the words between are counted only when near)
            gap_text = layout.text[doc[cue.cue[1] - 1].idx : mark.start]
            ok = cue.colon or len(WORD.findall(gap_text)) <= 5
            # "... that Lind showed to the court. “Would the dog ...?”": a cue in an earlier
            # sentence does not introduce the quotation.
            ok = ok and (cue.colon or not SENTENCE_GAP.search(gap_text))
        clear = ok and not layout.mark_between(min(pos, mark.end), max(pos, mark.start))
        if clear and (best is None or gap < best[0]):
            best = (gap, cue)
    return best[1] if best else None


def dash_cue(doc: Doc, text: str, mark: MarkedQuote) -> Cue | None:
    """``“...” ― Jane Doe``: a name after a dash closes the quoted line."""
    m = DASH_NAME.match(text, mark.end)
    if m is None or len(m.group("name").split()) > 5:
        return None
    dash = doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
    name = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
    if dash is None or name is None or len(name) == 0:
        return None
    return Cue((dash.start, dash.end), name.end - 1, ())


def colon_intro(
    doc: Doc, text: str, mark: MarkedQuote, speech_verbs: frozenset[str]
) -> Cue | None:
    """``Article 33 affirms: “...”`` — the sentence that a colon hands over to the quotation."""
    before = text[max(0, mark.start - 20) : mark.start].rstrip(OPENING)
    if not before.endswith(":"):
        return None
    before = text[: mark.start].rstrip(OPENING)
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    # The parser's sentence may run on from the previous paragraph or into the quotation.
    start = colon.start
    while start > colon[0].sent.start and "\n" not in doc[start - 1].text:
        start -= 1
    last = doc[colon.start - 1]
    first = last.i
    while first > start and doc[first - 1].pos_ == "PROPN":
        first -= 1
    # "- Philip Bump: “...”", "Continued Stone: “...”": a name that signs the quotation.
    signed = last.pos_ == "PROPN" and (
        first == start or doc[first - 1].text in "-–—"
        or all(t.lemma_.lower() in speech_verbs for t in doc[start:first])
    )
    # A name a preposition governs is not who speaks ("... and contrasted him with Clinton:
    # “...”" are Perez's words).
    noun = last.head if last.dep_ == "compound" else last
    governed = noun.dep_ == "pobj" and noun.head.lower_ not in SOURCE_PREPS  # "via the Times' X:"
    if (last.ent_type_ in ("PERSON", "ORG") and not governed) or signed:
        return Cue((colon.start, colon.end), last.i, (), True)  # "- Philip Bump: “...”"
    # Verbs heading the words before the colon (their head lies outside them).
    verbs = [t for t in doc[start : colon.start] if t.pos_ in ("VERB", "AUX")
             and (t.head.i == t.i or not start <= t.head.i < colon.start)]
    speech = [t for t in doc[start : colon.start] if t.lemma_.lower() in speech_verbs
              and not (t.tag_ == "VBN" and t.dep_ == "advcl")]  # not "Asked ..., he said:"
    if speech or verbs:
        verb = (speech or verbs)[-1]  # "as X observed, the winner was ...:" → "observed"
        subject = subject_of(verb)
        if subject is not None and not start <= subject.i < colon.start:
            subject = None
        return Cue((verb.i, verb.i + 1), subject.i if subject is not None else None, (), True)
    head = next(
        (t for t in reversed(doc[start : colon.start]) if t.pos_ in ("NOUN", "PROPN")), None
    )
    if head is None or colon.start - start > 8:
        return None
    return Cue((colon.start, colon.end), head.i, (), True)


def subject_after_mark(doc: Doc, cue: Cue, layout: Layout) -> Cue:
    """``“...,” Brent Bozell III, founder of ..., tells ...``: when the parser found no subject,
    the name between the closing mark and the cue verb."""
    pos = doc[cue.cue[0]].idx
    mark = next((m for m in reversed(layout.marks) if m.end < pos), None)
    if mark is None or pos - mark.end > CUE_AFTER_APPOSITION_CHARS:
        return cue
    if "\n" in layout.text[mark.end : pos]:
        return cue
    first = doc.char_span(mark.end, pos, alignment_mode="expand")
    if first is None:
        return cue
    for tok in first:
        if tok.idx <= mark.end or tok.is_punct or tok.is_space:
            continue
        if tok.ent_type_ in ("PERSON", "ORG") or tok.pos_ in ("PROPN", "PRON", "NOUN"):
            i = tok.i
            while i + 1 < cue.cue[0] and (
                doc[i + 1].ent_iob_ == "I" or doc[i + 1].pos_ in ("PROPN", "NOUN")
            ):
                i += 1
            return replace(cue, subject=i)
        if tok.pos_ not in ("DET", "ADJ", "NUM"):
            break
    return cue


def outside_subject(doc: Doc, cue: Cue, layout: Layout, statement: list[bool]) -> Cue:
    """A speaker found inside a quotation is what was said; look beside the cue instead."""
    if cue.subject is None:
        return subject_after_mark(doc, cue, layout) if cue.speech else cue
    at = layout.mark_at(doc[cue.subject].idx)
    if at is None or layout.mark_at(doc[cue.cue[0]].idx) == at:
        return cue
    closes = layout.text[layout.marks[at].end - 1] in CLOSING_PUNCT  # "“Or Ferguson,” he said"
    if not statement[at] and not closes:
        return cue
    named = subject_after_mark(doc, replace(cue, subject=None), layout)
    if named.subject is not None and doc[named.subject].ent_type_ in NAMED_SUBJECTS:
        return named  # "“...,” Halvorsen, the candidate ..., said": the name after the mark
    earlier = preceding_subject(doc[cue.cue[0]])
    if earlier is not None and layout.mark_at(earlier.idx) is None:
        return replace(cue, subject=earlier.i)  # "..., telling the audience, “A few ...”"
    verb = doc[cue.cue[0]]
    after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i
             and layout.mark_at(c.idx) is None]
    if after:
        return replace(cue, subject=speaker_head(after[0]).i)  # "“...,” said a person close to"
    for i in range(cue.cue[1], min(cue.cue[1] + 4, len(doc))):
        tok = doc[i]
        if (tok.ent_type_ in ("PERSON", "ORG") or tok.pos_ == "PRON") and layout.mark_at(
            tok.idx
        ) is None:
            while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
                i += 1
            return replace(cue, subject=i)
    inverted = inverted_subject(verb)  # "“...,” tweeted a Norwegian user from Bergen"
    if inverted is not None and layout.mark_at(inverted.idx) is None:
        return replace(cue, subject=inverted.i)
    return subject_after_mark(doc, replace(cue, subject=None), layout)  # "“...,” Trump said."


NAMED_SUBJECTS = ("PERSON", "ORG")
OBJECTS = ("dobj", "prep", "xcomp", "attr", "oprd", "dative", "ccomp")


def quoting_verb(doc: Doc, mark: MarkedQuote, layout: Layout) -> tuple[Spans, Cue] | None:
    """``Lindgren has pushed her promise of “free buses”``: a short quotation in the object of
    a verb whose subject is a named speaker; the object is what the speaker is reported to say."""
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    child = span.root
    verb = child.head
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        child, verb = verb, verb.head
    naming = child.dep_ in ("npadvmod", "dep") and verb.lemma_.lower() in NAMING_VERBS
    if verb.pos_ != "VERB" or (child.dep_ not in OBJECTS and not naming) or child.i < verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and not any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        # "Lopez celebrated ..., declaring it “another great night”", "promised to end
        # “...”": a participle or infinitive speaks for the subject of its governing clause.
        subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        return None
    if subject.ent_type_ not in NAMED_SUBJECTS and subject.lower_ not in ("he", "she"):
        return None
    start = doc[child.left_edge.i].idx
    last = doc[child.right_edge.i]
    spans = [s for s in chars_in_paragraph(layout, start, last.idx + len(last), mark.start)]
    if not spans:
        return None
    return spans, Cue((verb.i, verb.i + 1), subject.i, ())


NAMING_HEADS = ("PERSON", "ORG", "NORP")
PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "we", "i"})


def trailing_verb(doc: Doc, mark: MarkedQuote, layout: Layout) -> Cue | None:
    """``“Would it be negotiable?” Hannity pressed.``, ``“...?” reacted Trump.``: any verb
    right after a quotation that closes its clause, with a speaker beside it, reports the
    quotation (news style puts only the attribution there)."""
    text = layout.text
    if text[mark.end - 1 : mark.end] not in (",", "?", "!"):
        return None
    after = doc.char_span(mark.end, min(len(text), mark.end + 80), alignment_mode="expand")
    if after is None:
        return None
    words = [t for t in after if t.idx >= mark.end + 1 and not t.is_punct]
    if not words or "\n" in text[mark.end : words[0].idx]:
        return None
    first = words[0]
    if first.pos_ == "VERB" and first.tag_ in ("VBD", "VBZ") and len(words) > 1:
        name = words[1]  # "..., reacted Trump."
        if name.ent_type_ in NAMING_HEADS or name.pos_ == "PROPN":
            i = name.i
            while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
                i += 1
            return Cue((first.i, first.i + 1), i, ())
        return None
    for tok in words[:7]:
        if "\n" in text[mark.end : tok.idx]:
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            verb = tok if tok.pos_ == "VERB" else tok.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
            if verb.pos_ != "VERB" or subject is None or not mark.end < subject.idx < tok.idx:
                return None
            if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
                return None  # "“...,” he said, but he thinks that ...": its own report
            head = speaker_head(subject)
            # A capitalised noun after a quotation is a name the tagger missed ("Hannity").
            named = head.ent_type_ in NAMING_HEADS or head.pos_ == "PROPN" or head.is_title
            described = head.pos_ == "NOUN" and any(
                c.dep_ in ("det", "poss") for c in head.children
            )
            if named or described or head.lower_ in PRONOUN_SPEAKERS:
                return Cue((verb.i, verb.i + 1), head.i, ())
            return None
        if tok.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART"):
            return None
    return None


INTRO_END = re.compile(r"(?:,|--|[—–])\s*[“\"‘']?\s*$")


def _clause_cue(doc: Doc, start: int, end: int, speech_verbs: frozenset[str]) -> Cue | None:
    """The cue of the clause in tokens ``[start, end)``: its last speech verb, else the verb
    heading it, with that verb's subject inside the clause."""
    verbs = [t for t in doc[start:end] if t.pos_ == "VERB"
             and (t.head.i == t.i or not start <= t.head.i < end)]
    speech = [t for t in doc[start:end] if t.pos_ == "VERB"
              and t.lemma_.lower() in speech_verbs and not (t.tag_ == "VBN" and t.dep_ != "ROOT")]
    if not (speech or verbs):
        return None
    verb = (speech or verbs)[-1]
    subject = subject_of(verb)
    if subject is None or not start <= subject.i < end:
        return None
    return Cue((verb.i, verb.i + 1), subject.i, ())


def clause_intro(
    doc: Doc, text: str, mark: MarkedQuote, speech_verbs: frozenset[str]
) -> Cue | None:
    """``Moreau shared her doubts with guests at a dinner, “I do not know ...”``, ``The mayor
    also backed the tunnel -- "I think ..."``: a full quoted sentence after a comma or
    dash takes the clause before it as its cue, whatever the verb."""
    opening = text[max(0, mark.start - 12) : mark.start]
    if not INTRO_END.search(opening) or not text[mark.start : mark.start + 1].isupper():
        return None
    before = text[: mark.start].rstrip(" \t\u00a0“\"‘'")
    start = sentence_start(text, len(before) - 1)
    span = doc.char_span(start, len(before), alignment_mode="contract")
    if span is None or not 2 <= len(span) <= 40:
        return None
    return _clause_cue(doc, span.start, span.end, speech_verbs)
