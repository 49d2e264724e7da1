"""The speaker chooser on hand-built parses (no model): its candidates, and its choice."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc
from spacy.vocab import Vocab

from europenews.analyze.quotes import load_quote_lexicon
from europenews.analyze.quotes.chooser import (
    NOBODY,
    Candidate,
    SpeakerModel,
    candidates,
    decide,
    salience_of,
)
from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.drafts import Draft
from europenews.analyze.quotes.spans import Layout
from europenews.model import Mention, Speaker

TITLES = frozenset({"mayor", "minister"})


def _mayor_doc() -> Doc:
    """"Ortiz, the mayor of the port, said Lindqvist would resign." (heads by hand)"""
    words = ["Ortiz", ",", "the", "mayor", "of", "the", "port", ",", "said", "Lindqvist",
             "would", "resign", "."]
    heads = [8, 0, 3, 0, 3, 6, 4, 0, 8, 11, 11, 8, 8]
    deps = ["nsubj", "punct", "det", "appos", "prep", "det", "pobj", "punct", "ROOT", "nsubj",
            "aux", "ccomp", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PROPN",
           "AUX", "VERB", "PUNCT"]
    ents = ["B-PERSON", *["O"] * 8, "B-PERSON", "O", "O", "O"]
    lemmas = [w.lower() for w in words]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, ents=ents, lemmas=lemmas)


def _draft(doc: Doc, subject: int | None) -> Draft:
    cue = Cue(cue=(8, 9), subject=subject, content=((9, 12),))
    return Draft([(doc[9].idx, doc[11].idx + len(doc[11]))], "indirect", cue)


def _by_head(found: list[Candidate]) -> dict[int, Candidate]:
    return {c.head: c for c in found}


def test_chooser_candidates_cover_subject_other_names_and_nobody() -> None:
    doc = _mayor_doc()
    found = _by_head(candidates(doc, _draft(doc, None), Layout(doc.text, []), None, TITLES,
                                salience_of(doc)))
    assert set(found) == {0, 9, NOBODY}  # Ortiz (with "the mayor"), Lindqvist, nobody
    assert "src=cue_child" in found[0].features and "path=nsubj" in found[0].features
    assert "subject_of_cue" in found[0].features and "dep=nsubj" in found[0].features
    assert "path=nsubj>ccomp" in found[9].features and "inside_content" in found[9].features
    assert "src=sentence" in found[0].features  # the apposition's source, merged
    assert not any(c.finder for c in found.values() if c.head != NOBODY)
    assert found[NOBODY].finder  # the finder named nobody


def test_chooser_candidates_mark_the_finders_own_and_the_previous_speaker() -> None:
    doc = _mayor_doc()
    draft = replace(_draft(doc, 0), speaker=Speaker(mention=Mention(0, 5, "Ortiz")))
    found = _by_head(candidates(doc, draft, Layout(doc.text, []), 9, TITLES, salience_of(doc)))
    assert "src=cue_subject" in found[0].features and found[0].finder
    assert "src=previous_quote" in found[9].features
    assert not found[NOBODY].finder


def test_chooser_trained_model_skips_the_nearest_name_for_the_subject() -> None:
    # Lindqvist is the name nearest the cue, but Ortiz is the one who said it.
    model = load_quote_lexicon().speakers
    assert model is not None
    doc = _mayor_doc()
    found = candidates(doc, _draft(doc, None), Layout(doc.text, []), None, TITLES,
                       salience_of(doc))
    nearest = min((c for c in found if c.head != NOBODY), key=lambda c: abs(c.head - 8))
    assert nearest.head == 9
    chosen = decide(replace_margin(model), found)
    assert chosen is not None and chosen.head == 0


def replace_margin(model: SpeakerModel) -> SpeakerModel:
    return SpeakerModel(model.weights, model.bias, 0.0)


def test_chooser_margin_keeps_the_finders_speaker_unless_clearly_beaten() -> None:
    own = Candidate(1, frozenset({"a"}), True)
    other = Candidate(2, frozenset({"b"}), False)
    model = SpeakerModel({"a": 0.0, "b": 0.4})
    assert decide(model, [own, other]) == other
    assert decide(SpeakerModel({"a": 0.0, "b": 0.4}, margin=0.2), [own, other]) == own
    assert decide(model, []) is None
