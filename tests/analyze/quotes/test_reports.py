"""Reports of verbs no cue list holds, on hand-built parses (no model)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc
from spacy.vocab import Vocab

from europenews.analyze.quotes import find_quotes, load_quote_lexicon
from europenews.analyze.quotes.chooser import SpeakerModel
from europenews.analyze.quotes.reports import candidates
from europenews.model import Mention, Quote


def _doc() -> Doc:
    """"Councillor Brandvold declined to back the harbour tax." (heads by hand)"""
    words = ["Councillor", "Brandvold", "declined", "to", "back", "the", "harbour", "tax", "."]
    heads = [1, 2, 2, 4, 2, 7, 7, 4, 2]
    deps = ["compound", "nsubj", "ROOT", "aux", "xcomp", "det", "compound", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PART", "VERB", "DET", "NOUN", "NOUN", "PUNCT"]
    tags = ["NNP", "NNP", "VBD", "TO", "VB", "DT", "NN", "NN", "."]
    ents = ["B-PERSON", "I-PERSON", *["O"] * 7]
    lemmas = ["councillor", "brandvold", "decline", "to", "back", "the", "harbour", "tax", "."]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents,
               lemmas=lemmas)


def test_an_unlisted_verb_with_subject_and_object_is_a_candidate_report() -> None:
    doc, lex = _doc(), load_quote_lexicon()
    assert "decline" not in lex.speech_verbs | lex.belief_verbs
    found = {q.cue.text: (q, f) for q, f in candidates(doc, lex, []) if q.cue is not None}
    assert set(found) == {"declined", "back"}  # "back" (an object verb) speaks for Brandvold too
    quote, feats = found["declined"]
    assert quote.text == "to back the harbour tax"  # "back" has no complement of its own
    assert quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "Councillor Brandvold"
    assert quote.cue is not None and quote.cue.text == "declined"
    assert {"lemma=decline", "first=aux", "subj=PERSON", "after", "root"} <= feats
    model = SpeakerModel({"lemma=decline": 2.0}, -1.0, margin=0.5)
    assert model.probability(feats) >= model.margin
    assert SpeakerModel({"lemma=decline": -2.0}, margin=0.5).probability(feats) < 0.5


def test_a_quote_cue_verb_or_words_already_quoted_give_no_candidate() -> None:
    doc, lex = _doc(), load_quote_lexicon()
    stop = (doc[8].idx, doc[8].idx + 1)  # a quote of no words: it covers nothing
    cued = [Quote(".", *stop, (stop,), "indirect", cue=Mention(doc[i].idx,
                  doc[i].idx + len(doc[i]), doc[i].text)) for i in (2, 4)]
    assert candidates(doc, lex, cued) == []
    assert len(candidates(doc, lex, cued[:1])) == 1  # "back" is no quote's cue: its report stays
    quoted = Quote("to back the harbour", doc[3].idx, doc[6].idx + 7,
                   ((doc[3].idx, doc[6].idx + 7),), "direct")
    assert candidates(doc, lex, [quoted]) == []


def _opposed() -> Doc:
    """"Councillor Brandvold opposed the harbour tax." (heads by hand; "oppose" is on no list)"""
    words = ["Councillor", "Brandvold", "opposed", "the", "harbour", "tax", "."]
    return Doc(Vocab(), words=words, heads=[1, 2, 2, 5, 5, 2, 2],
               deps=["compound", "nsubj", "ROOT", "det", "compound", "dobj", "punct"],
               pos=["PROPN", "PROPN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
               tags=["NNP", "NNP", "VBD", "DT", "NN", "NN", "."],
               ents=["B-PERSON", "I-PERSON", *["O"] * 5],
               lemmas=["councillor", "brandvold", "oppose", "the", "harbour", "tax", "."])


def test_the_finder_adds_kept_reports_unshown_and_only_with_beliefs() -> None:
    doc = _opposed()
    keep_all = replace(load_quote_lexicon(), reports=SpeakerModel({}, 1.0, margin=0.5))
    [quote] = find_quotes(doc, keep_all)
    assert (quote.text, quote.kind) == ("the harbour tax", "indirect")
    assert not quote.shown and quote.confidence == 0.731  # the model's: 1 / (1 + e^-1)
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "Councillor Brandvold"
    assert not find_quotes(doc, keep_all, beliefs=False)
    assert not find_quotes(doc, replace(keep_all, reports=SpeakerModel({}, -10.0, margin=0.5)))
