"""Quotes: who said it, when the parse does not hand us the subject (texts written for these
tests). ``speaker.mention`` must point at the words in the text, as PolNeAR scores it."""

from __future__ import annotations

import pytest

from tests.analyze.quote_helpers import quote_with


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
def test_quotes_speaker_mention(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == mention


def test_quotes_cue_after_earlier_quote_takes_its_own_quotation(nlp):
    text = (
        "“I think it has been most surprising to me,” Clinton said. “Some of his comments "
        "have been so divisive.”\n\n"
        "“It is going to be interesting to see what he decides to do,” she continued. “But he "
        "has really been offensive.”"
    )
    quote = quote_with(nlp(text)._.quotes, "interesting to see")
    assert quote.speaker.mention.text == "she"
    assert quote.cue is not None and quote.cue.text == "continued"


def test_quotes_asked_participle_gives_no_speaker(nlp):
    text = (
        "Asked whether Clinton “has the integrity to serve effectively as president,” 75 "
        "percent of Democrats said yes."
    )
    quote = quote_with(nlp(text)._.quotes, "integrity")
    assert quote.speaker is None or quote.speaker.mention is None


def test_quotes_quoted_object_is_not_continued_by_next_paragraph(nlp):
    text = (
        "“We will win this state,” Clinton said on Monday.\n\n"
        "Bernie Sanders has pushed his promise of “free college” across the state.\n\n"
        "“Nobody in this state should be left behind by the economy.”"
    )
    quotes = nlp(text)._.quotes
    pushed = quote_with(quotes, "free college")
    assert pushed.speaker.mention.text == "Bernie Sanders"
    last = quote_with(quotes, "Nobody in this state")
    assert last.speaker is None or last.speaker.name != "Bernie Sanders"


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
            "Peter Holm promised on Sunday at a rally in Reno to end “the wasteful detention "
            "program” within a year.",
            "wasteful detention",
            "Peter Holm",
        ),
    ],
    ids=["participle-naming-verb", "infinitive-object"],
)
def test_quotes_quoted_object_of_subjectless_verb_takes_governing_subject(
    nlp, text, said, mention
):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention.text == mention


def test_quotes_inverted_cue_after_quotation_beats_colon_introduction(nlp):
    text = (
        "In her speech, Rhonda Miles declared the need for courage and patience: “Change the "
        "town and when you have done that, change it again,” she said."
    )
    quotes = nlp(text)._.quotes
    quote = quote_with(quotes, "Change the town")
    assert quote.kind == "direct"
    assert quote.speaker.mention.text == "she" and quote.cue.text == "said"


def test_quotes_name_after_quotation_with_long_apposition_speaks(nlp):
    text = (
        "“A fine writer, a really fine writer this woman,” Halvorsen, the party’s candidate "
        "for governor and the clear favourite in the northern counties by a large margin after "
        "taking the spring primary, said when Lund asked her a question."
    )
    quote = quote_with(nlp(text)._.quotes, "fine writer")
    assert quote.speaker is not None and quote.speaker.mention.text == "Halvorsen"


def test_quotes_quotation_interrupted_by_object_cue_is_one_quote(nlp):
    text = (
        "Admiral Vance made it plain that he had doubts about the navy's budget.\n\n"
        "“Now that I am free to speak my mind,” he told the presenter, “it was "
        "exhausting to work for that ministry.”"
    )
    quote = quote_with(nlp(text)._.quotes, "free to speak")
    assert "exhausting" in quote.text and len(quote.spans) == 2
    assert quote.speaker.mention.text == "he" and quote.cue.text == "told"


def test_quotes_participle_naming_a_thing_has_no_speaker(nlp):
    text = (
        "Rob Calvert, a radio host in Nova Scotia, has set up a website called “Come North If "
        "The Senator Wins” that pitches the island as a new home."
    )
    for quote in nlp(text)._.quotes:
        if "Come North" in quote.text:
            assert quote.speaker is None or quote.speaker.mention is None


def test_quotes_noun_before_subjectless_cue_speaks(nlp):
    text = (
        "In a talk with radio hosts Anna Berg and Tomas Lind, the Green party leader stated "
        "that the minister’s “reckless” plans do not “match what I expected of him.”"
    )
    quote = quote_with(nlp(text)._.quotes, "reckless")
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert "leader" in quote.speaker.mention.text


def test_quotes_title_phrase_ending_in_name_gives_the_name(nlp):
    text = (
        "Bayside FM Vice President for news and talk Dave Morton called the show “the "
        "conservative news show of the year.”"
    )
    quote = quote_with(nlp(text)._.quotes, "news show of the year")
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert "Morton" in quote.speaker.mention.text and "Bayside" not in quote.speaker.mention.text


def test_quotes_comma_participle_hung_on_object_takes_clause_subject(nlp):
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
