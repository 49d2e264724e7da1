"""Quotations attributed by what names them: chants, passive naming."""

from __future__ import annotations

import pytest

from tests.analyze.quotes.helpers import quote_with, speaker_text


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
def test_naming_chant_nouns_give_the_chanters(nlp, text, said, speaker):
    quote = quote_with(nlp(text)._.quotes, said)
    assert speaker in speaker_text(quote)


def test_naming_chants_listed_together_without_chanters(nlp):
    text = ('The rally was met with chants of "Lock him up" and "Go home" as the senator '
            "arrived.")
    [quote] = nlp(text)._.quotes
    assert [text[s:e] for s, e in quote.spans] == ["Lock him up", "Go home"]
    assert quote.speaker is None


def test_naming_passive_naming_has_the_named_thing(nlp):
    text = ("The harbor project, which started in 2010, has been dubbed the \"bridge to "
            'nowhere" for its soaring costs.')
    quote = quote_with(nlp(text)._.quotes, "bridge to nowhere")
    assert quote.text.startswith("The harbor project")
    assert quote.speaker is None


def test_naming_slogan_is_names_its_owner(nlp):
    text = ('The vote was close.\n\nMayor Tom Baker\'s campaign slogan is "Fix the bridges '
            'first." He repeats it at every stop.')
    quote = quote_with(nlp(text)._.quotes, "Fix the bridges")
    assert "Tom Baker" in speaker_text(quote)
