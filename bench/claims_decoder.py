"""A trained decoder over the marks-side rules (stage 8 of docs/quotes.md), as a bench tool.

The package takes, for each quotation no cue reports, the first proposal of ``claims.RULES``.
Here every rule's proposal is collected (``options``), described by feature names (``features``:
the rule and its rank among the proposals, the draft's kind, whether it extends an earlier
draft, the cue's word class and token distance to the quotation, the speaker's entity type and
distance, same sentence and paragraph, the quotation's length, ending and place), and a
logistic model (``chooser.SpeakerModel``) picks the best; under the model's ``margin`` the
quotation is left out at the end, but the later quotations are read as if it were there.
Quotations are read in text order, so the set stays consistent: one draft per quotation, no two
drafts over one quotation. ``decoding`` swaps this into the finder for the bench scripts
(``train_claims.py``, ``train_reports.py --claims-margin``). It did not pay on PolNeAR train
(docs/benchmarks-archive.md, "Quotes: a trained decoder over the marks-side rules' proposals,
session 20 (branch `quotes14`)"), so the package keeps the order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc

from europenews.analyze.quotes import finder
from europenews.analyze.quotes.chooser import SpeakerModel
from europenews.analyze.quotes.claims import BESIDE, RULES, Cues, Drafts, Reading, speaker_of
from europenews.analyze.quotes.drafts import Draft
from europenews.analyze.quotes.lexicon import QuoteLexicon
from europenews.analyze.quotes.marks import MarkedQuote
from europenews.analyze.quotes.spans import Layout, count_words
from europenews.model import Speaker

SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


class Option(NamedTuple):
    """One rule's proposal for a quotation, with the speaker the rules give it."""

    rule: str
    draft: Draft
    replaces: Draft | None
    features: frozenset[str]


Record = list[list[Option]]


def _bucket(n: int) -> str:
    """A signed distance in powers of two: 0, 1, 2-3, 4-7, 8-15, 16+."""
    label = "0" if n == 0 else str(min(abs(n).bit_length(), 5))
    return ("-" if n < 0 else "+") + label


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else 0


def _cue_class(doc: Doc, draft: Draft, lex: QuoteLexicon) -> str:
    if draft.cue is None:
        return "none"
    tok = doc[draft.cue.cue[0]]
    lemma = tok.lemma_.lower()
    if tok.text == ":":
        return "colon"
    for name, words in (("speech", lex.speech_verbs), ("belief", lex.belief_verbs),
                        ("noun", lex.speech_nouns)):
        if lemma in words:
            return name
    return "other-" + tok.pos_


