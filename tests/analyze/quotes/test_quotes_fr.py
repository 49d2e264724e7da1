"""French quotes (issue 22): « selon X » / « d'après X » as an indirect cue with X as the
source, inverted speakers (« a-t-il déclaré », « estime-t-elle ») resolved to the article's
cast, a title before the name, and an outlet as ``via`` of a person's report."""

from __future__ import annotations

import pytest
from spacy.language import Language

from europenews.analyze.pipeline import analyze_article
from europenews.analyze.quotes import load_quote_lexicon
from europenews.model import Article, Quote


def _quotes(nlp: Language, text: str) -> tuple[Quote, ...]:
    return analyze_article(nlp, Article(text, language="fr")).quotes


def _only(nlp: Language, text: str) -> Quote:
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(("text", "name", "mention"), [
    ("Giorgia Meloni a reçu les syndicats mardi. « Le dialogue reste ouvert », a-t-elle "
     "déclaré à la sortie.", "Giorgia Meloni", "elle"),
    ("Pedro Sánchez a quitté Bruxelles dans la soirée. « Nous avons obtenu un bon accord », "
     "affirme-t-il.", "Pedro Sánchez", "il"),
    ("Ursula von der Leyen a présenté le budget. « Chaque euro compte », estime-t-elle.",
     "Ursula von der Leyen", "elle"),
    ("Mark Rutte a parlé aux alliés. « Nous resterons unis face à cette menace », "
     "ajoute-t-il.", "Mark Rutte", "il"),
])
def test_quotes_fr_inverted_pronoun_resolves_to_the_cast(nlp: Language, text: str, name: str,
                                                         mention: str) -> None:
    quote = _only(nlp, text)
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == mention
    assert quote.speaker.name == name


def test_quotes_fr_inverted_pronoun_takes_the_person_of_its_gender(nlp: Language) -> None:
    text = ("Annalena Baerbock a rencontré Olaf Scholz à Berlin. « La réponse sera européenne »,"
            " a-t-elle assuré.")
    quote = _only(nlp, text)
    assert quote.speaker is not None and quote.speaker.name == "Annalena Baerbock"


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Selon la préfecture, deux routes restent fermées à cause de la neige.", "la préfecture",
     "deux routes restent fermées à cause de la neige"),
    ("D'après l'agence Reuters, les négociations reprendront lundi à Genève.",
     "l'agence Reuters", "les négociations reprendront lundi à Genève"),
    ("Le vote aura lieu jeudi, selon le porte-parole du gouvernement.",
     "le porte-parole du gouvernement", "Le vote aura lieu jeudi"),
    # "lancer" is a speech verb (« lance-t-il »), but a passive one reports nothing itself
    ("Selon la marine, trois missiles ont été lancés depuis la côte pendant la nuit.",
     "la marine", "trois missiles ont été lancés depuis la côte pendant la nuit"),
])
def test_quotes_fr_selon_is_an_indirect_cue_with_its_source(nlp: Language, text: str,
                                                            source: str, content: str) -> None:
    quote = _only(nlp, text)
    assert quote.kind == "indirect"
    assert quote.cue is not None and quote.cue.text.lower() in ("selon", "d'après")
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == source
    assert quote.text == content
    assert quote.speaker.via is None


def test_quotes_fr_outlet_of_a_persons_report_is_its_via(nlp: Language) -> None:
    text = "« Les troupes resteront sur place », a dit Olaf Scholz, selon Le Monde."
    quote = _only(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.name == "Olaf Scholz"
    assert quote.speaker.via == "Le Monde"


def test_quotes_fr_title_before_the_name_speaks_through_the_name(nlp: Language) -> None:
    text = ("« La frontière restera fermée », a déclaré le ministre de l'Intérieur "
            "Gérald Darmanin.")
    quote = _only(nlp, text)
    assert quote.speaker is not None and quote.speaker.name == "Gérald Darmanin"


def test_quotes_fr_lexicon_optional_files() -> None:
    french = load_quote_lexicon(language="fr")
    assert {"selon", "d'après"} <= french.source_preps
    assert french.pronouns["-elle"] == "f" and french.pronouns["-il"] == "m"
    english = load_quote_lexicon(language="en")
    assert english.source_preps == frozenset() and english.pronouns == {}


def test_quotes_fr_english_selon_means_nothing(nlp: Language) -> None:
    # The French rules are the French lexicon's: an English sentence keeps its own reading.
    text = "Selon is a word the reporter used once, the editor said."
    quotes = analyze_article(nlp, Article(text, language="en")).quotes
    assert all(q.cue is None or q.cue.text != "Selon" for q in quotes)


@pytest.mark.parametrize("headline", [
    "Marseille : deux blessés dans un accident de tramway sur le Vieux-Port",
    "Odessa : une frappe de missile touche le port dans la nuit",
])
def test_quotes_fr_place_before_a_colon_is_no_speaker(nlp: Language, headline: str) -> None:
    text = f"{headline}\n\nLes faits se sont produits dans la matinée de mardi."
    assert all(q.cue is None or q.cue.text != ":" for q in _quotes(nlp, text))


def test_quotes_fr_selon_a_pronoun_resolves_to_the_cast(nlp: Language) -> None:
    text = ("Pedro Sánchez a quitté le sommet avant la fin. Selon lui, un accord sur le budget "
            "sera trouvé avant l'été.")
    quote = _only(nlp, text)
    assert quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == "Pedro Sánchez"


def test_quotes_fr_title_without_name_keeps_its_complement(nlp: Language) -> None:
    text = ("« Aucune décision n'a encore été prise sur ce dossier », a déclaré à la presse "
            "la porte-parole de la préfecture.")
    quote = _only(nlp, text)
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "la porte-parole de la préfecture"
    assert quote.speaker.name is None  # a description nobody of the cast fits


@pytest.mark.parametrize("text", [
    "Pedro Sánchez a quitté Bruxelles dans la soirée.\n— Nous avons obtenu un bon accord — "
    "affirme-t-il.",
    "Pedro Sánchez a quitté Bruxelles dans la soirée.\n– Nous avons obtenu un bon accord – "
    "affirme-t-il.",
])
def test_quotes_fr_dash_led_dialogue_is_a_direct_quote(nlp: Language, text: str) -> None:
    quote = _only(nlp, text)
    assert (quote.text, quote.kind) == ("Nous avons obtenu un bon accord", "direct")
    assert quote.speaker is not None and quote.speaker.name == "Pedro Sánchez"
