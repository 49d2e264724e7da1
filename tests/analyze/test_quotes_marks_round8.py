"""Quotes: quotations we used to miss entirely, read from the marks' side (issue 3, round 8;
texts written for these tests)."""

from __future__ import annotations

import pytest

from europenews.analyze.quotes.marks import find_marked_quotes
from tests.analyze.quote_helpers import quote_with, speaker_text


def test_quotemarks_curly_pair_inside_straight_quotation_is_nested():
    text = ('As the website explains: "The founders wrote what they called “a covenant” and '
            'signed it," and the council still follows it.')
    [mark] = find_marked_quotes(text)
    assert [text[s:e] for s, e in mark.fragments] == [
        "The founders wrote what they called “a covenant” and signed it,",
    ]


def test_quotemarks_stray_straight_opener_leaves_curly_pairs_alone():
    # No straight mark closes the paragraph: the one opening it is a stray, not a quotation
    # holding the curly pair.
    text = ('"Smith walked onto the stage, chanting “We win! We win!”\n\n'
            '“That is right, we do,” Jones said to the crowd.')
    assert [text[m.start:m.end] for m in find_marked_quotes(text)] == [
        "We win! We win!", "That is right, we do,"]


def test_quotemarks_doubled_opener_is_not_nested():
    # `"“...”`: a stray straight mark before a curly quotation, which is the quotation.
    text = '"“We won,” Smith said before leaving.'
    assert [text[m.start:m.end] for m in find_marked_quotes(text)] == ["We won,"]


def test_quotemarks_markup_attributes_are_no_quotations():
    text = ('<tweet author="@janeporter" date="May 1">We will not give up.</tweet> '
            'She said "never."')
    assert [text[m.start:m.end] for m in find_marked_quotes(text)] == ["never."]


def test_quotes_marks_round8_report_dropped_as_nested_releases_its_quotation(nlp):
    text = ('The mayor answered the critics by saying: "We are building more homes this year '
            'than in any year since the war, and we will keep building."')
    quote = quote_with(nlp(text)._.quotes, "more homes")
    assert quote.kind == "direct"
    assert speaker_text(quote) == "The mayor"


def test_quotes_marks_round8_aside_cue_takes_short_quoted_phrase(nlp):
    text = ('The two cities, Mayor Ruiz said, now have a "historic chance" to share their '
            "water supply.")
    quote = quote_with(nlp(text)._.quotes, "historic chance")
    assert quote.text.startswith("The two cities")
    assert "Ruiz" in speaker_text(quote)


def test_quotes_marks_round8_colon_before_no_break_space(nlp):
    text = ("Tom Baker, the county's top lawyer, was clear in his ruling:\u00a0\"No further "
            'appeals will be heard on this matter."')
    quote = quote_with(nlp(text)._.quotes, "No further appeals")
    assert "Baker" in speaker_text(quote)


def test_quotes_marks_round8_when_questioned_after_quotation_is_not_its_cue(nlp):
    text = ('Senator Jane Porter clashed with the panel, chiding them, "Why are we still talking '
            'about this?" when questioned about the emails.')
    quote = quote_with(nlp(text)._.quotes, "still talking")
    assert quote.cue is not None and quote.cue.text == "chiding"
    assert speaker_text(quote) == "Senator Jane Porter"


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ('Hundreds of fans packed the square, and their chants of "Go Blues! Go Blues!" could '
         "be heard for blocks.", "Go Blues!", "their"),
        ('A crowd of students joined in a loud chant of "Save our school!" outside the hall.',
         "Save our school!", "crowd"),
    ],
    ids=["their-chants", "joined-in-a-chant"],
)
def test_quotes_marks_round8_chant_nouns_give_the_chanters(nlp, text, said, speaker):
    quote = quote_with(nlp(text)._.quotes, said)
    assert speaker in speaker_text(quote)


def test_quotes_marks_round8_chants_listed_together_without_chanters(nlp):
    text = ('The rally was met with chants of "Lock him up" and "Go home" as the senator '
            "arrived.")
    [quote] = nlp(text)._.quotes
    assert [text[s:e] for s, e in quote.spans] == ["Lock him up", "Go home"]
    assert quote.speaker is None


def test_quotes_marks_round8_named_remark_gives_its_owner(nlp):
    text = 'Mayor Tom Baker\'s "broken bridges" remark drew criticism from the council.'
    quote = quote_with(nlp(text)._.quotes, "broken bridges")
    assert "Tom Baker" in speaker_text(quote)


def test_quotes_marks_round8_passive_naming_has_the_named_thing(nlp):
    text = ("The harbor project, which started in 2010, has been dubbed the \"bridge to "
            'nowhere" for its soaring costs.')
    quote = quote_with(nlp(text)._.quotes, "bridge to nowhere")
    assert quote.text.startswith("The harbor project")
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ('Senator Jane Porter chided the mayor for questions about whether he met the '
         '"residency rule" for office.', "residency rule", "Jane Porter"),
        ('The new ad portrays Tom Baker as "a friend of developers" who ignores the '
         "neighborhoods.", "friend of developers", "ad"),
    ],
    ids=["chide", "portray-as"],
)
def test_quotes_marks_round8_lexicon_verbs(nlp, text, said, speaker):
    assert speaker in speaker_text(quote_with(nlp(text)._.quotes, said))


def test_quotes_marks_round8_scare_quote_nobody_said_stays_out(nlp):
    # A title nobody is said to have said is not a statement.
    text = 'The museum opened its "Summer Lights" show on Friday.'
    assert nlp(text)._.quotes == []


def test_quotes_marks_round8_slogan_is_names_its_owner(nlp):
    text = ('The vote was close.\n\nMayor Tom Baker\'s campaign slogan is "Fix the bridges '
            'first." He repeats it at every stop.')
    quote = quote_with(nlp(text)._.quotes, "Fix the bridges")
    assert "Tom Baker" in speaker_text(quote)


def test_quotes_marks_round8_owned_speech_noun_reports_its_infinitive(nlp):
    text = ('Mayor Tom Baker\'s promise to be "tough on crime" during the campaign worried the '
            "council.")
    quote = quote_with(nlp(text)._.quotes, "tough on crime")
    assert quote.text.startswith("to be")
    assert "Tom Baker" in speaker_text(quote)


def test_quotes_marks_round8_object_of_bare_speech_verb(nlp):
    text = 'She held up a sign which read "Nurses 4 Porter" and waved it.'
    quote = quote_with(nlp(text)._.quotes, "Nurses 4 Porter")
    assert quote.cue is not None and quote.cue.text == "read"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The city must act before winter comes," the editorial read.', "editorial"),
        ('"The harbor will reopen in June and the ferries will run again," the Danes state in '
         "the report.", "Danes"),
    ],
    ids=["editorial-read", "danes-state"],
)
def test_quotes_marks_round8_speech_verb_tagged_as_noun_after_quotation(nlp, text, speaker):
    [quote] = nlp(text)._.quotes
    assert speaker in speaker_text(quote)


def test_quotes_marks_round8_noun_after_quotation_before_verb_is_subject(nlp):
    # Guard: "the state" is the subject of "argued", not a misread verb.
    text = '"The law is clear and the court must follow it," the state argued in its brief.'
    [quote] = nlp(text)._.quotes
    assert quote.cue is not None and quote.cue.text == "argued"
