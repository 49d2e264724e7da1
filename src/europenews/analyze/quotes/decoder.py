"""The decoder of the marks-side stage: a logistic model picks one rule's proposal per quotation.

Every rule of ``claims.py`` reads a quotation and may propose a draft for it; each proposal is
described by feature names (which rule, the draft's kind, whether it extends an earlier draft,
the cue's word class and distance, the speaker's entity type and distance, the quotation's
shape) and scored with the weights of ``lexicons/<language>/claims.json``. The best proposal
is taken (the quotations are read in text order, so one draft per quotation and no two drafts
over the same quotation); when the best scores under the model's ``margin``, the quotation is
left out.
``bench/train_claims.py`` trains the weights on PolNeAR train, out of fold by article.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from europenews.analyze.quotes.chooser import SpeakerModel
from europenews.analyze.quotes.drafts import Draft
from europenews.analyze.quotes.lexicon import QuoteLexicon
from europenews.analyze.quotes.marks import MarkedQuote
from europenews.analyze.quotes.spans import Layout, count_words
from europenews.model import Speaker

SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


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
    if lemma in lex.speech_verbs:
        return "speech"
    if lemma in lex.belief_verbs:
        return "belief"
    if lemma in lex.speech_nouns:
        return "noun"
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
    """The feature names of one proposal for one quotation (pure); ``rank``: how many rules
    proposed before this one."""
    text = layout.text
    out = {f"rank={min(rank, 2)}", f"rule={rule}|rank={min(rank, 2)}", "rule=" + rule,
           "kind=" + draft.kind, f"proposals={min(count, 4)}",
           f"statement={statement}", f"extends={extends}", f"guessed={draft.guessed}"}
    words = count_words(text, list(mark.fragments))
    out.add("words=" + _bucket(words))
    out.add("ends=" + (text[mark.end - 1 : mark.end] if mark.end else ""))
    out.add(f"fragments={min(len(mark.fragments), 3)}")
    out.add(f"opens_paragraph={layout.starts_paragraph(mark.start)}")
    cls = _cue_class(doc, draft, lex)
    out.add("cue=" + cls)
    out.add(f"rule={rule}|cue={cls}")
    quote_tok = _token_at(doc, mark.start)
    here = layout.paragraph(mark.start)
    kind, spk = _speaker_kind(doc, draft.speaker)
    out.add("speaker=" + kind)
    out.add(f"rule={rule}|speaker={kind}")
    out.add(f"rule={rule}|statement={statement}")
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
        gap = here - layout.paragraph(draft.spans[0][0])
        out.add(f"extends_paragraphs={min(gap, 3)}")
    return frozenset(out)


def pick(model: SpeakerModel, scored: Sequence[frozenset[str]]) -> tuple[int, bool]:
    """The index of the best proposal (ties: the first rule's), and whether it scores at least
    the model's margin (else its quotation is left out)."""
    probs = [model.probability(f) for f in scored]
    best = max(range(len(probs)), key=lambda i: probs[i])
    return best, probs[best] >= model.margin