def _speaker_kind(doc: Doc, speaker: Speaker | None) -> tuple[str, int | None]:
    """The speaker's kind (entity type, pronoun, noun, none) and its first token."""
    if speaker is None or speaker.mention is None:
        return "none", None
    span = doc.char_span(speaker.mention.start, speaker.mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return "unaligned", None
    root = span.root
    if root.ent_type_ in SPEAKER_ENTS:
        return root.ent_type_, span.start
    return ("PRON" if root.pos_ == "PRON" else "noun-" + root.pos_), span.start


def features(doc: Doc, lex: QuoteLexicon, layout: Layout, mark: MarkedQuote, statement: bool,
             rule: str, draft: Draft, extends: bool, count: int,
             rank: int) -> frozenset[str]:
    """The feature names of one proposal for one quotation; ``rank``: how many rules proposed
    before this one."""
    text = layout.text
    cls = _cue_class(doc, draft, lex)
    kind, spk = _speaker_kind(doc, draft.speaker)
    out = {f"rank={min(rank, 2)}", f"rule={rule}|rank={min(rank, 2)}", "rule=" + rule,
           "kind=" + draft.kind, f"proposals={min(count, 4)}", f"statement={statement}",
           f"extends={extends}", f"guessed={draft.guessed}",
           "words=" + _bucket(count_words(text, list(mark.fragments))),
           "ends=" + text[mark.end - 1 : mark.end], f"fragments={min(len(mark.fragments), 3)}",
           f"opens_paragraph={layout.starts_paragraph(mark.start)}", "cue=" + cls,
           f"rule={rule}|cue={cls}", "speaker=" + kind, f"rule={rule}|speaker={kind}",
           f"rule={rule}|statement={statement}"}
    quote_tok = _token_at(doc, mark.start)
    here = layout.paragraph(mark.start)
    if draft.cue is not None:
        cue = doc[draft.cue.cue[0]]
        out.add("quote_cue=" + _bucket(cue.i - quote_tok))
        if doc.has_annotation("SENT_START"):
            out.add(f"cue_same_sentence={doc[quote_tok].sent.start == cue.sent.start}")
        out.add(f"cue_same_paragraph={layout.paragraph(cue.idx) == here}")
        out.add(f"cue_subject={draft.cue.subject is not None}")
        out.add(f"cue_speech={draft.cue.speech}")
        if spk is not None:
            out.add("cue_speaker=" + _bucket(spk - cue.i))
    elif spk is not None:
        out.add("quote_speaker=" + _bucket(spk - quote_tok))
        out.add(f"speaker_same_paragraph={layout.paragraph(doc[spk].idx) == here}")
    if extends:
        out.add(f"extends_paragraphs={min(here - layout.paragraph(draft.spans[0][0]), 3)}")
    return frozenset(out)


def options(r: Reading, k: int, drafts: Drafts, bare: Cues) -> list[Option]:
    """Every rule's proposal for quotation ``k`` (in the order of ``RULES``), described."""
    found = [(rule.__name__, p) for rule in RULES if (p := rule(r, k, drafts, bare)) is not None]
    out = []
    for at, (name, p) in enumerate(found):
        draft = replace(p.draft, speaker=speaker_of(p.draft, r.doc, r.lex))
        out.append(Option(name, draft, p.replaces, features(
            r.doc, r.lex, r.layout, r.layout.marks[k], r.statement[k], name, draft,
            p.replaces is not None, len(found), at)))
    return out


def pick(model: SpeakerModel, scored: Sequence[frozenset[str]]) -> tuple[int, bool]:
    """The best proposal (ties: the first rule's), and whether it reaches the margin."""
    probs = [model.probability(f) for f in scored]
    best = max(range(len(probs)), key=lambda i: probs[i])
    return best, probs[best] >= model.margin


def claim_marks(r: Reading, drafts: Drafts, bare: Cues, model: SpeakerModel | None = None,
                record: Record | None = None, nobody_only: bool = False) -> Drafts:
    """``claims.claim_marks`` with the decoder's pick (without a model: the first rule's, as
    the package); ``record`` collects every quotation's options; ``nobody_only``: the margin
    leaves out only a quote the rules give nobody (the chooser mends the others' speakers)."""
    drafts, bare = list(drafts), list(bare)
    bound = {k for d in drafts for k in d.marks}
    dropped: Drafts = []
    for k in range(len(r.layout.marks)):
        if k in bound:
            continue
        found = options(r, k, drafts, bare)
        if record is not None and found:
            record.append(found)
        if not found:
            continue
        at, kept = (0, True) if model is None else pick(model, [o.features for o in found])
        draft, replaces = found[at].draft, found[at].replaces
        if not kept and not (nobody_only and found[at].draft.speaker is not None):
            if replaces is not None:
                continue  # the earlier quote is not extended
            dropped.append(draft)  # left out at the end; the later quotations see it
        if replaces is not None:
            drafts[next(i for i, d in enumerate(drafts) if d is replaces)] = draft
        else:
            drafts.append(draft)
        if draft.rule in BESIDE and draft.cue in bare:
            bare.remove(draft.cue)  # a bare cue claims one quotation
        bound.update(draft.marks)
    return [d for d in drafts if all(d is not x for x in dropped)]


@contextmanager
def decoding(model: SpeakerModel | None, record: Record | None = None,
             nobody_only: bool = False) -> Iterator[None]:
    """Within the block, the finder's marks-side stage is this module's ``claim_marks``."""
    old = finder.claim_marks
    finder.claim_marks = lambda r, d, b: claim_marks(  # type: ignore
        r, d, b, model, record, nobody_only)
    try:
        yield
    finally:
        finder.claim_marks = old
