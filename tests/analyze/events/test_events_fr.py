"""French casualty events (issue 22): figures and event words read off the French parse with
the French event lexicon (``events/udfigures.py``, ``events/lexicons/fr``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from europenews.analyze.events import load_event_lexicon
from europenews.analyze.pipeline import analyze_article
from europenews.errors import ConfigError
from europenews.model import Article, Event


def _events(nlp: Language, text: str) -> tuple[Event, ...]:
    return analyze_article(nlp, Article(text, language="fr")).events


def _main(nlp: Language, text: str) -> Event:
    events = _events(nlp, text)
    assert events, f"no event in {text!r}"
    return events[0]


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("Le tir d'un obus a fait quatre morts et neuf blessés près de la gare de Kharkiv.", 4, 9),
    ("Au moins six personnes ont été tuées lundi soir dans une frappe de drone sur Odessa.",
     6, None),
    ("Trois randonneurs ont perdu la vie dans une avalanche dans les Alpes.", 3, None),
    ("Un mort dans une attaque au couteau devant une école de Grenoble.", 1, None),
    ("Vingt et un soldats ont trouvé la mort dans le bombardement de la caserne.", 21, None),
    ("La fusillade a fait un mort et deux blessés légers dans un quartier de Nantes.", 1, 2),
    ("Deux hommes et une femme ont été blessés par balle vendredi à Toulouse.", None, 3),
    ("L'explosion a tué deux ouvriers dans l'usine chimique.", 2, None),
    ("Le séisme a fait quatre-vingt-dix morts selon un bilan provisoire.", 90, None),
    ("Les secours ont dénombré 1 200 blessés après le tremblement de terre.", None, 1200),
])
def test_events_fr_exact_figures(nlp: Language, text: str, killed: int | None,
                                 injured: int | None) -> None:
    event = _main(nlp, text)
    assert (event.killed, event.injured) == (killed, injured)
    for figure in event.figures:  # each figure carries its evidence: the sentence and phrase
        assert figure.text and figure.text in text
        assert text[figure.start:figure.end].strip()
        assert 0.0 <= figure.confidence <= 1.0


def test_events_fr_subset_after_dont_is_no_extra_figure(nlp: Language) -> None:
    event = _main(nlp, "On compte quinze blessés, dont quatre grièvement, après l'attaque "
                       "au couteau dans le métro.")
    assert event.injured == 15 and event.killed is None
    assert [f.value for f in event.figures] == [15]


def test_events_fr_dont_inside_the_victims_is_not_added(nlp: Language) -> None:
    event = _main(nlp, "Sept personnes, dont deux enfants, ont été tuées dans l'explosion.")
    assert event.killed == 7


@pytest.mark.parametrize(("text", "phrase"), [
    ("Une dizaine de personnes ont été blessées dans le bombardement de la ville.",
     "Une dizaine de personnes"),
    ("Des dizaines de morts ont été recensés après le séisme.", "Des dizaines de morts"),
    ("Plusieurs blessés ont été transportés à l'hôpital après la fusillade.", "Plusieurs"),
])
def test_events_fr_vague_quantity_is_no_exact_figure(nlp: Language, text: str,
                                                     phrase: str) -> None:
    event = _main(nlp, text)
    assert event.killed is None and event.injured is None
    assert phrase in (event.killed_text or event.injured_text or "")
    assert not event.figures  # nothing to show as a number


@pytest.mark.parametrize(("text", "type_", "weapon"), [
    ("Une frappe de drone a tué trois civils dans la région de Kherson.", "drone strike",
     "drone"),
    ("Une attaque au couteau a fait deux blessés à la gare.", "stabbing", "knife"),
    ("Une fusillade a fait un mort dans la nuit à Marseille.", "shooting", "firearm"),
    ("Une explosion a fait cinq blessés dans un immeuble de Lille.", "explosion", None),
    ("Le bombardement du marché a fait douze morts.", "shelling", "artillery"),
])
def test_events_fr_event_words_give_type_and_weapon(nlp: Language, text: str, type_: str,
                                                    weapon: str | None) -> None:
    event = _main(nlp, text)
    assert event.type == type_
    assert event.weapon == weapon


@pytest.mark.parametrize("text", [
    "Le ministre a menacé de tuer le projet de réforme des retraites.",
    "Plus de 300 personnes ont été tuées sur les routes depuis le début de l'année.",
    "Le film raconte la mort de deux frères pendant la guerre de 1914.",
    "Le gouvernement a présenté trois mesures pour les blessés de la route.",
])
def test_events_fr_no_figure_where_none_is_reported(nlp: Language, text: str) -> None:
    assert all(e.killed is None and e.injured is None for e in _events(nlp, text))


def test_events_fr_no_casualty_zero(nlp: Language) -> None:
    event = _main(nlp, "L'incendie de l'entrepôt n'a fait aucun blessé, selon les pompiers.")
    assert event.injured == 0


def test_events_fr_confidence_is_the_no_model_half(nlp: Language) -> None:
    # No French figure model: a French figure is never confident enough to show alone.
    from europenews.stories.casualties import SHOW_CONFIDENCE

    event = _main(nlp, "Une frappe de missile a fait huit morts dans le centre de Dnipro.")
    assert event.figures and all(f.confidence == 0.5 < SHOW_CONFIDENCE for f in event.figures)


def test_events_fr_lexicon_reads_numbers_and_grammar() -> None:
    lex = load_event_lexicon(language="fr")
    assert lex.grammar == "ud" and lex.numbers is not None
    assert lex.triggers["frappe de drone"] == ("drone strike", "drone")
    english = load_event_lexicon(language="en")
    assert english.grammar == "clearnlp" and english.numbers is None


def test_events_fr_ud_lexicon_without_numbers_is_refused(tmp_path: Path) -> None:
    from importlib import resources

    packaged = resources.files("europenews.analyze.events").joinpath("lexicons", "fr")
    for name in ("casualty_words.json", "triggers.tsv"):
        (tmp_path / name).write_text(packaged.joinpath(name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    with pytest.raises(ConfigError, match=r"numbers\.json"):
        load_event_lexicon(tmp_path)


@pytest.mark.parametrize(("text", "source"), [
    ("Selon les pompiers, deux personnes ont été blessées dans l'incendie de l'hôtel.",
     "les pompiers"),
    ("Quatre soldats ont été tués dans l'embuscade, d'après la police locale.",
     "la police locale"),
])
def test_events_fr_source_of_the_figures_after_selon(nlp: Language, text: str,
                                                     source: str) -> None:
    event = _main(nlp, text)
    assert event.source is not None and event.source.name == source
    assert all(f.source == event.source for f in event.figures)


def test_events_fr_source_is_not_a_place_inside_its_complement(nlp: Language) -> None:
    text = ("Deux passants ont été blessés lors d'une attaque au couteau à Lille, d'après la "
            "préfecture du Nord.")
    event = _main(nlp, text)
    assert event.source is not None and event.source.name == "la préfecture du Nord"


@pytest.mark.parametrize(("text", "killed", "phrase"), [
    ("Trois ont été tués dans la fusillade du centre commercial.", 3, "Trois"),
    ("Le 3 mars, deux soldats ont été tués par un obus près du front.", 2, "deux soldats"),
    ("Jeanne Morel meurt le 2 avril dans un accident de la route près de Dijon.", 1,
     "Jeanne Morel"),
])
def test_events_fr_dates_are_no_head_counts(nlp: Language, text: str, killed: int,
                                            phrase: str) -> None:
    event = _main(nlp, text)
    assert event.killed == killed and event.killed_text == phrase
