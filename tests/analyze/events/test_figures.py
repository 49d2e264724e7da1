# ruff: noqa: E501  (sample texts read better unwrapped)
"""Each casualty figure carries its evidence and a confidence (analyze/events/figures.py,
evidence.py, confidence.py; issue 16)."""

from __future__ import annotations

import pytest

from europenews.analyze.events.confidence import (
    FEATURES,
    NO_MODEL,
    FigureModel,
    figure_model_from_dict,
)
from europenews.analyze.events.lexicon import load_event_lexicon
from europenews.errors import ConfigError

LEAD = "A man was shot in the leg outside a casino on Friday night and is in stable condition, police said."


def _main(nlp, text):
    events = nlp(text)._.events
    return events[0] if events else None


def test_figures_carry_their_sentence_source_and_confidence(nlp):
    text = "Three people were killed and five wounded in a shooting on Friday, the sheriff said."
    event = _main(nlp, text)
    killed = next(f for f in event.figures if f.kind == "killed")
    assert (killed.value, text[killed.start:killed.end]) == (3, text)
    assert killed.text == "Three people" and killed.source is not None
    assert killed.source.name == "the sheriff"
    assert 0.0 <= killed.confidence <= 1.0


def test_issue_16_background_incident_is_not_the_events_figure(nlp):
    text = (LEAD + " The strip was closed for hours. Officers are reviewing video of the scene. "
            "It was the second incident on the strip in recent months. In February, a man steered "
            "his truck into a crowd at a market, injuring 36 and killing one.")
    event = _main(nlp, text)
    assert event is not None and not event.killed
    assert event.injured == 1


def test_issue_16_threat_is_not_a_death(nlp):
    text = ("Four men were wounded in the shooting on Tuesday, police said. Prosecutors say the "
            "gang had targeted a rival for killing, according to the indictment.")
    event = _main(nlp, text)
    assert event is not None and not event.killed and event.injured == 4


def test_issue_16_software_is_not_a_death(nlp):
    text = ("Microsoft released an emergency patch on Tuesday for a flaw in Internet Explorer. "
            "The vulnerability could allow an attacker to execute code on the computer of a user "
            "who visits a booby-trapped website.")
    event = _main(nlp, text)
    assert event is None or not event.killed


def test_issue_16_lead_figure_is_more_confident_than_a_later_total(nlp):
    text = ("Two men were shot and killed Saturday night on the West Side, police said. "
            + "Detectives are still looking for a motive. " * 6
            + "So far this year, 312 people have been killed in shootings across the city.")
    events = nlp(text)._.events
    killed = [f for e in events for f in e.figures if f.kind == "killed"]
    assert killed[0].value == 2
    assert all(f.value != 312 for f in killed[1:]) or killed[0].confidence > max(
        f.confidence for f in killed[1:] if f.value == 312)


def test_figures_model_file_loads_and_matches_the_features():
    model = load_event_lexicon().figure_model
    assert len(model.weights) == len(FEATURES)
    assert model is not NO_MODEL and any(model.weights)


def test_figures_model_unknown_feature_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown features"):
        figure_model_from_dict({"features": {"no_such_feature": 1.0}})


def test_figures_model_missing_features_weigh_nothing():
    model = figure_model_from_dict({"features": {"lead": 2.0}, "intercept": -1.0})
    assert model.weights[FEATURES.index("lead")] == 2.0 and sum(model.weights) == 2.0
    base = [0.0] * len(FEATURES)
    lead = list(base)
    lead[FEATURES.index("lead")] = 1.0
    assert model.probability(lead) > model.probability(base)
    assert FigureModel(model.weights, -1.0).probability(base) == pytest.approx(0.269, abs=0.001)


def _titled(nlp, title, text):
    from europenews.analyze.pipeline import make_doc
    from europenews.model import Article

    return nlp(make_doc(nlp, Article(text, title=title)))._.events


def test_title_facts_read_death_words_and_numbers():
    from europenews.analyze.events.evidence import title_facts

    lex = load_event_lexicon()
    facts = title_facts("Two teens dead, 3 hurt after party gunfire in Elm Grove", lex)
    assert facts.death and facts.numbers == frozenset({2, 3})
    assert not title_facts("Council approves new budget for 2027", lex).death
    assert title_facts(None, lex) == title_facts("", lex)


def test_title_about_a_death_gives_the_first_event_one_killed(nlp):
    text = "A teenager was shot in the chest near a bus stop on Maple Street on Sunday, officers said."
    [event] = _titled(nlp, "Teen dies after shooting near bus stop", text)
    killed = next(f for f in event.figures if f.kind == "killed")
    # The evidence is the event's sentence; the count is read from the title.
    assert (event.killed, killed.value, killed.text) == (1, 1, None)
    assert text[killed.start:killed.end].startswith("A teenager was shot")
    assert not event.injured  # the one shot is the one who died


def test_title_without_a_death_infers_none(nlp):
    text = "A teenager was shot in the chest near a bus stop on Maple Street on Sunday, officers said."
    [event] = _titled(nlp, "Teen hurt in shooting near bus stop", text)
    assert not event.killed and event.injured == 1
    [untitled] = nlp(text)._.events
    assert not untitled.killed


def test_title_death_does_not_override_the_texts_own_count(nlp):
    text = "Two men were shot and killed outside a bar on Friday night, police said."
    [event] = _titled(nlp, "Man killed in bar shooting", text)
    assert event.killed == 2


def test_title_death_word_raises_a_death_figures_confidence(nlp):
    text = ("Two men were found shot at an apartment on Friday; one of them died at the hospital, "
            "police said.")
    [dead] = _titled(nlp, "Man dies after apartment shooting", text)
    [plain] = _titled(nlp, "Apartment shooting under investigation", text)
    conf = {e: next(f.confidence for f in e.figures if f.kind == "killed") for e in (dead, plain)}
    assert dead.killed == plain.killed == 1
    assert conf[dead] > conf[plain]
