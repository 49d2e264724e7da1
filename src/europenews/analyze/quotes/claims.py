"""Quotations from the marks' side (stage 8 of docs/quotes.md): named generators.

Every quotation no kept report covers is read again. Each rule below reads one quotation, the
drafts so far and the cues left bare, and proposes a draft (a new quote, or a copy of an earlier
one that goes on over the quotation) without changing anything; ``claim_marks`` tries the rules
in the order of ``RULES`` and takes the first proposal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.tokens import Doc

from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.drafts import (
    SENTENCE_END,
    Draft,
    same_sentence,
    strip_cue,
)
from europenews.analyze.quotes.inversion import french_speaker, reads_french_order
from europenews.analyze.quotes.lexicon import QuoteLexicon
from europenews.analyze.quotes.markcues import (
    clause_intro,
    colon_intro,
    dash_cue,
    nearest_bare,
    quoting_verb,
    trailing_verb,
)
from europenews.analyze.quotes.marks import MarkedQuote
from europenews.analyze.quotes.naming import chant_cue, passive_naming
from europenews.analyze.quotes.spans import WORD, Layout, count_words, merge
from europenews.analyze.quotes.speakers import speaker_at
from europenews.model import Speaker

LISTED = re.compile(r"[\s,]*(?:and|or)?\s*")  # between quotations listed together
MIN_STATEMENT_WORDS = 4  # shorter quoted phrases are statements only when a cue claims them
LONG_STATEMENT_WORDS = 8  # this long, a quoted passage is a statement even without a verb
NEAR_PARAGRAPHS = 2  # line breaks: a blank line between paragraphs counts as one more

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


def title_cased(text: str, mark: MarkedQuote, least: int = 2) -> bool:
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


def is_statement(doc: Doc, text: str, mark: MarkedQuote) -> bool:
    """Whether a quoted passage is a statement on its own (stage 2), not a name or a phrase."""
    before = text[max(0, mark.start - NAMING_LOOKBACK):mark.start].rstrip(" ,:\u201c\"'").split()
    if (before and before[-1].lower() in NAMING_WORDS) or title_cased(text, mark):
        return False
    n = count_words(text, list(mark.fragments))
    if n >= LONG_STATEMENT_WORDS or len(mark.fragments) > 1:
        return True
    if n < MIN_STATEMENT_WORDS:
        return False
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def speaker_of(draft: Draft, doc: Doc, lex: QuoteLexicon) -> Speaker | None:
    """The speaker the rules give a draft: its own, or its cue's subject."""
    if draft.speaker is not None or draft.cue is None or draft.cue.subject is None:
        return draft.speaker
    if reads_french_order(lex):  # a title before the name, « selon » (inversion.py)
        return french_speaker(doc, draft.cue, lex)
    return speaker_at(doc, draft.cue.subject)


@dataclass(frozen=True)
class Reading:
    """What every rule reads: the parse, the text (straight marks), the quotations."""

    doc: Doc
    text: str
    lex: QuoteLexicon
    layout: Layout
    statement: list[bool]


class Proposal(NamedTuple):
    draft: Draft
    replaces: Draft | None = None  # the earlier draft this one extends


Drafts = list[Draft]
Cues = list[Cue]
Rule = Callable[[Reading, int, Drafts, Cues], Proposal | None]
BESIDE = frozenset({"bare cue", "introduction", "trailing verb", "clause before"})


def chant(r: Reading, k: int, drafts: Drafts, bare: Cues) -> Proposal | None:
    """``their chants of “Go Blues!” and “Out!”``: one quote, the chanters' (naming.py)."""
    marks = r.layout.marks
    cue = chant_cue(r.doc, r.text, marks[k])
    if cue is None:
        return None
    spans, taken = list(marks[k].fragments), [k]
    for n in range(k + 1, len(marks)):
        if not LISTED.fullmatch(r.text, marks[n - 1].end + 1, marks[n].start - 1):
            break
        spans.extend(marks[n].fragments)
        taken.append(n)
    return Proposal(Draft(spans, "direct", cue, marks=taken, rule="chant"))


def _spoken(r: Reading, k: int) -> bool:
    """A statement, or a short quotation that ends a clause ("“Not even one,” he said")."""
    mark = r.layout.marks[k]
    return r.statement[k] or (r.text[mark.end - 1 : mark.end] in (",", ".", "!", "?")
                              and not title_cased(r.text, mark))


def cue_beside(r: Reading, k: int, drafts: Drafts, bare: Cues) -> Proposal | None:
    """A cue beside the quotation: the nearest bare cue, a signature or colon introduction
    (which beats a bare cue without a subject), a verb right after it, the clause before it."""
    mark, statement, spoken = r.layout.marks[k], r.statement[k], _spoken(r, k)
    cue, rule = (nearest_bare(r.doc, mark, bare, r.layout) if spoken else None), "bare cue"
    if (cue is None or cue.subject is None) and statement:
        intro = (dash_cue(r.doc, r.text, mark)
                 or colon_intro(r.doc, r.text, mark, r.lex.speech_verbs))
        if intro is not None and (cue is None or intro.subject is not None):
            cue, rule = intro, "introduction"  # "Continued Stone: “...”": the signed name
    if cue is None and spoken:
        cue, rule = trailing_verb(r.doc, mark, r.layout), "trailing verb"
    if cue is None and statement:
        cue, rule = clause_intro(r.doc, r.text, mark, r.lex.speech_verbs), "clause before"
    return None if cue is None else Proposal(
        Draft(list(mark.fragments), "direct", cue, marks=[k], rule=rule))


