"""Deaths that are no violent event (analyze/events/natural.py): obituaries and deaths long
past give no killed figure; a violent death with the same words still does."""

from __future__ import annotations

import pytest

from europenews.analyze.events.lexicon import load_event_lexicon
from europenews.analyze.events.natural import natural_death_text


@pytest.fixture(scope="module")
def lex():
    return load_event_lexicon()


@pytest.mark.parametrize("text", [
    "Retired judge Amos Pell dies at 88",
    "The former senator died of heart failure at his home on Tuesday.",
    "Her husband died in 1991.",
    "The composer passed away peacefully in his sleep, his family said.",
    "Marta Quill, who led the union for two decades, dead at 91",
])
def test_natural_deaths_are_no_event(lex, text):
    assert natural_death_text(text, lex)


@pytest.mark.parametrize("text", [
    "A man died at the hospital after being shot on Elm Street.",
    "The victim died of his gunshot wounds on Sunday.",
    "Two people died in the crash on Route 9.",
    "A 20-year-old man was killed and three were hurt.",
])
def test_violent_deaths_stay_events(lex, text):
    assert not natural_death_text(text, lex)


def test_an_obituary_gives_no_killed_event(nlp):
    text = ("Retired harbour master Olaf Brenn dies at 91\n\nOlaf Brenn, who ran the port of "
            "Eastwick for thirty years, died of pneumonia on Monday, his daughter said. "
            "His wife, Ruth, died in 1998.")
    assert not [e for e in nlp(text)._.events if e.killed]


def test_a_shooting_death_is_still_read(nlp):
    text = ("Man, 24, dies after shooting\n\nA 24-year-old man died at the hospital after "
            "he was shot on Elm Street on Monday, police said.")
    [event, *_] = nlp(text)._.events
    assert event.killed == 1


def test_a_death_recalled_in_a_quiet_article_is_no_casualty(nlp):
    text = ("Norland votes for a new assembly\n\nVoters in Norland chose a new assembly on "
            "Sunday, officials said.\n\nThe election comes two years after the death of "
            "longtime leader Edvin Marr, which raised hopes that the country would open up.\n")
    assert not [e for e in nlp(text)._.events if e.killed]


def test_metaphors_in_a_quiet_article_are_no_casualties(nlp):
    text = ("The senator said the debate hurt him badly in the polls. His rivals seized upon "
            "the report within hours, aides said.")
    events = nlp(text)._.events
    assert not [e for e in events if e.injured or e.kidnapped]


def test_a_hurt_worker_in_a_plant_fire_is_still_read(nlp):
    text = ("Two workers were hurt on Monday when a fire broke out at the paper mill, "
            "officials said.")
    [event, *_] = nlp(text)._.events
    assert event.injured == 2


@pytest.mark.parametrize("text", [
    "He was pronounced dead at 11:01 p.m.",
    "The victim was pronounced dead at 10 p.m. on Friday.",
])
def test_a_time_of_death_is_no_age(lex, text):
    assert not natural_death_text(text, lex)


def test_an_obituary_titled_so_gives_no_killed_event(nlp):
    from europenews.analyze.pipeline import analyze_article
    from europenews.model import Article
    text = ("The former harbour master who ran the port for thirty years has died.\n\n"
            "Olaf Brenn led the port through the strike of 1971, when dockers attacked "
            "the gates, his family said.")
    analysis = analyze_article(nlp, Article(text, id="t", title="Olaf Brenn dies at 91"))
    assert not [e for e in analysis.events if e.killed]


def test_a_death_told_apart_from_the_violent_words_is_no_casualty(nlp):
    # The article says "bombshell" and "fire" elsewhere; the death's own sentences are calm.
    text = ("Ada Marlowe, the former deputy director of the water agency, died Thursday at "
            "her home in Eastwick, her son said. She was 93.\n\n"
            "In 1979 the governor ordered the agency's chief to fire her after a bombshell "
            "memo about the reservoir reached the press.")
    assert not [e for e in nlp(text)._.events if e.killed]


def test_a_death_with_the_shooting_in_its_own_sentences_is_read(nlp):
    text = ("A 31-year-old man died Sunday in Eastwick. Police said he was shot twice "
            "outside a bar on Mill Road.")
    [event, *_] = nlp(text)._.events
    assert event.killed == 1


@pytest.mark.parametrize(("text", "shooting"), [
    ("The board voted to fire him on Monday.", False),
    ("The coach was fired after the season.", False),
    ("The mayor fired her deputy last week.", False),
    ("The gunman fired at two officers on Mill Road.", True),
    ("Shots were fired near the school on Monday.", True),
    ("He fired three rounds into the car.", True),
    ("The new grant is a shot in the arm for the museum.", False),
    ("The clerk was shot in the arm during the robbery.", True),
])
def test_fire_and_shot_mean_a_shooting_only_as_one(nlp, text, shooting):
    from europenews.analyze.events.finder import find_triggers

    doc = nlp(text)
    lex = load_event_lexicon()
    found = [t for s in doc.sents for t in find_triggers(s, lex) if t.type == "shooting"]
    assert bool(found) is shooting


def test_a_death_recalled_beside_old_violence_is_no_casualty(nlp):
    # Violence is named (a violent movement), but not in the sentences that tell the deaths.
    text = ("Colleagues remember Ada Marlowe, who wrote three books on violent protest "
            "movements.\n\nMarlowe died Thursday at her home in Eastwick, her son said. "
            "She returned to teaching after her husband's death.")
    assert not [e for e in nlp(text)._.events if e.killed]


def test_a_body_found_dead_in_calm_words_is_still_a_death(nlp):
    text = ("Police said a 52-year-old man was found dead in his home on Volney Road on "
            "Saturday. Detectives are investigating.")
    [event, *_] = [e for e in nlp(text)._.events if e.killed]
    assert event.killed == 1


def test_a_coroner_finding_natural_causes_is_a_natural_death(lex):
    assert natural_death_text("The coroner said the former aide died of natural causes.", lex)
    assert not natural_death_text("The coroner said the man died of a gunshot wound.", lex)


@pytest.mark.parametrize(("text", "new"), [
    ("She covered the 1972 shooting of a governor for the paper.", True),
    ("He was sentenced on Monday for the Dec. 3, 2015 shooting on Elm Street.", False),
    ("The shooting on Elm Street left two men wounded.", False),
])
def test_an_event_word_dated_to_a_bare_year_is_another_event(nlp, text, new):
    from europenews.analyze.events.finder import find_triggers

    lex = load_event_lexicon()
    [trigger] = [t for s in nlp(text).sents for t in find_triggers(s, lex)]
    assert trigger.new is new
