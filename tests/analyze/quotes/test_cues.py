"""Reporting cues in the parse and the content each one reports."""

from __future__ import annotations

import pytest

from tests.analyze.quotes.helpers import only_quote, quote_with, speaker_text


def test_cues_according_to(nlp):
    text = "Three people were killed in the attack, according to governor Oleksandr Prokudin."
    quote = only_quote(nlp(text)._.quotes)
    assert quote.cue.text == "according to"
    assert "Three people were killed" in quote.text
    assert quote.speaker.name == "Oleksandr Prokudin"


def test_cues_content_leaves_out_verb_coordinated_with_cue(nlp):
    text = (
        "Lindgren says she would stop the merger “right away” and tells the crowd she had "
        "warned about it for years."
    )
    quote = quote_with(nlp(text)._.quotes, "right away")
    assert quote.text == "she would stop the merger “right away”"


def test_cues_naming_verb_keeps_its_object(nlp):
    text = "Lindqvist later called him “second-rate” and skipped two of the hearings."
    quote = quote_with(nlp(text)._.quotes, "second-rate")
    assert quote.kind == "mixed"
    assert quote.text.startswith("him")
    assert quote.speaker.mention.text == "Lindqvist"


def test_cues_quotation_hung_as_dep_of_cue_is_content(nlp):
    text = (
        "She called for concrete “steps forward with the alliance” and a “good number” of "
        "air defence systems to protect the cities."
    )
    quote = quote_with(nlp(text)._.quotes, "steps forward")
    assert quote.kind == "mixed"
    assert "good number" in quote.text


def test_cues_clause_before_prepositional_cue_is_not_content(nlp):
    text = (
        "The Road Ahead for Ukraine and NATO\n\n"
        "As the war in Ukraine approaches its third year, President Zelenskyy’s calls for NATO "
        "security guarantees and increased weapons support underscore the urgent need."
    )
    assert not any(q.text.startswith(("As the war", "The Road")) for q in nlp(text)._.quotes)


def test_cues_clause_coordinated_after_quoted_report_is_content(nlp):
    text = (
        "Governor Tom Hale said the program had been “a remarkable success,” and the state "
        "would need to “expand it” next year."
    )
    quote = quote_with(nlp(text)._.quotes, "remarkable success")
    assert quote.text.endswith("next year") and quote.cue.text == "said"


def test_cues_coordinated_clause_with_own_report_is_not_content(nlp):
    text = (
        "Governor Tom Hale said the program had been “a remarkable success,” and reporters "
        "asked him about the budget."
    )
    quote = quote_with(nlp(text)._.quotes, "remarkable success")
    assert "reporters" not in quote.text


@pytest.mark.parametrize(
    ("text", "quoted", "tail"),
    [
        (
            "Ticket sales were “flat for most of the spring” as fans waited to see how the season "
            "went, he said.",
            "flat for most",
            "how the season went",
        ),
        (
            "The lack of polling places was “especially harmful” to the poorer districts, "
            "which had fewer machines than the rest, the lawsuit alleges.",
            "especially harmful",
            "fewer machines than the rest",
        ),
        (
            "“There is a feeling of relief now,” and bookings started to climb again last month, "
            "Okonkwo said.",
            "feeling of relief",
            "climb again last month",
        ),
    ],
    ids=["as-clause", "relative-clause", "and-clause-after-closing-comma"],
)
def test_cues_inverted_cue_reports_the_whole_clause_before_it(nlp, text, quoted, tail):
    quote = quote_with(nlp(text)._.quotes, quoted)
    assert quote.text.endswith(tail)


@pytest.mark.parametrize(
    ("text", "quoted", "tail"),
    [
        (
            "Senator Ada Holm told the Herald that the forecasts could be “far off,” and have been "
            "wrong in past years.",
            "far off",
            "wrong in past years",
        ),
        (
            "Moreno said his old friend is ready to “take on the landlords,” secure the rents and "
            "improve care for pensioners.",
            "take on the landlords",
            "care for pensioners",
        ),
    ],
    ids=["and-perfect", "bare-verb-list"],
)
def test_cues_reported_verb_phrase_goes_on_after_closing_comma(nlp, text, quoted, tail):
    quote = quote_with(nlp(text)._.quotes, quoted)
    assert quote.kind == "mixed" and quote.text.endswith(tail)


