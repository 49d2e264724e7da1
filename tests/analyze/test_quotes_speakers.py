"""Quotes: who said it, when the parse does not hand us the subject (texts written for these
tests). ``speaker.mention`` must point at the words in the text, as PolNeAR scores it."""

from __future__ import annotations

import pytest


def _with(quotes, words):
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, quotes
    return found[0]


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
    quote = _with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == mention


def test_quotes_cue_after_earlier_quote_takes_its_own_quotation(nlp):
    text = (
        "“I think it has been most surprising to me,” Clinton said. “Some of his comments "
        "have been so divisive.”\n\n"
        "“It is going to be interesting to see what he decides to do,” she continued. “But he "
        "has really been offensive.”"
    )
    quote = _with(nlp(text)._.quotes, "interesting to see")
    assert quote.speaker.mention.text == "she"
    assert quote.cue is not None and quote.cue.text == "continued"


def test_quotes_asked_participle_gives_no_speaker(nlp):
    text = (
        "Asked whether Clinton “has the integrity to serve effectively as president,” 75 "
        "percent of Democrats said yes."
    )
    quote = _with(nlp(text)._.quotes, "integrity")
    assert quote.speaker is None or quote.speaker.mention is None


def test_quotes_quoted_object_is_not_continued_by_next_paragraph(nlp):
    text = (
        "“We will win this state,” Clinton said on Monday.\n\n"
        "Bernie Sanders has pushed his promise of “free college” across the state.\n\n"
        "“Nobody in this state should be left behind by the economy.”"
    )
    quotes = nlp(text)._.quotes
    pushed = _with(quotes, "free college")
    assert pushed.speaker.mention.text == "Bernie Sanders"
    last = _with(quotes, "Nobody in this state")
    assert last.speaker is None or last.speaker.name != "Bernie Sanders"
