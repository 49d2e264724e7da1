"""Speakers resolved to the article's entities: names, pronouns, descriptions."""

from __future__ import annotations

from tests.analyze.quotes.helpers import only_quote


def test_attribution_pronoun_resolves_to_person(nlp):
    text = (
        "German Foreign Minister Annalena Baerbock visited Beijing on Tuesday. "
        "She warned that China was supplying weapons to Russia."
    )
    quote = only_quote(nlp(text)._.quotes)
    assert quote.speaker.mention.text == "She"
    assert quote.speaker.name == "Annalena Baerbock"
