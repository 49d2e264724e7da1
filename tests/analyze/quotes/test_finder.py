"""The quote cascade end to end: kinds, statements, continued quotes, the seed article."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from europenews.analyze.extensions import register_extensions
from europenews.analyze.quotes import find_quotes, load_quote_lexicon
from tests.analyze.quotes.helpers import only_quote, quote_with, speaker_text


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ('"We will not retreat," Kallas said.', "We will not retreat", "Kallas"),
        ("“We will not retreat,” said Kallas.", "We will not retreat", "Kallas"),
        ("Rutte said that the alliance stands ready.", "the alliance stands ready", "Rutte"),
        ("Kallas told reporters that the truce must hold.", "the truce must hold", "Kallas"),
    ],
    ids=["direct-trailing-cue", "direct-inverted", "indirect-that", "told-reporters"],
)
def test_finder_attributes_speaker(nlp, text, said, speaker):
    quote = only_quote(nlp(text)._.quotes)
    assert text[quote.start : quote.end] == said
    assert quote.speaker.mention.text == speaker


def test_finder_interrupted_quote_is_one_quote_with_two_spans(nlp):
    text = "“We will win,” Mark Rutte said, “and we will not retreat from Europe.”"
    quote = only_quote(nlp(text)._.quotes)
    assert [text[s:e] for s, e in quote.spans] == [
        "We will win,",
        "and we will not retreat from Europe.",
    ]
    assert quote.speaker.mention.text == "Mark Rutte"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("“The harbour stays open for every ship,” the port director Ilse Varga said.",
         "The harbour stays open for every ship"),
        ("“We have one goal: the ferry line by spring;” Varga told the council.",
         "We have one goal: the ferry line by spring"),
        ("She urged a vote on the pier, particularly if the town decides to “close the old "
         "pier for good” in terms of safety.",
         "the town decides to “close the old pier for good”"),
        ("Varga said the council should not “sell the harbour.”",
         "the council should not “sell the harbour.”"),
    ],
    ids=["trailing-comma", "trailing-semicolon", "inner-marks-mid", "inner-marks-end"],
)
def test_finder_quote_text_is_exactly_the_words_quoted(nlp, text, said):
    quote = only_quote(nlp(text)._.quotes)
    assert quote.text.endswith(said)
    assert not quote.text.endswith((",", ";", ":"))
    assert quote.text.count("“") == quote.text.count("”")


def test_finder_interrupted_quote_keeps_its_inner_comma(nlp):
    text = "“We will build it,” Ilse Varga said, “and the town will pay for none of it.”"
    quote = only_quote(nlp(text)._.quotes)
    assert quote.text == "We will build it, and the town will pay for none of it."


def test_finder_scare_quotes_are_not_statements(nlp):
    text = "Talks about a “NATO umbrella” continued in Brussels on Monday."
    assert nlp(text)._.quotes == []


def test_finder_partial_quote_in_reported_speech_is_mixed(nlp):
    text = "Mark Rutte called for “steps forward with NATO” and more long-range weapons."
    quote = only_quote(nlp(text)._.quotes)
    assert quote.kind == "mixed"
    assert "steps forward with NATO" in quote.text
    assert quote.speaker.name == "Mark Rutte"


def test_finder_cueless_paragraph_continues_previous_speaker(nlp):
    text = (
        "“We will keep the pressure on Moscow,” Kaja Kallas said on Monday.\n\n"
        "“Nobody in Europe wants this war to last another winter.”"
    )
    quotes = nlp(text)._.quotes
    assert len(quotes) == 2
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Kaja Kallas"


def test_finder_offsets_index_the_text(nlp):
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
def test_finder_seed_article_speakers(seed_analysis, said, speaker):
    quote = next(q for q in seed_analysis.quotes if said in q.text)
    assert quote.speaker is not None and quote.speaker.name is not None
    assert quote.speaker.name.endswith(speaker.split()[-1])


def test_finder_seed_article_has_no_scare_quote_statements(seed_analysis):
    texts = [q.text for q in seed_analysis.quotes if q.kind == "direct"]
    assert "NATO umbrella" not in texts and "hot war" not in texts


def test_finder_quotation_after_a_cue_sentence_continues_its_quote(nlp):
    text = (
        "“How can you be sure those scratches were not old? I am not a vet,” Moreau told "
        "reporters, pointing to scratches that Lind showed to the court. “Would the dog not have "
        "barked?”"
    )
    quote = quote_with(nlp(text)._.quotes, "barked")
    assert quote.speaker.mention.text == "Moreau"


@pytest.mark.parametrize(
    ("text", "said", "mention"),
    [
        (
            "“I think the march will be calm,” said Police Sergeant Anna Kowal, who said she "
            "would not join either side. “The police view of their plans is just so far from "
            "reality.”",
            "police view",
            "Police Sergeant Anna Kowal",
        ),
        (
            "“History will judge the landlords of our time harshly,” Berglund said in a speech "
            "to tenants, as she called for fairer rents in the city. “Profit cannot decide where "
            "families live.”",
            "Profit cannot decide",
            "Berglund",
        ),
    ],
    ids=["relative-clause", "as-clause"],
)
def test_finder_aside_report_does_not_take_next_quotation(nlp, text, said, mention):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.speaker is not None and quote.speaker.mention.text.startswith(mention)


def test_finder_full_stop_quotation_not_claimed_by_next_sentence(nlp):
    text = (
        "Rubino wrote to the company in October.\n\n"
        "“We hope to start the work before winter.” Steve Adler, the owner of the firm, said "
        "the council has not answered his letter."
    )
    quote = quote_with(nlp(text)._.quotes, "We hope to start")
    assert quote.text == "We hope to start the work before winter."
    assert quote.speaker is None or quote.speaker.name != "Steve Adler"


def test_finder_scare_quote_without_named_subject_is_not_a_quote(nlp):
    text = "The so-called “umbrella” deal was signed in Brussels on Monday."
    assert nlp(text)._.quotes == []


def test_finder_belief_report_does_not_stop_the_paragraph_quote(nlp):
    # "she plans ..." is the writer's report of an intention; the next quotation goes on with
    # the quote the paragraph's speaker gave.
    doc = nlp('"You can\'t blame him for what his brother did," said Ruth Olsen, 52, a baker '
              "from Hull. A voter since 1990, she plans to back Ahmed next month. "
              '"All he went through and it is not right."')
    quote = quote_with(doc._.quotes, "it is not right")
    assert speaker_text(quote) == "Ruth Olsen"
    assert "blame him" in quote.text


def test_finder_belief_report_alone_still_gives_its_speaker(nlp):
    # Guard: with no earlier quote in the paragraph the cueless quotation keeps the last speaker.
    doc = nlp("A voter since 1990, she plans to back Ahmed next month. "
              '"All he went through, it is not right for him."')
    quote = quote_with(doc._.quotes, "not right for him")
    assert speaker_text(quote) == "she"


def test_finder_report_dropped_as_nested_releases_its_quotation(nlp):
    text = ('The mayor answered the critics by saying: "We are building more homes this year '
            'than in any year since the war, and we will keep building."')
    quote = quote_with(nlp(text)._.quotes, "more homes")
    assert quote.kind == "direct"
    assert speaker_text(quote) == "The mayor"


def test_finder_title_nobody_said_stays_out(nlp):
    # A title nobody is said to have said is not a statement.
    text = 'The museum opened its "Summer Lights" show on Friday.'
    assert nlp(text)._.quotes == []


def test_finder_seed_partial_quotations_after_a_pronoun_cue_are_mixed(seed_analysis):
    # "He called for concrete “steps forward with NATO” and a “good number” of ... weapons"
    quote = next(q for q in seed_analysis.quotes if "steps forward with NATO" in q.text)
    assert quote.kind == "mixed"
    assert "good number" in quote.text
    assert quote.speaker is not None and quote.speaker.name is not None
    assert quote.speaker.name.endswith("Zelenskyy")


def test_finder_seed_time_clause_is_no_statement(seed_analysis):
    # "As the war ... approaches its third year, President Zelenskyy’s calls for NATO security
    # guarantees ..." — the time clause before a noun cue is not what anyone said.
    assert not any(q.text.startswith("As the war") for q in seed_analysis.quotes)


def test_finder_cue_after_earlier_quote_takes_its_own_quotation(nlp):
    text = (
        "“I think it has been quite a shock to me,” Ahmed said. “Some of her remarks have been "
        "so harsh.”\n\n"
        "“It is going to be curious to see what she decides to do,” she continued. “But she has "
        "really been unkind.”"
    )
    quote = quote_with(nlp(text)._.quotes, "curious to see")
    assert quote.speaker.mention.text == "she"
    assert quote.cue is not None and quote.cue.text == "continued"


def test_finder_quoted_object_is_not_continued_by_next_paragraph(nlp):
    text = (
        "“We will carry this county,” Ahmed said on Monday.\n\n"
        "Marco Ricci has pushed his promise of “free buses” across the county.\n\n"
        "“Nobody in this valley should be left behind by the new economy.”"
    )
    quotes = nlp(text)._.quotes
    pushed = quote_with(quotes, "free buses")
    assert pushed.speaker.mention.text == "Marco Ricci"
    last = quote_with(quotes, "Nobody in this valley")
    assert last.speaker is None or last.speaker.name != "Marco Ricci"


def test_finder_place_before_a_headline_colon_is_no_speaker(nlp):
    # A dateline-style headline: the city is where it happened, not who said it.
    text = ("Chicago: two killed as gunfire hits a block party overnight\n\n"
            "Two men died when shots were fired into the crowd, police said.")
    quotes = nlp(text)._.quotes
    assert all(speaker_text(q) != "Chicago" for q in quotes)
    assert not any(q.text.startswith("two killed as gunfire") for q in quotes)


@pytest.mark.parametrize(("opens", "closes"), [("«", "»"), ("„", "“"), ("»", "«"), ("‹", "›")])
def test_finder_french_and_german_marks_give_a_direct_quote(opens, closes):
    # A hand-built parse: the marks are candidates whatever the model; the cue reports them.
    register_extensions()
    words = [opens, "We", "will", "stay", closes, ",", "Marie", "said", "."]
    doc = Doc(Vocab(), words=words, spaces=[False, True, True, False, False, True, True, False,
                                            False],
              heads=[3, 3, 3, 7, 3, 7, 7, 7, 7],
              deps=["punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
              pos=["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
              lemmas=[opens, "we", "will", "stay", closes, ",", "Marie", "say", "."],
              sent_starts=[True] + [False] * 8)
    quote = only_quote(find_quotes(doc, load_quote_lexicon()))
    assert (quote.text, quote.kind, speaker_text(quote)) == ("We will stay", "direct", "Marie")


@pytest.mark.parametrize("naming", ["titled", "entitled", "headlined"])
def test_finder_a_quoted_title_is_no_quotation(nlp, naming):
    # The title of a report in quotation marks is named, not said: it is neither a quote of
    # its own nor part of the speaker's quotation before it.
    text = ('Tom Hale spoke on Monday. "We will not back down," Hale said. The group released a '
            f'strategy paper {naming} "Advancing Rights and Health in a New Administration" '
            "last year.")
    found = [text[q.start:q.end] for q in nlp(text)._.quotes]
    assert found == ["We will not back down"]


def test_finder_a_title_cased_name_in_marks_is_no_quotation(nlp):
    # A show's name, with the comma American style puts inside the marks, is named, not said.
    text = ('Before “The Golden Hour,” Marta Quinn hosted a radio show. “We never saw it '
            'coming,” one producer said.')
    found = [text[q.start:q.end] for q in nlp(text)._.quotes]
    assert not any("Golden Hour" in f for f in found)
    assert any(f.startswith("We never saw it coming") for f in found)


@pytest.mark.parametrize("said", ["“No,” she said.", "“Not even one,” she said."])
def test_finder_a_short_reply_is_still_a_quotation(nlp, said):
    text = f"Reporters asked Dana Ruiz whether anyone had resigned. {said}"
    found = [text[q.start:q.end] for q in nlp(text)._.quotes]
    assert any(f.rstrip(",") in ("No", "Not even one") for f in found)


def test_finder_a_one_word_title_a_verb_takes_is_no_quotation(nlp):
    text = 'Dana Holt will direct the sequel to "Moonrise" next year.'
    assert nlp(text)._.quotes == []
