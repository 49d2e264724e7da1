"""Speakers: the finder gives a mention; the entities component resolves it afterwards."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from europenews.analyze.quotes.speakers import speaker_at
from europenews.model import Mention, Speaker
from tests.analyze.quotes.helpers import only_quote


def test_attribution_pronoun_resolves_to_person(nlp):
    text = (
        "German Foreign Minister Annalena Baerbock visited Beijing on Tuesday. "
        "She warned that China was supplying weapons to Russia."
    )
    quote = only_quote(nlp(text)._.quotes)
    assert quote.speaker.mention.text == "She"
    assert quote.speaker.name == "Annalena Baerbock"


def test_speaker_at_gives_the_mention_without_an_entity():
    words = ["Ms.", "Kallas", "said", "no"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2],
              deps=["compound", "nsubj", "ROOT", "dobj"])
    assert speaker_at(doc, 1) == Speaker(mention=Mention(0, 10, "Ms. Kallas"))


def test_speaker_at_leaves_a_signature_dash_out_of_the_name():
    words = ["-Senator", "Lopez", "wrote"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2],
              deps=["compound", "nsubj", "ROOT"])
    assert speaker_at(doc, 1).mention == Mention(1, 14, "Senator Lopez")
