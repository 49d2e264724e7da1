"""Per-language pipelines (analyze/languages.py, analyze/pipeline.py) on texts of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from europenews.analyze.languages import MODELS, MULTILINGUAL, lexicon_language, plan_for
from europenews.analyze.pipeline import analyze_article, analyze_articles
from europenews.config import Settings
from europenews.contract import analysis_to_dict
from europenews.model import Article

FRENCH = (
    "Kiev sous le feu des drones russes\n\n"
    "Le président ukrainien Volodymyr Zelensky a dénoncé mardi une nuit d'attaques contre "
    "Kiev, où une frappe de drones a fait trois morts et sept blessés dans un immeuble "
    "d'habitation. « Nous ne céderons pas à la terreur », a-t-il déclaré devant la presse. "
    "La ministre allemande des Affaires étrangères doit se rendre à Kiev jeudi."
)
GERMAN = ("Die Bundesregierung in Berlin hat am Mittwoch ein neues Hilfspaket für die Ukraine "
          "beschlossen, teilte ein Sprecher des Ministeriums mit.")
SWEDISH = ("Regeringen i Stockholm beslutade på onsdagen om ett nytt stödpaket till Ukraina, "
           "meddelade en talesperson för departementet.")


def test_languages_french_article_is_analysed_with_the_french_pipeline(nlp: Language) -> None:
    analysis = analyze_article(nlp, Article(FRENCH, id="fr1", language=None))
    assert analysis.article.language == "fr"
    people = {e.name: e for e in analysis.entities if e.type == "person"}
    assert "Volodymyr Zelensky" in people
    places = {p.name: p.country for p in analysis.places}
    assert places.get("Kiev") == "UA" or places.get("Kyiv") == "UA"
    assert any("Nous ne céderons pas" in q.text for q in analysis.quotes)
    assert analysis_to_dict(analysis)["language"] == "fr"


def test_languages_french_titles_give_roles(nlp: Language) -> None:
    analysis = analyze_article(nlp, Article(FRENCH, language="fr"))
    roles = {e.name: e.roles for e in analysis.entities if e.type == "person"}
    assert roles["Volodymyr Zelensky"] == ("président ukrainien",)


@pytest.mark.parametrize(("text", "name", "role"), [
    ("La ministre allemande des Affaires étrangères Annalena Baerbock est arrivée à Kiev.",
     "Annalena Baerbock", "ministre allemande des Affaires étrangères"),
    ("Le maire de Paris Anne Hidalgo a salué la décision du conseil.", "Anne Hidalgo",
     "maire de Paris"),
    ("Le Premier ministre polonais Donald Tusk a rencontré des agriculteurs.", "Donald Tusk",
     "Premier ministre polonais"),
])
def test_languages_french_title_before_the_name(nlp: Language, text: str, name: str,
                                                 role: str) -> None:
    analysis = analyze_article(nlp, Article(text, language="fr"))
    roles = {e.name: e.roles for e in analysis.entities if e.type == "person"}
    assert roles[name] == (role,)


def test_languages_french_preposition_is_no_part_of_a_role(nlp: Language) -> None:
    text = "Selon le président Emmanuel Macron, la réforme sera présentée au printemps."
    analysis = analyze_article(nlp, Article(text, language="fr"))
    roles = [r for e in analysis.entities for r in e.roles]
    assert roles and not any(r.lower().startswith("selon") for r in roles)


def test_languages_names_keep_their_french_adjectives(nlp: Language) -> None:
    text = "Les dirigeants de l'Union européenne se réunissent à Bruxelles jeudi."
    analysis = analyze_article(nlp, Article(text, language="fr"))
    # The whole name is the mention; the French lexicon gives it its store-wide name.
    union = next(e for e in analysis.entities if e.type == "organization")
    assert [m.text for m in union.mentions] == ["Union européenne"]
    assert union.name == "European Union"


def test_languages_an_article_in_a_language_not_analysed_is_kept_with_no_findings(
    nlp: Language,
) -> None:
    english = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday."
    results = list(analyze_articles(nlp, [Article(SWEDISH, id="sv1", language=None),
                                          Article(english, id="en1", language=None)]))
    assert [r.article.id for r in results] == ["sv1", "en1"]  # input order kept
    assert results[0].article.language == "sv"
    assert results[0].entities == () and results[0].quotes == ()
    assert results[1].article.language == "en" and results[1].entities


def test_languages_plan_falls_back_to_english_lexicons_where_none_is_packaged() -> None:
    plan = plan_for("fr", Settings())
    assert plan is not None and plan.model == MODELS["fr"] and plan.relabel
    configs = dict(plan.configs)
    quotes = configs["europenews_quotes"]["lexicon"]
    assert isinstance(quotes, dict)
    assert quotes["language"] == lexicon_language("quotes", "fr", "speech_verbs.txt") == "fr"
    # The entities folder holds a French entity lexicon but no first names: the cast words
    # the quote component resolves speakers with stay English.
    assert configs["europenews_entities"]["lexicon"]["language"] == "fr"  # type: ignore[index]
    assert configs["europenews_quotes"]["cast"]["language"] == "en"  # type: ignore[index]
    assert configs["europenews_gazetteer"]["names"]["language"] == "en"  # type: ignore[index]


@pytest.mark.parametrize("language", ["de", "pl", "sv", "xx"])
def test_languages_no_plan_for_a_language_not_configured_or_without_a_reader(
    language: str,
) -> None:
    assert plan_for(language, Settings(languages=("en", "fr"))) is None
    settings = Settings(languages=("en", "fr", language))
    assert (plan_for(language, settings) is None) == (language not in MULTILINGUAL)


def test_languages_a_language_without_a_model_gets_the_name_recogniser_and_no_parse_reader(
) -> None:
    plan = plan_for("pl", Settings())
    assert plan is not None and plan.model is None
    assert "europenews_entities" in plan.components
    assert "europenews_quotes" not in plan.components  # it reads a dependency parse


def test_languages_german_article_gets_names_from_the_multilingual_recogniser(
    nlp: Language,
) -> None:
    analysis = analyze_article(nlp, Article(GERMAN, id="de1", language=None))
    assert analysis.article.language == "de"
    types = {e.name: e.type for e in analysis.entities}
    assert types.get("Berlin") == "place" and types.get("Ukraine") == "place"
    assert "Mittwoch" not in types and "Sprecher" not in types


def test_languages_only_configured_languages_are_analysed() -> None:
    assert plan_for("fr", Settings(languages=("en",))) is None
    english = plan_for("en", Settings(languages=("en",)))
    assert english is not None and not english.relabel
