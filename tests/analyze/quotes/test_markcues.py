"""Cues read from a quotation's side: trailing verbs, colon and dash introductions,
the sentence before, a quoted object."""

from __future__ import annotations

import pytest

from tests.analyze.quotes.helpers import only_quote, quote_with, speaker_text


def test_markcues_dash_signature(nlp):
    text = "“Perhaps the river will forgive us one day.” ― Jane Quinlan\n\nMore."
    quote = only_quote(nlp(text)._.quotes)
    assert quote.speaker.mention.text == "Jane Quinlan"


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "“Would it be flexible about the two billion?” Okafor pressed. “Maybe let some towns "
            "wait?”",
            "flexible",
            "Okafor",
        ),
        (
            "“Lind said in her speech that nurses are our heroes. Is Lind joking?” reacted "
            "Moreau.",
            "nurses are our heroes",
            "Moreau",
        ),
        (
            "“The Courier is claiming today that you had a secret lunch with them in June,” "
            "Okafor started.",
            "secret lunch",
            "Okafor",
        ),
    ],
    ids=["name-then-verb", "verb-then-name", "any-verb"],
)
def test_markcues_trailing_verb_with_speaker_reports_quotation(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention.text == mention


def test_markcues_addressee_of_inverted_cue_is_not_content(nlp):
    text = (
        "Later, Grace Okafor asked the minister about the letter. “Did you know it was a forged "
        "letter?” Okafor asked the shipping tycoon."
    )
    quote = quote_with(nlp(text)._.quotes, "forged letter")
    assert quote.speaker.mention.text == "Okafor" and quote.cue.text == "asked"
    assert not any("tycoon" in q.text for q in nlp(text)._.quotes)


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "Earlier this week, Moreau shared some of her doubts with guests at a dinner in "
            "Lyon, “I do not know which mayor will turn up tonight.”",
            "which mayor",
            "Moreau",
        ),
        (
            "As the Lamplighters sang back in the 1970s, “They will turn the lights out on us "
            "because we are easier to ignore.”",
            "turn the lights out",
            "the Lamplighters",
        ),
    ],
    ids=["comma", "as-clause"],
)
def test_markcues_clause_before_comma_introduces_quoted_sentence(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention.text == mention


def test_markcues_cueless_quoted_sentence_is_a_quote_with_no_wrong_speaker(nlp):
    # The subject of the sentence before was once a rule of its own; it changed no quote of
    # PolNeAR train and was removed (issue 18, item 5). The previous paragraph's speaker must
    # not be taken instead.
    text = (
        "Senator Ruiz spoke first on Monday.\n\n"
        "Moreau stressed her record as an early sponsor of the law. “Tenants deserve a real "
        "say in how their building is run.”"
    )
    quote = quote_with(nlp(text)._.quotes, "real say")
    assert quote.kind == "direct"
    assert quote.speaker is None or quote.speaker.mention.text == "Moreau"


def test_markcues_quoted_object_of_named_subject_is_mixed_quote(nlp):
    text = (
        "Lindgren has steadily pushed her promise of “free buses” as a way to win over young "
        "families."
    )
    quote = quote_with(nlp(text)._.quotes, "free buses")
    assert quote.kind == "mixed"
    assert quote.text.startswith("her promise of")
    assert quote.speaker.mention.text == "Lindgren"


def test_markcues_colon_before_no_break_space(nlp):
    text = ("Tom Baker, the county's top lawyer, was clear in his ruling:\u00a0\"No further "
            'appeals will be heard on this matter."')
    quote = quote_with(nlp(text)._.quotes, "No further appeals")
    assert "Baker" in speaker_text(quote)


def test_markcues_when_questioned_after_quotation_is_not_its_cue(nlp):
    text = ('Senator Jane Porter clashed with the panel, chiding them, "Why are we still talking '
            'about this?" when questioned about the emails.')
    quote = quote_with(nlp(text)._.quotes, "still talking")
    assert quote.cue is not None and quote.cue.text == "chiding"
    assert speaker_text(quote) == "Senator Jane Porter"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The harbor will reopen in June and the ferries will run again," the Danes state in '
         "the report.", "Danes"),
    ],
    ids=["danes-state"],
)
def test_markcues_speech_verb_tagged_as_noun_after_quotation(nlp, text, speaker):
    [quote] = nlp(text)._.quotes
    assert speaker in speaker_text(quote)


def test_markcues_noun_after_quotation_before_verb_is_subject(nlp):
    # Guard: "the state" is the subject of "argued", not a misread verb.
    text = '"The law is clear and the court must follow it," the state argued in its brief.'
    [quote] = nlp(text)._.quotes
    assert quote.cue is not None and quote.cue.text == "argued"


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "Maria Lopez celebrated in Denver with volunteers, declaring it “another great "
            "night for our movement” before leaving the hall.",
            "another great night",
            "Maria Lopez",
        ),
        (
            "Peter Holm promised on Sunday at a fair in Reno to end “the wasteful parking "
            "scheme” within a year.",
            "wasteful parking",
            "Peter Holm",
        ),
    ],
    ids=["participle-naming-verb", "infinitive-object"],
)
def test_markcues_quoted_object_of_subjectless_verb_takes_governing_subject(
    nlp, text, said, mention
):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention.text == mention


def test_markcues_inverted_cue_after_quotation_beats_colon_introduction(nlp):
    text = (
        "In her address, Ada Brook declared the need for courage and patience: “Plant the tree "
        "and when you have done that, plant another,” she said."
    )
    quotes = nlp(text)._.quotes
    quote = quote_with(quotes, "Plant the tree")
    assert quote.kind == "direct"
    assert quote.speaker.mention.text == "she" and quote.cue.text == "said"


def test_markcues_name_after_quotation_with_long_apposition_speaks(nlp):
    text = (
        "“A fine writer, a really fine writer this woman,” Halvorsen, the party’s candidate "
        "for governor and the clear favourite in the northern counties by a large margin after "
        "taking the spring primary, said when Lund asked her a question."
    )
    quote = quote_with(nlp(text)._.quotes, "fine writer")
    assert quote.speaker is not None and quote.speaker.mention.text == "Halvorsen"


def test_markcues_signature_line_with_context(nlp):
    text = ("The speeches ended late.\n\n\"Great night. She is ready. That is why she should be "
            "our next governor.\"\n\n-Senator Maria Lopez, writing after the debate.\n\n"
            "The hall emptied soon after.")
    quote = quote_with(nlp(text)._.quotes, "Great night")
    assert speaker_text(quote).endswith("Maria Lopez") and not speaker_text(quote).startswith("-")


def test_markcues_name_a_preposition_governs_before_a_colon_is_not_the_speaker(nlp):
    text = ("Governor Ellis Crane spoke first. Tom Varga hammered the plan, calling it a mess, "
            "and contrasted the senator with Crane: “What I have seen working with the governor "
            "is a steady hand.”")
    quote = quote_with(nlp(text)._.quotes, "steady hand")
    assert speaker_text(quote) == "Tom Varga"