@pytest.mark.parametrize(
    ("text", "said", "frame"),
    [
        (
            "Governor Ada Holm says she’s “happy where we are” as she faces a tough vote in the "
            "north.",
            "she’s “happy where we are”",
            "as she faces",
        ),
        (
            "Moretti accuses Dupont of treating her to a “crude attack” about her record while "
            "Dupont suggests she is a tool of the lobby.",
            "a “crude attack” about her record",
            "while Dupont",
        ),
    ],
    ids=["as-clause", "while-clause"],
)
def test_cues_framing_clause_after_quotation_is_not_content(nlp, text, said, frame):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.text.endswith(said) and frame not in quote.text


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ('Senator Ida Brandt chided the mayor for doubts over whether he had met the '
         '"residency rule" for the post.', "residency rule", "Ida Brandt"),
        ('The new ad portrays Tom Baker as "a friend of developers" who ignores the '
         "neighborhoods.", "friend of developers", "ad"),
    ],
    ids=["chide", "portray-as"],
)
def test_cues_lexicon_verbs_report_quotations(nlp, text, said, speaker):
    assert speaker in speaker_text(quote_with(nlp(text)._.quotes, said))


@pytest.mark.parametrize(
    "text",
    [
        "For that she drew the mayor's ire - he called her \"spineless\" and said she had "
        "\"no friends\" on the council.",
        "That earned her Jones's anger - he called her \"timid\" and said she had \"zero "
        "backing\" in Maine.",
    ],
    ids=["for-that-dash", "that-earned-dash"],
)
def test_cues_quoted_name_beats_clause_before_the_dash(nlp, text):
    quotes = nlp(text)._.quotes
    called = next(q for q in quotes if q.cue is not None and q.cue.text == "called")
    assert called.text.startswith("her \"")
    assert speaker_text(called) == "he"


@pytest.mark.parametrize(
    "text",
    ["Dupont has hailed Iceland’s decision to join the fishing pact as “splendid,” telling "
     "journalists on a trip to Reykjavik on Monday that he thinks the move is “a real "
     "step.”\n\nMoretti, who was speaking to the Federation of Fishermen, did not mention "
     "Dupont by name, but told the fishermen that the sea should be managed by those “who put "
     "the coast first.”"],
    ids=["hailed-then-new-paragraph"],
)
def test_cues_clause_in_next_paragraph_is_not_the_complement(nlp, text):
    quotes = nlp(text)._.quotes
    hailed = quote_with(quotes, "splendid")
    assert hailed.text.startswith("Iceland’s decision")
    assert speaker_text(hailed) == "Dupont"
    assert "Moretti" not in hailed.text


@pytest.mark.parametrize(
    "text",
    ["Jacobs credited the mayor with keeping “the whole city together” through the long winter."],
    ids=["credited-with"],
)
def test_cues_credited_with_is_a_report(nlp, text):
    quote = quote_with(nlp(text)._.quotes, "whole city")
    assert quote.text.startswith("the mayor with keeping")
    assert quote.cue is not None and quote.cue.text == "credited"
    assert speaker_text(quote) == "Jacobs"


@pytest.mark.parametrize("text", [
    "On March 3 at 9:00PM, officers responded to the 4100 block of Elm Ct in Easton to "
    "investigate a home invasion.",
    "Deputies responded to the scene, where they found a man.",
])
def test_cues_responding_to_a_place_is_no_speech(nlp, text):
    from europenews.analyze.quotes.cues import find_cues
    from europenews.analyze.quotes.lexicon import load_quote_lexicon
    doc = nlp(text)
    cues = [doc[c.cue[0]:c.cue[1]].text for c in find_cues(doc, load_quote_lexicon())]
    assert "responded" not in cues


def test_cues_responding_with_words_is_speech(nlp):
    text = "The mayor responded that the budget was fine."
    assert quote_with(nlp(text)._.quotes, "budget").cue.text == "responded"


@pytest.mark.parametrize(
    "text",
    [
        "Mara Quint Accused Of Hiding Pension Losses\n\nThe senator faces a hearing on Friday.",
        "Ellis Crane Praised For Flood Response\n\nThe governor visited the shelters.",
    ],
)
def test_cues_one_spoken_of_is_not_the_speaker(nlp, text):
    # A headline's "accused of", "praised for" without an object: the subject is who is
    # spoken of, not who speaks.
    names = {"Mara Quint", "Ellis Crane"}
    for quote in nlp(text)._.quotes:
        assert quote.speaker is None or quote.speaker.mention.text not in names, quote


def test_cues_object_first_verb_with_its_object_still_reports(nlp):
    text = "Governor Ellis Crane accused the senator of hiding the figures."
    quote = only_quote(nlp(text)._.quotes)
    assert speaker_text(quote).endswith("Ellis Crane")
    assert "hiding the figures" in quote.text


def test_cues_passive_with_an_agent_reports_the_agent(nlp):
    text = "The plan was criticized for its cost by the city's auditors in a long letter."
    quotes = nlp(text)._.quotes
    assert all(q.speaker is None or "plan" not in q.speaker.mention.text for q in quotes)


def test_cues_a_figure_alone_is_no_report(nlp):
    # A poll's table: "support" with a number is a figure, not what anyone said.
    text = ("The two exceptions are strongly Republican Wyoming (Obama approval 26 percent, "
            "Clinton support 27 percent) and Arkansas.")
    assert nlp(text)._.quotes == []
