"""Quotes, round 9: which cue of a sentence claims a quotation (texts written for these tests;
each positive case failed before its rule, the guard cases keep the rules from firing too
widely). ``speaker.mention`` must point at the words in the text, as PolNeAR scores it."""

from __future__ import annotations

from tests.analyze.quote_helpers import quote_with, speaker_text


def test_quotes_claims_trailing_cue_beats_relative_clause_in_its_subject(nlp):
    # The verb of "Nothing the president said" sits inside the trailing cue's subject: it is
    # part of what the senator said, not the report of the quotation.
    doc = nlp('Nothing the president said "will ease the fears of the public," '
              "the Florida senator said.")
    quote = quote_with(doc._.quotes, "ease the fears")
    assert speaker_text(quote) == "the Florida senator"


def test_quotes_claims_belief_report_does_not_stop_the_paragraph_quote(nlp):
    # "she plans ..." is the writer's report of an intention; the next quotation goes on with
    # the quote the paragraph's speaker gave.
    doc = nlp('"You can\'t blame her for what her husband did," said Jane Miller, 44, a nurse '
              "from Dover. A teacher since 2010, she plans to vote for Clinton next month. "
              '"All she went through and it is not fair."')
    quote = quote_with(doc._.quotes, "it is not fair")
    assert speaker_text(quote) == "Jane Miller"
    assert "blame her" in quote.text


def test_quotes_claims_belief_report_alone_still_gives_its_speaker(nlp):
    # Guard: with no earlier quote in the paragraph the cueless quotation keeps the last speaker.
    doc = nlp("A teacher since 2010, she plans to vote for Clinton next month. "
              '"All she went through, it is not fair to her."')
    quote = quote_with(doc._.quotes, "not fair to her")
    assert speaker_text(quote) == "she"


def test_quotes_claims_reported_colon_cue_ends_the_outer_report(nlp):
    # "Moore said he responded: “...”": the quotation closes what Moore said (PolNeAR names
    # the outer reporter), not a report of its own by "he".
    doc = nlp("His aide had warned him to stay calm, but Moore said he responded: "
              '"When you are attacked, you can\'t stay quiet."')
    quote = quote_with(doc._.quotes, "stay quiet")
    assert speaker_text(quote) == "Moore"
    assert quote.kind == "mixed"
    assert quote.text.startswith("he responded")


def test_quotes_claims_colon_cue_after_its_own_clause_keeps_the_quote(nlp):
    # Guard: "When asked ..., he said:" is the cue's own clause, not an outer report.
    doc = nlp("When asked whether the city should get a new stadium, he said: "
              '"I think that would be fine for everyone."')
    quote = quote_with(doc._.quotes, "fine for everyone")
    assert quote.kind == "direct"
    assert speaker_text(quote) == "he"


def test_quotes_claims_relative_reply_keeps_its_own_quote(nlp):
    # Guard: "..., to which Moore replied:" hangs from a relative clause: Moore's own quote.
    doc = nlp('The mayor said the plan was sound, to which Moore replied: '
              '"It is just not true at all."')
    quote = quote_with(doc._.quotes, "not true at all")
    assert quote.kind == "direct"
    assert speaker_text(quote) == "Moore"


def test_quotes_claims_contrasted_report_takes_its_own_quotation(nlp):
    # ", while Moore said that ..." hangs inside Adams's content in the parse, but it is a
    # report of its own: Adams's content stops before it.
    doc = nlp("Adams suggested that someone who doesn't answer questions can't be mayor, while "
              'Moore said that the "costs of this project are too high" for the city to bear.')
    quote = quote_with(doc._.quotes, "costs of this project")
    assert speaker_text(quote) == "Moore"
    adams = quote_with(doc._.quotes, "answer questions")
    assert adams.kind == "indirect"
    assert "Moore" not in adams.text


def test_quotes_claims_fronted_while_clause_stays_in_the_content(nlp):
    # Guard: "finds that, while 37 percent say ..., 40 percent ..." is one finding.
    doc = nlp('The poll finds that, while 37 percent of voters say Moore is "very responsible" '
              "for the deficit, 40 percent blame the council.")
    quote = quote_with(doc._.quotes, "very responsible")
    assert speaker_text(quote) == "The poll"
