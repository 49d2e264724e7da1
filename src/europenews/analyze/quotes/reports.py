"""Reports of verbs no cue list holds ("the senator opposed the plan", "she declined to ..."):
every verb that is no quote's cue, with a subject and a complement mostly outside the quotes
found, is a candidate indirect quote; logistic weights (``lexicons/<language>/reports.json``,
trained by ``bench/train_reports.py``; ``margin``: the probability needed) keep likely ones.
They are kept with ``shown=False`` and their probability as ``confidence``: many are
attributions, not speech ("the police released photos"), so pages do not print them."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from europenews.analyze.doctext import doc_text
from europenews.analyze.quotes.cues import VERB, subtree_range, verb_content
from europenews.analyze.quotes.lexicon import QuoteLexicon
from europenews.analyze.quotes.spans import WORD
from europenews.analyze.quotes.speakers import speaker_at, subject_of
from europenews.model import Mention, Quote

Feats = frozenset[str]
COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "acomp"})


def features(verb: Token, start: int, end: int, subj: Token, lex: QuoteLexicon) -> frozenset[str]:
    lemma, first, doc = verb.lemma_.lower(), verb.doc[start].dep_, verb.doc
    return frozenset({
        "lemma=" + lemma, "tag=" + verb.tag_, "dep=" + verb.dep_, "first=" + first,
        "len=" + str(min((end - start).bit_length(), 5)), "lemma_first=" + lemma + "|" + first,
        "subj=" + (subj.ent_type_ or subj.pos_), "subjdep=" + subj.dep_,
        "belief" if lemma in lex.belief_verbs else "nobelief",
        "neg" if any(c.dep_ == "neg" for c in verb.children) else "pos",
        "quote" if any(t.is_quote for t in doc[start:end]) else "noquote",
        "after" if start > verb.i else "before",
        "root" if verb.dep_ == "ROOT" else "headdep=" + verb.head.dep_})


def candidates(doc: Doc, lex: QuoteLexicon, quotes: list[Quote]) -> list[tuple[Quote, Feats]]:
    """Each candidate report as an indirect quote by its verb's subject, with its features. A
    cue whose report the rules dropped (no speaker, too short) is a candidate too."""
    text = doc_text(doc)
    covered = {m.start() for q in quotes for s, e in q.spans for m in WORD.finditer(text, s, e)}
    cued = {q.cue.start for q in quotes if q.cue is not None}
    out = []
    for verb in doc:
        if verb.pos != VERB or verb.idx in cued:
            continue
        # A cue's content (``verb_content``), or else what follows the verb as a complement.
        found = verb_content(verb, lex) or (subtree_range([c for c in verb.children if c.i > verb.i
                                                     and c.dep_ in COMPLEMENTS]),)
        if found[0] is None or found[0][1] - found[0][0] < 2:
            continue
        span = doc[found[0][0] : found[0][1]]
        words = {m.start() for m in WORD.finditer(text, span.start_char, span.end_char)}
        subject = subject_of(verb)
        if (not words or len(words & covered) * 2 > len(words) or subject is None
                or span.start_char <= verb.idx < span.end_char):
            continue
        quote = Quote(span.text, span.start_char, span.end_char, ((span.start_char,
                      span.end_char),), "indirect", speaker_at(doc, subject.i),
                      Mention(verb.idx, verb.idx + len(verb), verb.text))
        out.append((quote, features(verb, span.start, span.end, subject, lex)))
    return out


def unlisted_reports(doc: Doc, lex: QuoteLexicon, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` with the candidate reports the model keeps, unshown, in text order."""
    if lex.reports is None:
        return quotes
    model = lex.reports
    kept = [replace(q, shown=False, confidence=round(p, 3)) for q, f in candidates(doc, lex, quotes)
            if (p := model.probability(f)) >= model.margin]
    return sorted(quotes + kept, key=lambda q: q.start) if kept else quotes
