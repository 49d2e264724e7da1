"""The quote finder: pairs quotation marks (``marks.py``) with reporting cues (``cues.py``).

A cue whose content lies within marks gives a direct quote, partly in marks a mixed one, without
marks an indirect one; quotations no cue reports are read from the marks' side (``markcues.py``,
``naming.py``). docs/quotes.md describes the stages.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from europenews.analyze.doctext import doc_text
from europenews.analyze.quotes.chooser import Candidate, choose_speakers
from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.cues import find_cues
from europenews.analyze.quotes.drafts import (
    SENTENCE_END,
    Draft,
    contrasted,
    drop_nested,
    inner_report,
    own_cue,
    reports_belief,
    same_sentence,
    strip_cue,
    trails_quotation,
)
from europenews.analyze.quotes.inversion import french_speaker, reads_french_order
from europenews.analyze.quotes.lexicon import QuoteLexicon
from europenews.analyze.quotes.markcues import (
    clause_intro,
    colon_intro,
    cue_and_speaker,
    dash_cue,
    nearest_bare,
    outside_subject,
    quoting_verb,
    trailing_verb,
)
from europenews.analyze.quotes.marks import MarkedQuote, find_marked_quotes, straight_marks
from europenews.analyze.quotes.naming import (
    chant_cue,
    passive_naming,
)
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
from europenews.analyze.quotes.speakers import speaker_at
from europenews.model import Mention, Quote, Speaker

LISTED = re.compile(r"[\s,]*(?:and|or)?\s*")  # between quotations listed together
MIN_STATEMENT_WORDS = 4  # shorter quoted phrases are statements only when a cue claims them
LONG_STATEMENT_WORDS = 8  # this long, a quoted passage is a statement even without a verb
NEAR_PARAGRAPHS = 2  # line breaks: a blank line between paragraphs counts as one more
MAX_OUTSIDE_WORDS = 0  # words of a cue's content outside the marks that still make it direct
MIN_INDIRECT_WORDS = 2  # a one-word report ("backing Clinton") is too little to be a statement


# Words after which quotation marks hold a name ("a report titled “...”"), not what was said.
NAMING_WORDS = frozenset({"titled", "entitled", "headlined", "dubbed", "nicknamed"})
NAMING_LOOKBACK = 30  # characters before the marks read for one (only the word right before)


# Small words a title keeps in lower case ("The Art of the Deal").
TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
                         "by", "with", "from"})
TITLE_MAX_WORDS = 6


# Words before a title's marks: a preposition ("on “The Apprentice,”") or what it names ("the
# show “...”"). A slogan after a verb ("repeat “Law and Order”") is still something said.
TITLE_BEFORE = frozenset({"on", "in", "of", "to", "from", "before", "after", "at", "into",
                          "about", "for", "show", "series", "film", "movie", "book", "novel",
                          "album", "song", "sequel", "program", "programme", "play", "musical"})


def _title_cased(text: str, mark: MarkedQuote, least: int = 2) -> bool:
    """A short passage whose every word is capitalised, after a preposition or a noun for a
    work ("on “The Apprentice,”"), names a show, book or film; speech is not written so, even
    with a comma inside the marks. One word (``least`` 1) is a name only where no reply can
    stand ("the sequel to “Twilight”")."""
    before = text[max(0, mark.start - NAMING_LOOKBACK):mark.start].rstrip(" “\"'‘").split()
    if not before or before[-1].lower() not in TITLE_BEFORE:
        return False
    words = [w for s, e in mark.fragments for w in WORD.findall(text, s, e)]
    big = [w for w in words if w.lower() not in TITLE_SMALL]
    return (least <= len(words) <= TITLE_MAX_WORDS and len(big) >= 1 and words[0][0].isupper()
            and all(w[0].isupper() and w != "I" for w in big))


def _is_statement(doc: Doc, text: str, mark: MarkedQuote) -> bool:
    before = text[max(0, mark.start - NAMING_LOOKBACK):mark.start].rstrip(" ,:\u201c\"'").split()
    if (before and before[-1].lower() in NAMING_WORDS) or _title_cased(text, mark):
        return False
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
    text = doc_text(doc)
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
        if over:
            spans = cut_at_colon(text, spans, layout.marks[over[0]])
            over = [k for k in over
                    if overlaps((layout.marks[k].start, layout.marks[k].end), spans)]
        if over:
            marked = [layout.marks[k] for k in over]
            spans = clip(text, spans, cue_and_speaker(doc, cue)[0], marked, doc, cue.aside)
            over = [k for k in over
                    if overlaps((layout.marks[k].start, layout.marks[k].end), spans)]
        taken = [layout.marks[k] for k in over if k in bound]
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
                lost = [k for k in d.marks if layout.marks[k].end > cut]
                bound.difference_update(lost)
                d.marks = [k for k in d.marks if k not in lost]
                d.spans = [strip_punct(text, s, min(e, cut)) for s, e in d.spans if s < cut]
                d.spans = [(s, e) for s, e in d.spans if WORD.search(text, s, e)]
                d.kind = d.kind if d.marks else "indirect"
                if not d.spans:
                    drafts.remove(d)
            taken = []
        if taken and (reports_belief(doc, cue, outer) or all(
            d.cue is not None and trails_quotation(doc, cue, d.cue, d.marks, layout)
            for d in outer
        )):
            # "Trump plans to foster “...,” Carson said": the belief or intention is what
            # the outer speech verb reports, so the quotation is the reporter's (as it is for
            # "Nothing the mayor said “...,” the senator said": a verb in the subject).
            for d in outer:
                drafts.remove(d)
                bound.difference_update(d.marks)
            taken = []
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


def _speaker_of(draft: Draft, doc: Doc, lex: QuoteLexicon) -> Speaker | None:
    if draft.speaker is not None:
        return draft.speaker
    if draft.cue is None or draft.cue.subject is None:
        return None
    if reads_french_order(lex):  # a title before the name, « selon » (inversion.py)
        return french_speaker(doc, draft.cue, lex)
    return speaker_at(doc, draft.cue.subject)


def find_quotes(doc: Doc, lex: QuoteLexicon, beliefs: bool = True,
                record: list[list[Candidate]] | None = None) -> list[Quote]:
    """Pure: read the marks and the parse, return the quotes in text order. ``record``
    collects each quote's speaker candidates (``bench/train_speakers.py``)."""
    raw = doc_text(doc)
    # The rules read typewriter marks (``...'') as straight ones; the quotes keep the text.
    text = straight_marks(raw)
    marks = find_marked_quotes(text, lex.dialogue_dashes)
    statement = [_is_statement(doc, text, m) for m in marks]
    layout = Layout(text, marks)
    cues = [outside_subject(doc, c, layout, statement) for c in find_cues(doc, lex, beliefs)]
    drafts, bound, bare = _cue_drafts(doc, cues, layout, statement)
    own_cue(doc, drafts, bound, layout, statement)
    for draft in drafts:
        draft.speaker = _speaker_of(draft, doc, lex)
    # A report with neither speaker nor quotation marks is mostly a misread headline ("Calls
    # for ..."); a quoted statement is kept even when nobody can be named.
    drafts = [d for d in drop_nested(doc, drafts) if d.speaker is not None or d.marks]
    # "The mayor answered the critics by saying: “...”": a quotation whose report was dropped as
    # nested, and that no kept report covers, is read again from the marks' side.
    bound = {k for d in drafts for k in d.marks}

    def claim(draft: Draft) -> None:
        draft.speaker = _speaker_of(draft, doc, lex)
        drafts.append(draft)
        bound.update(draft.marks)

    for k, mark in enumerate(marks):
        if k in bound:
            continue
        # A short quotation that ends a clause ("“Not even one,” he said") may still be speech.
        spoken = statement[k] or (text[mark.end - 1 : mark.end] in (",", ".", "!", "?")
                                  and not _title_cased(text, mark))
        chant = chant_cue(doc, text, mark)
        if chant is not None:
            draft = Draft(list(mark.fragments), "direct", chant, marks=[k])
            for n in range(k + 1, len(marks)):  # "chants of “Lock him up” and “Go home”"
                if not LISTED.fullmatch(text, marks[n - 1].end + 1, marks[n].start - 1):
                    break
                draft.spans.extend(marks[n].fragments)
                draft.marks.append(n)
            claim(draft)
            continue
        cue = nearest_bare(doc, mark, bare, layout) if spoken else None
        if (cue is None or cue.subject is None) and statement[k]:
            intro = dash_cue(doc, text, mark) or colon_intro(doc, text, mark, lex.speech_verbs)
            if intro is not None and (cue is None or intro.subject is not None):
                cue = intro  # "Continued Stone: “...”": the signed name beats a subjectless cue
        if cue is None and spoken:
            cue = trailing_verb(doc, mark, layout)
        if cue is None and statement[k]:
            cue = clause_intro(doc, text, mark, lex.speech_verbs)
        if cue is not None:
            if cue in bare:
                bare.remove(cue)
            claim(Draft(list(mark.fragments), "direct", cue, marks=[k]))
            continue
        named = passive_naming(doc, mark, layout)
        if named is not None:
            claim(Draft(merge([*named[0], *mark.fragments]), "mixed", named[1], marks=[k],
                        guessed=True))
            continue
        found = (None if layout.starts_paragraph(mark.start) or _title_cased(text, mark, 1)
                 else quoting_verb(doc, mark, layout))
        if found is not None and any(d.cue is not None and d.cue.cue == found[1].cue
                                     for d in drafts):
            found = None  # “...,” Rutte said, “...”: the verb already reported a quotation
        if found is not None:
            # "... promises to “stop the landlords from ...”": the quotation is the object of
            # a named subject's verb (for short phrases, only when nothing else claims them).
            claim(Draft(merge([*found[0], *mark.fragments]), "mixed", found[1], marks=[k],
                        guessed=True))
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
            # "“...,” said Francis, as he called for .... “...”": a report in between does not
            # stop the direct quote of the paragraph from going on.
            here = layout.paragraph(mark.start)
            direct = [d for d in before if d.kind != "indirect"
                      and layout.paragraph(d.spans[-1][1]) == here]
            latest = max(direct, key=lambda d: d.spans[-1][1], default=None)
            # The report is an aside of the quote's own sentence ("who said ...", "as he
            # called for ..."), not the speaker going on ("..., adding that ...").
            if latest is not None and prev.cue is not None and same_sentence(
                doc, latest.spans[-1][1], prev.cue.cue[0]
            ) and doc[prev.cue.cue[0]].tag_ != "VBG":
                prev = latest
            elif latest is not None and prev.cue is not None and not prev.cue.speech:
                # "“...,” said Walker. ..., she plans to vote for Clinton. “...”": a belief or
                # intention the writer reports is no cue; the quote of the paragraph goes on.
                prev = latest
        if prev is not None and prev.kind != "indirect":
            same = layout.paragraph(prev.spans[-1][1]) == layout.paragraph(mark.start)
            gap = text[prev.spans[-1][1] : mark.start]
            # "...,” he said. “...”: PolNeAR (and readers) take it as one continuing quote.
            if same and (statement[k] or not WORD.search(strip_cue(gap, prev, doc))):
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
    drafts.sort(key=lambda d: d.spans[0])
    # The rules proposed a speaker per quote; the trained chooser (chooser.py) decides.
    model = None if reads_french_order(lex) else lex.speakers
    choose_speakers(doc, drafts, layout, lex.titles, model, record)
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
