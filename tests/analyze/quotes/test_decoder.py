"""The marks-side decoder: every rule's proposal, described, and the trained pick among them."""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

from europenews.analyze.quotes import load_quote_lexicon
from europenews.analyze.quotes.chooser import SpeakerModel
from europenews.analyze.quotes.claims import Reading, claim_marks, is_statement, options
from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.decoder import pick
from europenews.analyze.quotes.drafts import Draft
from europenews.analyze.quotes.marks import find_marked_quotes
from europenews.analyze.quotes.spans import Layout
from europenews.model import Mention, Speaker

LEX = load_quote_lexicon()
TEXT = ("“We will open the new ferry line to the islands in May,” Ana Lopez said. "
        "“The boats are ready and the crews have been trained for the winter.”")


def _reading(text: str) -> Reading:
    """A Doc of ``text`` split at spaces and punctuation; no parse (every word a noun)."""
    pieces = [(m.group(), m.end() < len(text) and text[m.end()] == " ")
              for m in re.finditer(r"\w+|[^\w\s]", text)]
    doc = Doc(Vocab(), words=[w for w, _ in pieces], spaces=[s for _, s in pieces],
              pos=["NOUN"] * len(pieces))
    marks = find_marked_quotes(text)
    return Reading(doc, text, LEX, Layout(text, marks),
                   [is_statement(doc, text, m) for m in marks])


def _first(r: Reading) -> Draft:
    said = next(t.i for t in r.doc if t.text == "said")
    ana = Speaker(mention=Mention(TEXT.index("Ana"), TEXT.index(" said"), "Ana Lopez"))
    return Draft(list(r.layout.marks[0].fragments), "direct", Cue((said, said + 1), said - 1, ()),
                 ana, [0])


def test_decoder_options_hold_every_rules_proposal_in_order() -> None:
    r = _reading(TEXT)
    first = _first(r)
    found = options(r, 1, [first], [])
    assert [o.rule for o in found] == ["continues_quote", "latest_speaker"]
    assert found[0].replaces is first and found[1].replaces is None
    assert "rank=0" in found[0].features and "rank=1" in found[1].features
    assert "extends=True" in found[0].features and "extends=False" in found[1].features
    assert all("proposals=2" in o.features for o in found)
    assert all(not o.features for o in options(r, 1, [first], [], describe=False))


def test_decoder_picks_the_best_scored_proposal_or_none() -> None:
    r = _reading(TEXT)
    first = _first(r)
    plain = claim_marks(r, [first], [])
    assert len(plain) == 1 and plain[0].marks == [0, 1]  # without a model: the first rule's
    apart = SpeakerModel({"rule=latest_speaker": 2.0, "rule=continues_quote": -2.0})
    split = claim_marks(r, [first], [], apart)
    assert [d.marks for d in split] == [[0], [1]] and split[1].rule == "latest speaker"
    assert split[1].speaker == first.speaker  # the latest speaker goes on
    strict = SpeakerModel({"rule=latest_speaker": -2.0, "rule=continues_quote": -2.0},
                          margin=0.5)
    assert claim_marks(r, [first], [], strict) == [first]


def test_decoder_pick_breaks_ties_for_the_first_and_keeps_the_margin() -> None:
    model = SpeakerModel({"a": 1.0, "b": 1.0, "c": -3.0}, margin=0.6)
    assert pick(model, [frozenset({"a"}), frozenset({"b"})]) == (0, True)
    assert pick(model, [frozenset({"c"}), frozenset({"b"})]) == (1, True)
    assert pick(model, [frozenset({"c"})]) == (0, False)


def test_decoder_leaves_out_a_new_quote_under_the_margin_and_records_the_options() -> None:
    r = _reading(TEXT)
    first = _first(r)
    model = SpeakerModel({"rule=latest_speaker": -3.0, "rule=continues_quote": -5.0},
                         margin=0.5)
    record: list = []
    assert claim_marks(r, [first], [], model, record) == [first]
    assert [[o.rule for o in found] for found in record] == [["continues_quote",
                                                             "latest_speaker"]]
    keen = SpeakerModel({"rule=latest_speaker": 3.0, "rule=continues_quote": -5.0}, margin=0.5)
    assert [d.rule for d in claim_marks(r, [first], [], keen)] == ["cue", "latest speaker"]
