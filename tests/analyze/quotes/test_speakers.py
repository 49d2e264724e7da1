"""The head token of a speaker's mention, and the mention's words."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from europenews.analyze.quotes.speakers import (
    inverted_subject,
    mention_range,
    noun_before,
    subject_of,
)
from tests.analyze.quotes.helpers import quote_with, speaker_text


def _doc(nlp, words, heads, deps, pos, tags, ents=None):
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "“Farmers are deeply worried about the new tariff,” said Agriculture committee "
            "ranking member Karin Holt (D-Vt.).",
            "worried",
            "Karin Holt",
        ),
        (
            "“If anyone wonders why the inquiry is not yet complete, this report is the "
            "answer,”\u00a0added Gowdy.",
            "inquiry",
            "Gowdy",
        ),
        (
            "“The slump we see this month comes straight from the strikes, the fuel prices, "
            "all the old supply trouble,” said a person who advises the board.",
            "slump we see",
            "a person",
        ),
        (
            "A man was hurt in Springfield on Monday. “The driver would not get out of the "
            "car,” said Springfield Police Sgt. Lee Brandt.",
            "driver would not",
            "Lee Brandt",
        ),
        (
            "A man was hurt in Springfield on Monday.\n\"The driver would not get out of the "
            "car.\nHe was arrested an hour later,\" said Police Lt. Ann Holt.\nThe road is "
            "open again.",
            "driver would not",
            "Ann Holt",
        ),
    ],
    ids=["title-before-name", "no-break-space", "subject-after-verb", "rank-before-name",
         "quote-over-two-lines"],
)
def test_speakers_inverted_cue_finds_speaker_after_verb(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and mention in quote.speaker.mention.text


def test_speakers_speaker_of_previous_paragraph_is_not_subject(nlp):
    text = (
        "“He could hardly climb the stairs of the town hall. Never again, never him.”\n\n"
        "Another reader said, “We all know how he feels about the nurses, and our schools for "
        "that matter.”"
    )
    quote = quote_with(nlp(text)._.quotes, "nurses")
    assert quote.speaker is not None and quote.speaker.mention.text == "Another reader"


def test_speakers_mention_range_stops_at_verb_inside_entity(nlp):
    words = ["Trump", "assured", "Jones", "."]
    doc = Doc(nlp.vocab, words=words, pos=["PROPN", "VERB", "PROPN", "PUNCT"],
              heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
              ents=["B-WORK_OF_ART", "I-WORK_OF_ART", "I-WORK_OF_ART", "O"])
    assert mention_range(doc[0]) == (0, 1)


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "9:15 a.m.\n\nGreta Lindholm is promising to “sign up thousands of new members” "
            "before the congress.",
            "thousands of new members",
            "Greta Lindholm",
        ),
        (
            "OSLO (Reuters) - Henrik Dahl said he was “not likely to find much common ground” "
            "with the Swedish finance minister.",
            "common ground",
            "Henrik Dahl",
        ),
        (
            "Petra Novak went after Lindqvist on Thursday over his expenses, calling them "
            "“indefensible” and worse.",
            "indefensible",
            "Petra Novak",
        ),
        (
            "Marta Keller seemed ready to joke about the mishap in Graz, telling the audience, "
            "“A few of us get rather overexcited, did you notice?”",
            "overexcited",
            "Marta Keller",
        ),
        (
            "The regional split matters for the vote - Ingrid Saar: “Three weeks ago, her best "
            "region had been the coast.”",
            "Three weeks ago",
            "Ingrid Saar",
        ),
        (
            "“Olaf wants to play the hard man tonight,” Berg shot back at the debate.",
            "hard man",
            "Berg",
        ),
        (
            "“It could be less about the wages and more about the hours,” said Lena Fisk, vice "
            "president of the nurses association.",
            "less about the wages",
            "Lena Fisk",
        ),
        (
            "Continued Varga: “So I think it is a very serious problem for the league.”",
            "very serious problem",
            "Varga",
        ),
        (
            "The head of the union says in a letter that the company has “moved from quiet "
            "pressure to open threats.”",
            "quiet pressure",
            "The head",
        ),
        (
            "As Nina Holm, a professor of economics at Uppsala, put it, “The ministers should "
            "remember that a delay could cost more.”",
            "delay could cost more",
            "Nina Holm",
        ),
    ],
    ids=["dateline-paragraph", "dateline-city", "participle", "participle-before-quote",
         "name-colon", "phrasal-cue", "inverted-cue", "cue-verb-signs-name",
         "said-in-a-statement", "as-x-put-it"],
)
def test_speakers_mention_of_the_speaker(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == mention


def test_speakers_asked_participle_gives_no_speaker(nlp):
    text = (
        "Asked whether the mayor “has the patience to run the city for four more years,” 62 "
        "percent of residents said yes."
    )
    quote = quote_with(nlp(text)._.quotes, "patience")
    assert quote.speaker is None or quote.speaker.mention is None


def test_speakers_participle_naming_a_thing_has_no_speaker(nlp):
    text = (
        "Mia Lund, a baker in Tromso, runs a blog called “Move Up North If The Tax "
        "Passes” that pitches the town as a new home."
    )
    for quote in nlp(text)._.quotes:
        if "Move Up North" in quote.text:
            assert quote.speaker is None or quote.speaker.mention is None


def test_speakers_noun_before_subjectless_cue_speaks(nlp):
    text = (
        "In a talk with radio hosts Anna Berg and Tomas Lind, the Green party leader stated "
        "that the minister’s “reckless” plans do not “match what I expected of him.”"
    )
    quote = quote_with(nlp(text)._.quotes, "reckless")
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert "leader" in quote.speaker.mention.text


def test_speakers_title_phrase_ending_in_name_gives_the_name(nlp):
    text = (
        "Northwind FM Senior Editor for culture and talk Maria Gonzalez called the series “the "
        "boldest radio drama of the year.”"
    )
    quote = quote_with(nlp(text)._.quotes, "radio drama of the year")
    mention = quote.speaker.mention if quote.speaker is not None else None
    assert mention is not None and "Gonzalez" in mention.text and "Northwind" not in mention.text


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            "Sen. Maria Lopez said Smith's budget would cut money for rural schools, and called "
            "him \"the worst friend our farmers have ever had.\"",
            "worst friend",
            "Maria Lopez",
        ),
        (
            "Governor Tom Baker said the plan will cost too much and insisted that his state was "
            "\"still the strongest economy in the region.\"",
            "strongest economy",
            "Tom Baker",
        ),
    ],
    ids=["called-him", "insisted-that"],
)
def test_speakers_coordinated_report_keeps_reporter(nlp, text, said, speaker):
    assert speaker in speaker_text(quote_with(nlp(text)._.quotes, said))


def test_speakers_coordinated_clause_with_own_reporter_unchanged(nlp):
    # Not a report: "told" is the subject's own second act, not a report's reported clause.
    text = ("Mayor Ana Ruiz visited the harbor on Monday and told dock workers that the city "
            "would \"never abandon the people who keep this port running.\"")
    assert "Ana Ruiz" in speaker_text(quote_with(nlp(text)._.quotes, "never abandon"))


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            "After the storm, Eva Lind launched a new TV ad calling it \"a scandal\" that the "
            "region \"has no plan to repair the roads.\"",
            "no plan",
            "Eva Lind",
        ),
        (
            "The Lind campaign posted a video that said, \"We will reopen every library "
            "in this county, and we will start next spring.\"",
            "reopen every library",
            "Lind campaign",
        ),
    ],
    ids=["ad-calling", "video-that-said"],
)
def test_speakers_media_speaks_for_its_publisher(nlp, text, said, speaker):
    assert speaker in speaker_text(quote_with(nlp(text)._.quotes, said))


def test_speakers_participle_after_when_clause(nlp):
    text = ("The second protest came during a talk at the city library, when Baker fans "
            "interrupted her talk, shouting \"he wins, we win!\"")
    assert "Baker fans" in speaker_text(quote_with(nlp(text)._.quotes, "we win"))


@pytest.mark.parametrize("verb", ["expected", "authorized"])
def test_speakers_passive_non_hearsay_has_no_speaker(nlp, verb):
    doc = nlp(f"The filings are {verb} to show the costs of the campaign.")
    show = next(t for t in doc if t.lower_ == "show")
    assert subject_of(show) is None


def test_speakers_surname_read_as_modal(nlp):
    text = ("“The flood in the valley is a warning that the old dams will not hold another "
            "spring,” Will wrote.")
    quote = quote_with(nlp(text)._.quotes, "flood in the valley")
    assert speaker_text(quote) == "Will"


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "tags", "speaker"),
    [
        (
            ["They", "built", "a", "website", "called", "Unity", "."],
            [1, 1, 3, 1, 3, 4, 1],
            ["nsubj", "ROOT", "det", "dobj", "acl", "oprd", "punct"],
            ["PRON", "VERB", "DET", "NOUN", "VERB", "PROPN", "PUNCT"],
            ["PRP", "VBD", "DT", "NN", "VBN", "NNP", "."],
            None,
        ),
    ],
    ids=["a-thing-called"],
)
def test_speakers_participle_naming_a_thing(nlp, words, heads, deps, pos, tags, speaker):
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
    ("text", "said", "mention"),
    [
        (
            "Citing “obligations in Oregon,” the former senator’s spokeswoman told reporters "
            "that he would skip the meeting.",
            "obligations in Oregon",
            "the former senator’s spokeswoman",
        ),
        (
            "Ever since Ida Roos entered the race in March, she's said one thing at "
            "each town hall: \"This race was never mine, it belongs to the valley.\"",
            "belongs to the valley",
            "she",
        ),
        (
            "He has argued with the board over the pensions, at one point calling the chairman a "
            "\"cheat\" who was not \"decent.\"",
            "cheat",
            "He",
        ),
        (
            "Sandberg spoke a block away from the old brewery, now owned by developer Erik Falk, "
            "where about 40 dockers had assembled on Friday evening, chanting \"no deal, no "
            "work\" after the talks collapsed.",
            "no deal",
            "about 40 dockers",
        ),
    ],
    ids=["opening-participle", "has-contracted", "at-one-point", "where-clause-participle"],
)
def test_speakers_subject_of_clause_the_cue_hangs_from(nlp, text, said, mention):
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
    doc = nlp("Seeing the patrol boat turn toward them, the smugglers tried to escape.")
    assert subject_of(doc[0]) is None


def test_speakers_a_place_opening_a_title_phrase_is_not_the_speaker(nlp):
    # The parser hangs the previous paragraph's "Click" on the verb as its subject; the new
    # paragraph's phrase "Eastland Attorney General Dana Ortiz's office" speaks through the
    # person who owns it, not through the state that opens it.
    words = ["Click", "here", "\n\n", "Eastland", "Attorney", "General", "Dana", "Ortiz", "'s",
             "office", "argued", "that", "it", "failed", "."]
    heads = [10, 0, 1, 4, 5, 7, 7, 9, 7, 0, 10, 13, 13, 10, 10]
    deps = ["nsubj", "advmod", "dep", "compound", "compound", "compound", "compound", "poss",
            "case", "npadvmod", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    pos = ["VERB", "ADV", "SPACE", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "PART", "NOUN",
           "VERB", "SCONJ", "PRON", "VERB", "PUNCT"]
    tags = ["VB", "RB", "_SP", "NNP", "NNP", "NNP", "NNP", "NNP", "POS", "NN", "VBD", "IN",
            "PRP", "VBD", "."]
    ents = ["O", "O", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O",
            "O", "O"]
    doc = _doc(nlp, words, heads, deps, pos, tags, ents)
    head = subject_of(doc[10])
    assert head is not None and head.text == "Ortiz"


@pytest.mark.parametrize("owner", ["Quinn's rep", "Quinn's publicist", "her rep"])
def test_speakers_a_representative_speaks_not_the_person_represented(nlp, owner):
    doc = nlp(f'Singer Mara Quinn has left the band.\n"She needs a break," {owner} told '
              "reporters.")
    quinn = next(e.id for e in doc._.entities if e.name == "Mara Quinn")
    [quote] = doc._.quotes
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.entity != quinn
