"""Quotes, round 8: speakers of direct quotes whose cue the parser left without a subject
(texts written for these tests; each positive case failed before its rule, the ``None`` cases
guard against the rules firing too widely). ``speaker.mention`` must point at the words in
the text, as PolNeAR scores it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from europenews.analyze.quotes.lostsubjects import aside_subject
from europenews.analyze.quotes.speakers import (
    inverted_subject,
    mention_range,
    noun_before,
    subject_of,
)
from tests.analyze.quote_helpers import quote_with, speaker_text


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "But Sen. Maria Lindqvist (D-Minn.), noting the size of the turnout in the northern "
            "counties, said, “Let me tell you, this is the biggest crowd we have had in a decade.”",
            "biggest crowd",
            "Sen. Maria Lindqvist",
        ),
        (
            "One delegate, who like others spoke on the condition of anonymity to discuss the "
            "closed meeting, said the message was that “this is not going to be settled before "
            "the summer recess.”",
            "summer recess",
            "One delegate",
        ),
    ],
    ids=["aside-participle", "aside-relative"],
)
def test_quotes_speaker_opens_sentence_before_aside(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert speaker_text(quote) == mention


def test_quotes_speaker_described_after_inverted_cue(nlp):
    text = ("“The harbour plan is a disaster for the fishermen of this town,” tweeted a Norwegian "
            "user from Bergen going by the handle Fjordman.")
    quote = quote_with(nlp(text)._.quotes, "harbour plan")
    assert speaker_text(quote) == "a Norwegian user"


def test_quotes_speaker_number_after_inverted_cue(nlp):
    text = "“America is great! The senator is terrible,” read one. “Anybody but him,” was another."
    quote = quote_with(nlp(text)._.quotes, "America is great")
    assert speaker_text(quote) == "one"


def test_quotes_speaker_of_passive_hearsay(nlp):
    text = ("The mayor of Lyon is reported to have called the plan “a gift to speculators” during "
            "a closed meeting.")
    quote = quote_with(nlp(text)._.quotes, "gift to speculators")
    assert speaker_text(quote) == "The mayor"


@pytest.mark.parametrize("verb", ["expected", "authorized"])
def test_speakers_passive_non_hearsay_has_no_speaker(nlp, verb):
    doc = nlp(f"The filings are {verb} to show the costs of the campaign.")
    show = next(t for t in doc if t.lower_ == "show")
    assert subject_of(show) is None


def test_quotes_speaker_surname_read_as_modal(nlp):
    text = ("“The crisis in the capital of an ally is a reminder that the process will send a "
            "leader to the summit,” Will wrote.")
    quote = quote_with(nlp(text)._.quotes, "crisis in the capital")
    assert speaker_text(quote) == "Will"


def _doc(nlp, words, heads, deps, pos, tags, ents=None):
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "tags", "speaker"),
    [
        (
            ["Then", "one", "lawmaker", "called", "Smith", "the", "prince", "."],
            [2, 2, 2, 2, 3, 6, 3, 2],
            ["advmod", "nummod", "ROOT", "acl", "oprd", "det", "oprd", "punct"],
            ["ADV", "NUM", "NOUN", "VERB", "PROPN", "DET", "NOUN", "PUNCT"],
            ["RB", "CD", "NN", "VBN", "NNP", "DT", "NN", "."],
            "lawmaker",
        ),
        (
            ["They", "built", "a", "website", "called", "Unity", "."],
            [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "det", "dobj", "acl", "oprd", "punct"],
            ["PRON", "VERB", "DET", "NOUN", "VERB", "PROPN", "PUNCT"],
            ["PRP", "VBD", "DT", "NN", "VBN", "NNP", "."],
            None,
        ),
    ],
    ids=["names-someone-something", "a-thing-called"],
)
def test_speakers_participle_with_two_complements(nlp, words, heads, deps, pos, tags, speaker):
    doc = _doc(nlp, words, heads, deps, pos, tags)
    called = next(t for t in doc if t.text == "called")
    found = subject_of(called)
    assert (found.text if found is not None else None) == speaker


def test_speakers_inverted_after_comma_takes_person(nlp):
    words = ["They", "pay", "for", "it", ",", "says", "Erik", "Vandel", "."]
    doc = _doc(
        nlp, words, [1, 1, 1, 2, 5, 1, 7, 5, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct", "parataxis", "compound", "dobj", "punct"],
        ["PRON", "VERB", "ADP", "PRON", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT"],
        ["PRP", "VBP", "IN", "PRP", ",", "VBZ", "NNP", "NNP", "."],
        ents=["O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"],
    )
    found = inverted_subject(doc[5])
    assert found is not None and found.text == "Vandel"


@pytest.mark.parametrize(
    "text",
    [
        "In Paris, after a long meeting with the unions, said the minister.",
        "Last Tuesday, a day after the long vote in the chamber, said the minister.",
    ],
    ids=["opens-with-preposition", "opens-with-date"],
)
def test_speakers_aside_subject_needs_a_named_opener(nlp, text):
    doc = nlp(text)
    said = next(t for t in doc if t.lower_ == "said")
    assert aside_subject(said) is None


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "Citing “obligations in Oregon,” the former senator’s spokeswoman told reporters "
            "that he would skip the meeting.",
            "obligations in Oregon",
            "the former senator’s spokeswoman",
        ),
        (
            "Ever since Anna Berg announced her candidacy last year, she's said the same thing at "
            "every town hall: \"It's not about me, it's about the town.\"",
            "about the town",
            "she",
        ),
        (
            "He has fought with the council over the budget, at one point calling the mayor a "
            "\"liar\" who was not \"honorable.\"",
            "liar",
            "He",
        ),
        (
            "At one point, Holm told Berg to \"breathe, breathe.\" That prompted Lindqvist to make "
            "a joke about yoga and call Berg \"very flexible,\" a nod to the rival.",
            "very flexible",
            "Lindqvist",
        ),
        (
            "In fact, she was recently suspended for two weeks after slamming the council for "
            "its “reckless and shameful” vote on the harbour.",
            "reckless and shameful",
            "she",
        ),
        (
            "Holm spoke just down the street from the old casino, now owned by investor Karl "
            "Berg, where about 50 protesters had gathered on Wednesday morning, chanting \"no "
            "contract, no peace\" after the talks failed.",
            "no contract",
            "about 50 protesters",
        ),
    ],
    ids=["opening-participle", "has-contracted", "at-one-point", "prompted-to-call",
         "passive-then-participle", "where-clause-participle"],
)
def test_quotes_speaker_of_clause_the_cue_hangs_from(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert speaker_text(quote) == mention


def test_speakers_noun_before_verb_ends_relative_clause(nlp):
    words = ["a", "official", "who", "spoke", "to", "discuss", "plans", "said", "."]
    doc = _doc(
        nlp, words, [1, 1, 3, 1, 5, 3, 5, 7, 7],
        ["det", "ROOT", "nsubj", "relcl", "aux", "advcl", "dobj", "ROOT", "punct"],
        ["DET", "NOUN", "PRON", "VERB", "PART", "VERB", "NOUN", "VERB", "PUNCT"],
        ["DT", "NN", "WP", "VBD", "TO", "VB", "NNS", "VBD", "."],
    )
    assert noun_before(doc[7]).text == "official"


def test_speakers_finite_verb_hung_on_earlier_verb(nlp):
    words = ["Lindqvist", ",", "exasperated", ",", "famously", "responded", ":"]
    doc = _doc(
        nlp, words, [2, 0, 2, 2, 5, 2, 5],
        ["nsubj", "punct", "ROOT", "punct", "advmod", "dep", "punct"],
        ["PROPN", "PUNCT", "VERB", "PUNCT", "ADV", "VERB", "PUNCT"],
        ["NNP", ",", "VBD", ",", "RB", "VBD", ":"],
    )
    assert subject_of(doc[5]).text == "Lindqvist"


def test_speakers_participle_after_time_clause_hung_on_noun(nlp):
    words = ["The", "incident", "came", "at", "Purchase", ",", "when", "protesters",
             "interrupted", "her", ",", "shouting", "no"]
    doc = _doc(
        nlp, words, [1, 2, 2, 2, 3, 4, 8, 8, 4, 8, 2, 2, 11],
        ["det", "nsubj", "ROOT", "prep", "pobj", "punct", "advmod", "nsubj", "relcl", "dobj",
         "punct", "advcl", "dobj"],
        ["DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT", "SCONJ", "NOUN", "VERB", "PRON",
         "PUNCT", "VERB", "DET"],
        ["DT", "NN", "VBD", "IN", "NNP", ",", "WRB", "NNS", "VBD", "PRP", ",", "VBG", "DT"],
    )
    assert subject_of(doc[11]).text == "protesters"


@pytest.mark.parametrize(
    ("words", "spaces", "heads", "deps", "mention"),
    [
        (
            ["S.C.", "-", "Sen.", "Cruz", "said"],
            [True, True, True, True, False],
            [3, 0, 3, 4, 4],
            ["compound", "punct", "compound", "nsubj", "ROOT"],
            "Sen. Cruz",
        ),
        (
            ["able", "candidate", ",", "”", "Viguerie", "says"],
            [True, False, False, True, True, False],
            [1, 4, 1, 1, 5, 5],
            ["amod", "compound", "punct", "punct", "nsubj", "ROOT"],
            "Viguerie",
        ),
    ],
    ids=["dateline-dash", "closing-mark"],
)
def test_speakers_mention_stops_at_dash_and_mark(nlp, words, spaces, heads, deps, mention):
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    head = doc[len(words) - 2]
    start, end = mention_range(head)
    assert doc[start:end].text == mention


def test_speakers_opening_perception_participle_has_no_speaker(nlp):
    doc = nlp("Seeing the warship headed in their direction, the skiffs tried to escape.")
    assert subject_of(doc[0]) is None


def test_speakers_aside_subject_needs_an_aside(nlp):
    doc = nlp("The Red Sox, considered to be the front-runner, also have put in a bid.")
    considered = next(t for t in doc if t.lower_ == "considered")
    assert aside_subject(considered) is None