def passive(r: Reading, k: int, drafts: Drafts, bare: Cues) -> Proposal | None:
    """``has been dubbed the “bridge to nowhere”``: the ``by`` agent or nobody."""
    mark = r.layout.marks[k]
    named = passive_naming(r.doc, mark, r.layout)
    return None if named is None else Proposal(Draft(
        merge([*named[0], *mark.fragments]), "mixed", named[1], marks=[k], guessed=True,
        rule="passive naming"))


def quoted_object(r: Reading, k: int, drafts: Drafts, bare: Cues) -> Proposal | None:
    """``... promises to “stop the landlords from ...”``: the object of a named subject's verb
    (for short phrases, only when nothing else claims them)."""
    mark = r.layout.marks[k]
    if r.layout.starts_paragraph(mark.start) or title_cased(r.text, mark, 1):
        return None
    found = quoting_verb(r.doc, mark, r.layout)
    if found is None or any(d.cue is not None and d.cue.cue == found[1].cue for d in drafts):
        return None  # “...,” Rutte said, “...”: the verb already reported a quotation
    return Proposal(Draft(merge([*found[0], *mark.fragments]), "mixed", found[1], marks=[k],
                          guessed=True, rule="quoted object"))


def _last(drafts: Drafts, start: int) -> Draft | None:
    """The draft that ends last before ``start`` (not a quoted object: nobody continues it)."""
    before = [d for d in drafts if d.spans[-1][1] <= start and not d.guessed]
    return max(before, key=lambda d: d.spans[-1][1], default=None)


def completes_report(r: Reading, k: int, drafts: Drafts, bare: Cues) -> Proposal | None:
    """``X said that ..., but “...”``: the quotation continues the reported speech."""
    mark = r.layout.marks[k]
    prev = _last(drafts, mark.start)
    if prev is None or prev.kind != "indirect" or not r.statement[k]:
        return None
    gap = r.text[prev.spans[-1][1] : mark.start]
    if "\n" in gap or SENTENCE_END.search(gap):
        return None
    return Proposal(replace(prev, spans=merge([*prev.spans, (prev.spans[-1][1], mark.end)]),
                            kind="mixed", marks=[*prev.marks, k]), prev)


def _previous(r: Reading, k: int, drafts: Drafts) -> Draft | None:
    """The quote a quotation may go on from: the last draft before it, or past a report in
    between that is an aside of the quote's own sentence ("“...,” said Francis, as he called
    for .... “...”") or a belief the writer reports ("she plans to vote for ...")."""
    mark = r.layout.marks[k]
    prev = _last(drafts, mark.start)
    if prev is None or prev.kind != "indirect" or not r.statement[k] or prev.cue is None:
        return prev
    here = r.layout.paragraph(mark.start)
    latest = _last([d for d in drafts if d.kind != "indirect"
                    and r.layout.paragraph(d.spans[-1][1]) == here], mark.start)
    cue = prev.cue.cue[0]
    # An aside ("who said ...", "as he called for ..."), not the speaker going on ("adding").
    aside = latest is not None and same_sentence(r.doc, latest.spans[-1][1], cue) and (
        r.doc[cue].tag_ != "VBG")
    return latest if latest is not None and (aside or not prev.cue.speech) else prev


def continues_quote(r: Reading, k: int, drafts: Drafts, bare: Cues) -> Proposal | None:
    """``...,” he said. “...”``: PolNeAR (and readers) take it as one continuing quote."""
    mark, prev = r.layout.marks[k], _previous(r, k, drafts)
    if prev is None or prev.kind == "indirect":
        return None
    same = r.layout.paragraph(prev.spans[-1][1]) == r.layout.paragraph(mark.start)
    gap = r.text[prev.spans[-1][1] : mark.start]
    if same and (r.statement[k] or not WORD.search(strip_cue(gap, prev, r.doc))):
        return Proposal(replace(prev, spans=[*prev.spans, *mark.fragments],
                                marks=[*prev.marks, k]), prev)
    if r.statement[k] and r.layout.starts_paragraph(mark.start) and prev.speaker is not None:
        return Proposal(Draft(list(mark.fragments), "direct", None, prev.speaker, [k],
                              rule="next paragraph"))
    return None


def latest_speaker(r: Reading, k: int, drafts: Drafts, bare: Cues) -> Proposal | None:
    """A statement with no cue at all: the latest speaker of this or the previous paragraph."""
    if not r.statement[k]:
        return None
    mark, prev = r.layout.marks[k], _previous(r, k, drafts)
    near = prev is not None and r.layout.paragraph(mark.start) - r.layout.paragraph(
        prev.spans[-1][1]) <= NEAR_PARAGRAPHS
    speaker = prev.speaker if near and prev is not None else None
    return Proposal(Draft(list(mark.fragments), "direct", None, speaker, [k],
                          rule="latest speaker"))


RULES: tuple[Rule, ...] = (chant, cue_beside, passive, quoted_object, completes_report,
                           continues_quote, latest_speaker)


def claim_marks(r: Reading, drafts: Drafts, bare: Cues) -> Drafts:
    """The drafts after every quotation no draft covers was read by ``RULES`` in order (a
    short quotation nothing claims stays out)."""
    drafts, bare = list(drafts), list(bare)
    bound = {k for d in drafts for k in d.marks}
    for k in range(len(r.layout.marks)):
        if k in bound:
            continue
        found = next((p for rule in RULES if (p := rule(r, k, drafts, bare)) is not None), None)
        if found is None:
            continue
        draft = replace(found.draft, speaker=speaker_of(found.draft, r.doc, r.lex))
        if found.replaces is not None:
            drafts[next(i for i, d in enumerate(drafts) if d is found.replaces)] = draft
        else:
            drafts.append(draft)
        if draft.rule in BESIDE and draft.cue in bare:
            bare.remove(draft.cue)  # a bare cue claims one quotation
        bound.update(draft.marks)
    return drafts
