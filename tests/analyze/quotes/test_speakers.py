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
def test_speakers_inverted_cue_finds_speaker_after_verb(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and mention in quote.speaker.mention.text


def test_speakers_speaker_of_previous_paragraph_is_not_subject(nlp):
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


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "7:40 p.m.\n\nBernie Sanders is pledging to “win many hundreds of delegates” on "
            "Super Tuesday.",
            "win many hundreds",
            "Bernie Sanders",
        ),
        (
            "LONDON (Reuters) - Donald Trump said he was “unlikely to have a good relationship” "
            "with the British prime minister.",
            "unlikely to have",
            "Donald Trump",
        ),
        (
            "Mitt Romney went after Trump on Wednesday over his taxes, calling it "
            "“disqualifying” and worse.",
            "disqualifying",
            "Mitt Romney",
        ),
        (
            "Hillary Clinton seemed ready to riff on the incident in Iowa, telling the crowd, "
            "“Some people get a little carried away, have you noticed that?”",
            "carried away",
            "Hillary Clinton",
        ),
        (
            "The demographic interplay matters for the contests - Philip Bump: “Two weeks ago, "
            "his strongest territory had been the South.”",
            "Two weeks ago",
            "Philip Bump",
        ),
        (
            "“Jeb wants to be a tough guy tonight,” Trump shot back at the debate.",
            "tough guy",
            "Trump",
        ),
        (
            "“It could be less about ethanol and more about distance,” said Jon Doggett, vice "
            "president of the growers association.",
            "less about ethanol",
            "Jon Doggett",
        ),
        (
            "Continued Stone: “So I think it is a very real problem for the campaign.”",
            "very real problem",
            "Stone",
        ),
        (
            "The director of the council says in a statement that the rhetoric has “crossed the "
            "line from spreading hatred to inciting violence.”",
            "crossed the line",
            "The director",
        ),
        (
            "As Akhil Amar, a professor of law at Yale, put it, “Senate Republicans should "
            "remember that a compromise could be worse.”",
            "compromise could be worse",
            "Akhil Amar",
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
        "Asked whether Clinton “has the integrity to serve effectively as president,” 75 "
        "percent of Democrats said yes."
    )
    quote = quote_with(nlp(text)._.quotes, "integrity")
    assert quote.speaker is None or quote.speaker.mention is None


def test_speakers_participle_naming_a_thing_has_no_speaker(nlp):
    text = (
        "Rob Calvert, a radio host in Nova Scotia, has set up a website called “Come North If "
        "The Senator Wins” that pitches the island as a new home."
    )
    for quote in nlp(text)._.quotes:
        if "Come North" in quote.text:
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
        "Bayside FM Vice President for news and talk Dave Morton called the show “the "
        "conservative news show of the year.”"
    )
    quote = quote_with(nlp(text)._.quotes, "news show of the year")
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert "Morton" in quote.speaker.mention.text and "Bayside" not in quote.speaker.mention.text


def test_speakers_comma_participle_hung_on_object_takes_clause_subject(nlp):
    # The parse seen in news text: ", saying" attached (acl) to the object noun "notion".
    from spacy.tokens import Doc

    from europenews.analyze.quotes.speakers import subject_of

    words = ["Ortega", "rejected", "the", "notion", ",", "saying", "no", "."]
    doc = Doc(
        nlp.vocab, words=words, heads=[1, 1, 3, 1, 3, 3, 5, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "punct", "acl", "dobj", "punct"],
        tags=["NNP", "VBD", "DT", "NN", ",", "VBG", "DT", "."],
        pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "DET", "PUNCT"],
    )
    assert subject_of(doc[5]).text == "Ortega"


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
            "After the floods, Tom Baker released a new radio ad calling it \"a disgrace\" that "
            "the county \"has no plan to rebuild the bridges.\"",
            "no plan",
            "Tom Baker",
        ),
        (
            "The Lopez campaign released a video that said, \"We are going to rebuild every "
            "school in this district, and we will start on day one.\"",
            "rebuild every school",
            "Lopez campaign",
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


def test_speakers_described_after_inverted_cue(nlp):
    text = ("“The harbour plan is a disaster for the fishermen of this town,” tweeted a Norwegian "
            "user from Bergen going by the handle Fjordman.")
    quote = quote_with(nlp(text)._.quotes, "harbour plan")
    assert speaker_text(quote) == "a Norwegian user"


def test_speakers_number_after_inverted_cue(nlp):
    text = "“America is great! The senator is terrible,” read one. “Anybody but him,” was another."
    quote = quote_with(nlp(text)._.quotes, "America is great")
    assert speaker_text(quote) == "one"


def test_speakers_subject_of_passive_hearsay(nlp):
    text = ("The mayor of Lyon is reported to have called the plan “a gift to speculators” during "
            "a closed meeting.")
    quote = quote_with(nlp(text)._.quotes, "gift to speculators")
    assert speaker_text(quote) == "The mayor"


@pytest.mark.parametrize("verb", ["expected", "authorized"])
def test_speakers_passive_non_hearsay_has_no_speaker(nlp, verb):
    doc = nlp(f"The filings are {verb} to show the costs of the campaign.")
    show = next(t for t in doc if t.lower_ == "show")
    assert subject_of(show) is None


def test_speakers_surname_read_as_modal(nlp):
    text = ("“The crisis in the capital of an ally is a reminder that the process will send a "
            "leader to the summit,” Will wrote.")
    quote = quote_with(nlp(text)._.quotes, "crisis in the capital")
    assert speaker_text(quote) == "Will"


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
