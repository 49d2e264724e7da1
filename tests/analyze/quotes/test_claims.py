"""The marks-side rules of claims.py, each on its own, on hand-built Docs (no model)."""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

from europenews.analyze.quotes import load_quote_lexicon
from europenews.analyze.quotes.claims import (
    Reading,
    claim_marks,
    completes_report,
    continues_quote,
    cue_beside,
    is_statement,
    latest_speaker,
)
from europenews.analyze.quotes.cue import Cue
from europenews.analyze.quotes.drafts import Draft
from europenews.analyze.quotes.marks import find_marked_quotes
from europenews.analyze.quotes.spans import Layout
from europenews.model import Mention, Speaker

LEX = load_quote_lexicon()
ANA = Speaker(mention=Mention(0, 9, "Ana Lopez"))


def _reading(text: str) -> Reading:
    """A Doc of ``text`` split at spaces and punctuation; no parse (every word a noun)."""
    pieces = [(m.group(), m.end() < len(text) and text[m.end()] == " ")
              for m in re.finditer(r"\w+|[^\w\s]", text)]
    doc = Doc(Vocab(), words=[w for w, _ in pieces], spaces=[s for _, s in pieces],
              pos=["NOUN"] * len(pieces))
    marks = find_marked_quotes(text)
    return Reading(doc, text, LEX, Layout(text, marks),
                   [is_statement(doc, text, m) for m in marks])


def _said(r: Reading, kind: str, end: int) -> Draft:
    """Ana Lopez's quote from the start of the text to char ``end``, cued by "said"."""
    said = next(t.i for t in r.doc if t.text == "said")
    return Draft([(0, end)], kind, Cue((said, said + 1), 1, ()), ANA)


def test_claims_a_quotation_after_a_quote_of_its_paragraph_continues_it() -> None:
    text = ("“We will open the new ferry line to the islands in May,” Ana Lopez said. "
            "“The boats are ready and the crews have been trained for the winter.”")
    r = _reading(text)
    first = Draft(list(r.layout.marks[0].fragments), "direct",
                  Cue((12, 13), 10, ()), ANA, [0])
    drafts = [first]
    found = continues_quote(r, 1, drafts, [])
    assert found is not None and found.replaces is first
    assert found.draft.marks == [0, 1] and len(found.draft.spans) == 2
    assert first.marks == [0] and drafts == [first]  # nothing it was given changed


def test_claims_a_statement_far_from_any_quote_gets_nobody() -> None:
    text = ("Ana Lopez said the ferry would run. \n\nA\n\nB\n\nC\n\n"
            "“The boats are ready and the crews have been trained for the winter.”")
    r = _reading(text)
    found = latest_speaker(r, 0, [_said(r, "indirect", 34)], [])
    assert found is not None and found.draft.speaker is None
    near = _reading("Ana Lopez said the ferry would run. "
                    "“The boats are ready and the crews have been trained for the winter.”")
    close = latest_speaker(near, 0, [_said(near, "direct", 34)], [])
    assert close is not None and close.draft.speaker == ANA


def test_claims_a_quotation_completes_a_report_of_its_own_sentence() -> None:
    text = ("Ana Lopez said the ferry would run, but “the boats are not ready and the crews "
            "still need training.”")
    r = _reading(text)
    report = _said(r, "indirect", 34)
    found = completes_report(r, 0, [report], [])
    assert found is not None and found.replaces is report
    assert found.draft.kind == "mixed" and found.draft.spans[-1][1] == r.layout.marks[0].end
    # A full stop in between: the quotation is no part of that report.
    apart = _reading(text.replace(", but", ". But"))
    assert completes_report(apart, 0, [_said(apart, "indirect", 34)], []) is None


def test_claims_marks_leave_their_inputs_and_short_phrases_alone() -> None:
    text = ("Ana Lopez said the ferry would run, calling it a “lifeline” for the islands. "
            "“The boats are ready and the crews have been trained for the winter.”")
    r = _reading(text)
    drafts = [_said(r, "indirect", 34)]
    out = claim_marks(r, drafts, [])
    assert len(drafts) == 1 and drafts[0].kind == "indirect"
    assert [d.rule for d in out] == ["cue", "latest speaker"]  # "lifeline" stays out
    assert out[1].speaker == ANA


def test_claims_a_bare_cue_after_the_quotation_claims_it_for_its_subject() -> None:
    text = ("“The bridge will be finished before the first snow falls,” Ana Lopez said. "
            "Work begins today. “Heavy trucks will use the north road.”")
    r = _reading(text)
    said = next(t.i for t in r.doc if t.text == "said")
    cue = Cue((said, said + 1), said - 1, ())
    found = cue_beside(r, 0, [], [cue])
    assert found is not None and found.draft.rule == "bare cue" and found.draft.cue == cue
    out = claim_marks(r, [], [cue])
    # The short quotation a sentence later is no statement, and no rule claims it.
    assert [(d.rule, d.marks) for d in out] == [("bare cue", [0])]
    assert out[0].speaker is not None and out[0].speaker.mention is not None
    assert out[0].speaker.mention.text == "Lopez"


def test_claims_a_signature_after_a_dash_names_the_speaker() -> None:
    r = _reading("“We will rebuild every house on this street, one by one.” ― Jane Quinlan")
    found = cue_beside(r, 0, [], [])
    assert found is not None and found.draft.rule == "introduction"
    assert found.draft.cue is not None and r.doc[found.draft.cue.subject].text == "Quinlan"
