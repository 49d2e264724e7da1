"""Quotes: speakers found from the quotation's side when no listed speech verb claims it, and
quotations that go on past an aside (issue 3, round 4; texts written for these tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from europenews.analyze.quotes.speakers import mention_range
from tests.analyze.quote_helpers import quote_with


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "“Would it be negotiable about the eleven million?” Hannity pressed. “Maybe let "
            "some people stay?”",
            "negotiable",
            "Hannity",
        ),
        (
            "“Obama said in his speech that farmers are our heroes. Is Obama joking?” reacted "
            "Trump.",
            "farmers are our heroes",
            "Trump",
        ),
        (
            "“The Herald is claiming today that they had a private talk with you in May,” "
            "Hannity started.",
            "private talk",
            "Hannity",
        ),
    ],
    ids=["name-then-verb", "verb-then-name", "any-verb"],
)
def test_quotes_trailing_verb_with_speaker_reports_quotation(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention.text == mention


def test_quotes_addressee_of_inverted_cue_is_not_content(nlp):
    text = (
        "Later, Chuck Todd asked the senator about the tweet. “Did you know it was a fake "
        "account?” Todd asked the real estate mogul."
    )
    quote = quote_with(nlp(text)._.quotes, "fake account")
    assert quote.speaker.mention.text == "Todd" and quote.cue.text == "asked"
    assert not any("mogul" in q.text for q in nlp(text)._.quotes)


def test_quotes_cue_in_earlier_sentence_does_not_claim_quotation(nlp):
    text = (
        "“How do you know those bruises were not there before? I am not a doctor,” Trump told "
        "reporters, referring to bruises that Fields showed to the police. “Would you not think "
        "she would have screamed?”"
    )
    quote = quote_with(nlp(text)._.quotes, "screamed")
    assert quote.speaker.mention.text == "Trump"


def test_quotes_quotation_resumes_after_aside_of_its_cue(nlp):
    text = (
        "“Many people are uncertain in this election year,” Thiel wrote in a statement "
        "explaining why he is speaking at the convention, “but most voters agree that the "
        "country is on the wrong track.”"
    )
    quote = quote_with(nlp(text)._.quotes, "uncertain")
    assert "wrong track" in quote.text and len(quote.spans) == 2
    assert quote.speaker.mention.text == "Thiel"


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "“I think the convention will be peaceful,” said Army Captain Daniel Ross, who "
            "said he would not vote for either candidate. “The military view of their policies "
            "is just so far out there.”",
            "military view",
            "Army Captain Daniel Ross",
        ),
        (
            "“God will hold the slave drivers of our day accountable,” Francis said in a "
            "speech to workers, as he called for greater ethics in business. “The flow of "
            "capital cannot decide the life of people.”",
            "flow of capital",
            "Francis",
        ),
    ],
    ids=["relative-clause", "as-clause"],
)
def test_quotes_aside_report_does_not_take_next_quotation(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention.text.startswith(mention)


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "Earlier this week, Clinton shared some of her worries with an audience at a "
            "fundraiser in Maine, “I do not know which candidate will show up tonight.”",
            "which candidate",
            "Clinton",
        ),
        (
            "As the Rainmakers sang back in the 1980s, “They will turn us all into beggars "
            "because we are easier to please.”",
            "beggars",
            "the Rainmakers",
        ),
    ],
    ids=["comma", "as-clause"],
)
def test_quotes_clause_before_comma_introduces_quoted_sentence(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention.text == mention


def test_quotes_quoted_sentence_takes_subject_of_previous_sentence(nlp):
    text = (
        "Senator Alvarez spoke first on Tuesday.\n\n"
        "Clinton touted her credentials as an original sponsor of the bill. “We need to find "
        "ways to support workers that want a union in their workplace.”"
    )
    quote = quote_with(nlp(text)._.quotes, "support workers")
    assert quote.speaker.mention.text == "Clinton"


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "“Republicans are so frustrated with the decision,” said Oversight ranking Democrat "
            "Elijah Cummings (D-Md.).",
            "frustrated",
            "Elijah Cummings",
        ),
        (
            "“If anyone wonders why the inquiry is not yet complete, this report is the "
            "answer,”\u00a0added Gowdy.",
            "inquiry",
            "Gowdy",
        ),
        (
            "“The drop we are seeing now is directly attributable to the emails, the "
            "foundation, all the old trust stuff,” said a person close to the Clintons.",
            "drop we are seeing",
            "a person",
        ),
    ],
    ids=["title-before-name", "no-break-space", "subject-after-verb"],
)
def test_quotes_inverted_cue_finds_speaker_after_verb(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and mention in quote.speaker.mention.text


def test_quotes_speaker_of_previous_paragraph_is_not_subject(nlp):
    text = (
        "“She could barely bend over to place those flowers. Never, never Hillary.”\n\n"
        "Another commenter said, “We all know how she feels about the police, and our "
        "military for that matter.”"
    )
    quote = quote_with(nlp(text)._.quotes, "police")
    assert quote.speaker is not None and quote.speaker.mention.text == "Another commenter"


def test_speakers_mention_range_stops_at_verb_inside_entity(nlp):
    words = ["Trump", "assured", "Jones", "."]
    doc = Doc(nlp.vocab, words=words, pos=["PROPN", "VERB", "PROPN", "PUNCT"],
              heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
              ents=["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O"])
    assert mention_range(doc[0]) == (0, 1)
