"""Quotes: marks, cues, speakers — short texts written for these tests, plus the seed article."""

from __future__ import annotations

import pytest

from europenews.analyze.quotes.marks import find_marked_quotes


def _only(quotes, kind=None):
    found = [q for q in quotes if kind is None or q.kind == kind]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', [["we will win"]]),
        ("He said “we will win” today.", [["we will win"]]),
        (
            "“First part goes on\n\n“and ends here.” Then more.",
            [["First part goes on", "and ends here."]],
        ),
        ("``We will win,'' he said.", [["We will win,"]]),
        ("She called it ‘a total sham’ and left. It’s Jones’ dog.", [["a total sham"]]),
    ],
    ids=["straight", "curly", "multi-paragraph", "typewriter", "single"],
)
def test_quotemarks_finds_fragments(text, expected):
    found = [[text[s:e] for s, e in q.fragments] for q in find_marked_quotes(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ('"We will not retreat," Kallas said.', "We will not retreat,", "Kallas"),
        ("“We will not retreat,” said Kallas.", "We will not retreat,", "Kallas"),
        ("Rutte said that the alliance stands ready.", "the alliance stands ready", "Rutte"),
        ("Kallas told reporters that the truce must hold.", "the truce must hold", "Kallas"),
    ],
    ids=["direct-trailing-cue", "direct-inverted", "indirect-that", "told-reporters"],
)
def test_quotes_attributes_speaker(nlp, text, said, speaker):
    quote = _only(nlp(text)._.quotes)
    assert text[quote.start : quote.end] == said
    assert quote.speaker.mention.text == speaker


def test_quotes_interrupted_quote_is_one_quote_with_two_spans(nlp):
    text = "“We will win,” Mark Rutte said, “and we will not retreat from Europe.”"
    quote = _only(nlp(text)._.quotes)
    assert [text[s:e] for s, e in quote.spans] == [
        "We will win,",
        "and we will not retreat from Europe.",
    ]
    assert quote.speaker.mention.text == "Mark Rutte"


def test_quotes_scare_quotes_are_not_statements(nlp):
    text = "Talks about a “NATO umbrella” continued in Brussels on Monday."
    assert nlp(text)._.quotes == []


def test_quotes_partial_quote_in_reported_speech_is_mixed(nlp):
    text = "Mark Rutte called for “steps forward with NATO” and more long-range weapons."
    quote = _only(nlp(text)._.quotes)
    assert quote.kind == "mixed"
    assert "steps forward with NATO" in quote.text
    assert quote.speaker.name == "Mark Rutte"


def test_quotes_pronoun_resolves_to_person(nlp):
    text = (
        "German Foreign Minister Annalena Baerbock visited Beijing on Tuesday. "
        "She warned that China was supplying weapons to Russia."
    )
    quote = _only(nlp(text)._.quotes)
    assert quote.speaker.mention.text == "She"
    assert quote.speaker.name == "Annalena Baerbock"


def test_quotes_according_to(nlp):
    text = "Three people were killed in the attack, according to governor Oleksandr Prokudin."
    quote = _only(nlp(text)._.quotes)
    assert quote.cue.text == "according to"
    assert "Three people were killed" in quote.text
    assert quote.speaker.name == "Oleksandr Prokudin"


def test_quotes_cueless_paragraph_continues_previous_speaker(nlp):
    text = (
        "“We will keep the pressure on Moscow,” Kaja Kallas said on Monday.\n\n"
        "“Nobody in Europe wants this war to last another winter.”"
    )
    quotes = nlp(text)._.quotes
    assert len(quotes) == 2
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Kaja Kallas"


def test_quotes_dash_signature(nlp):
    text = "“Maybe we can build a wall around the whole debate.” ― Jane Quinlan\n\nMore."
    quote = _only(nlp(text)._.quotes)
    assert quote.speaker.mention.text == "Jane Quinlan"


def test_quotes_offsets_index_the_text(nlp):
    text = "Zoë Müller sagte: nothing. “Ça va, we will win this war,” Müller said."
    for quote in nlp(text)._.quotes:
        for s, e in quote.spans:
            assert text[s:e] in quote.text


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("An invitation for Ukraine to join NATO", "Volodymyr Zelenskyy"),
        ("Only when we have all these items", "Volodymyr Zelenskyy"),
        ("My message is clear", "Kaja Kallas"),
        ("shouldn’t really rule out anything", "Kaja Kallas"),
        ("strongest security guarantee", "Kaja Kallas"),
        ("Instead of taking responsibility", "Annalena Baerbock"),
        ("take the fight to the Russians", "Jake Sullivan"),
        ("Ukraine needed both security guarantees", "Volodymyr Zelenskyy"),
        ("China of providing weapons to Russia", "Annalena Baerbock"),
        ("conventional military support", "Jake Sullivan"),
        ("at least three people were killed", "Oleksandr Prokudin"),
    ],
)
def test_quotes_seed_article_speakers(seed_analysis, said, speaker):
    quote = next(q for q in seed_analysis.quotes if said in q.text)
    assert quote.speaker is not None and quote.speaker.name is not None
    assert quote.speaker.name.endswith(speaker.split()[-1])


def test_quotes_seed_article_has_no_scare_quote_statements(seed_analysis):
    texts = [q.text for q in seed_analysis.quotes if q.kind == "direct"]
    assert "NATO umbrella" not in texts and "hot war" not in texts


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Han sa: ”Det här är bra.” Sedan gick han.", ["Det här är bra."]),
        ("”Fear. I am afraid.”\n― Edwin Moreno", ["Fear. I am afraid."]),
        ("He said “no,” and then ”yes.”", ["no,", "yes."]),
        ("Er sagte »Nein« und ging.", ["Nein"]),
    ],
)
def test_quotemarks_closing_mark_opens_before_a_word(text, inside):
    found = [text[a:b] for q in find_marked_quotes(text) for a, b in q.fragments]
    assert found == inside
