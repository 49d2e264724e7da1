from __future__ import annotations

import pytest

from europenews.analyze.events.casualties import Casualty
from europenews.analyze.events.finder import merge_counts
from europenews.analyze.events.lexicon import load_event_lexicon


def _events(nlp, text):
    return nlp(text)._.events


def test_events_seed_has_one_kherson_drone_strike(seed_analysis):
    [event] = seed_analysis.events
    assert (event.type, event.killed, event.injured) == ("drone strike", 3, 7)
    assert event.weapon == "drone"
    assert event.source is not None and event.source.name == "Oleksandr Prokudin"
    assert "Kherson" in event.text
    assert event.place is not None and event.place.name == "Kherson"


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("At least four people were killed and nine wounded in a bombing in the city.", 4, 9),
        ("Two men and a woman were wounded in the attack. No one was killed.", 0, 3),
        ("Three people were shot, one fatally, on Tuesday night.", 1, 2),
        ("A 17-year-old was shot on Friday and is in stable condition.", None, 1),
        ("A man was shot and killed on Sunday, police said.", 1, None),
        ("Eleven people died in the earthquake, which also injured 40.", 11, 40),
    ],
    ids=["numbers", "conjoined-and-none", "one-fatally", "condition", "shot-and-killed", "toll"],
)
def test_events_counts_casualties(nlp, text, killed, injured):
    event = _events(nlp, text)[0]
    assert (event.killed, event.injured) == (killed, injured)


def test_events_vague_count_keeps_phrase(nlp):
    event = _events(nlp, "Dozens of people were injured in the explosion at the market.")[0]
    assert event.injured is None
    assert event.injured_text is not None and event.injured_text.lower().startswith("dozens")


def test_events_death_toll_update_wins(nlp):
    text = (
        "Five people were killed when a fire swept through the building on Monday. "
        "The death toll rose to 12 on Tuesday."
    )
    [event] = _events(nlp, text)
    assert event.killed == 12


def test_events_recap_is_merged_not_summed(nlp):
    text = (
        "Two killed in missile strike on Odesa. "
        "Two people were killed when a missile hit a port building in Odesa on Monday. "
        "The attack also injured five."
    )
    [event] = _events(nlp, text)
    assert (event.killed, event.injured) == (2, 5)


def test_events_separate_event_is_split(nlp):
    text = (
        "A man was shot and killed on the South Side on Saturday. "
        "In a separate shooting, two women were wounded on the West Side."
    )
    events = _events(nlp, text)
    assert [(e.killed, e.injured) for e in events] == [(1, None), (None, 2)]


def test_events_no_casualties_no_event(nlp):
    assert _events(nlp, "The minister discussed the war and weapons deliveries.") == []


def test_events_merge_counts_adds_other_victims():
    lex = load_event_lexicon()
    assert lex.triggers["drone strike"] == ("drone strike", "drone")
    figures = [
        Casualty("killed", 1, "a man", 0, 5, 1),
        Casualty("killed", 1, "the man", 10, 17, 12),
        Casualty("killed", 1, "another man", 20, 31, 22, additive=True),
    ]
    assert merge_counts(figures, "killed") == (2, "a man")


_GAME = ("The Harbor City Gulls beat the Lakeview Otters 28-17 to reach the playoffs. Their "
         "quarterback threw two touchdowns before halftime, and the coach praised a defence "
         "that allowed a single field goal in the second half. {injury} The Gulls have won "
         "six straight this season.")


def test_events_game_report_injuries_are_no_events(nlp):
    text = _GAME.format(injury="Their kicker was injured on the play and left the game.")
    assert all(not e.injured for e in _events(nlp, text))


def test_events_game_report_still_reports_a_death(nlp):
    text = _GAME.format(injury="A fan was shot and killed in the parking lot after the game.")
    assert any(e.killed == 1 for e in _events(nlp, text))


def test_events_a_short_game_report_dense_with_sports_words_is_one(nlp):
    # Four distinct sports words in a few lines: a game report, although it has fewer than
    # the five a long article needs.
    text = ("Gulls Top Otters To Make Playoffs\nThe Harbor City Gulls will make the playoffs "
            "after a 31-24 win over the Otters on Sunday. A late touchdown gave the Gulls the "
            "lead. The Otters drove to the 7 yard line, but their quarterback hurt his knee "
            "on the play.")
    assert all(not e.injured for e in _events(nlp, text))


def test_events_a_few_sports_words_do_not_make_a_game_report(nlp):
    text = ("Two people were wounded when shots were fired outside the stadium after the "
            "playoff game on Sunday, police said. The coach called for calm.")
    event = _events(nlp, text)[0]
    assert event.injured == 2


@pytest.mark.parametrize("text", [
    "The retailer wound up selling its warehouse arm to a rival instead.",
    "After a slow start she wound up with 31 votes in the second round.",
])
def test_events_wound_up_is_no_injury(nlp, text):
    assert all(not e.injured for e in _events(nlp, text))


def test_events_wounded_is_still_an_injury(nlp):
    event = _events(nlp, "The gunman wounded three people before he fled, police said.")[0]
    assert event.injured == 3


def test_finder_an_age_without_its_first_comma_is_no_death_toll(nlp):
    text = ("The county coroner named two men shot dead on Friday.\n\nDale Penn 23, was found "
            "shot to death on Harbor Street on Friday afternoon.")
    killed = [e.killed for e in _events(nlp, text)]
    assert 23 not in killed


def test_finder_a_dateline_day_is_no_death_toll(nlp):
    text = ("07 June 2013\nGolden girl of stage and song, Dana Holt, has died peacefully in "
            "her sleep aged 88.")
    assert all(e.killed != 7 for e in _events(nlp, text))


def test_events_a_city_named_with_its_police_is_not_the_giver(nlp):
    [event] = _events(nlp, "Two men were shot and one of them died on Friday in Chicago, "
                           "Chicago police said.")
    assert event.figures[0].source is not None
    assert event.figures[0].source.name == "Chicago police"


def test_events_a_bare_number_is_no_giver(nlp):
    [event] = _events(nlp, "One man was killed on Friday in a shooting. Two said the gunman "
                           "fired three times.")
    assert all(f.source is None or f.source.name != "Two" for f in event.figures)


@pytest.mark.parametrize("text", [
    "A man was shot and killed on Friday. \"I cried so much my head hurt,\" his aunt said.",
    "A man was shot and killed on Friday. \"We're hurting a lot over this,\" a friend said.",
])
def test_events_hurt_needs_a_person(nlp, text):
    assert not [e for e in _events(nlp, text) if e.injured]


def test_events_a_single_timed_line_is_still_the_article(nlp):
    # One running time is no list: a line of the article keeps its death.
    text = "1:30 a.m. is when a man was shot and killed outside the bar, police said."
    assert _events(nlp, text)[0].killed == 1



_BOUT = ("Petrenko kept his heavyweight belts with a unanimous decision over Ortiz in Hamburg "
         "on Saturday. The champion's jab controlled the bout from the first round, and by the "
         "seventh round the referee was watching closely. {hit} The WBC and IBF titles stay with "
         "him until a rematch on the undercard of a title fight next year.")


def test_events_a_boxing_report_is_a_game_report(nlp):
    text = _BOUT.format(hit="Petrenko hit the shorter Ortiz at will and cut him above the eye.")
    assert all(not e.injured for e in _events(nlp, text))


@pytest.mark.parametrize("text", [
    "She was in Lisbon shooting a historical drama for the network when her agent called.",
    "The crew shot a music video on the rooftop over two nights in March.",
])
def test_events_shooting_a_film_hurts_nobody(nlp, text):
    assert all(not e.injured and not e.killed for e in _events(nlp, text))


def test_events_shooting_a_person_still_counts(nlp):
    text = "A gunman shot a cashier and a customer at a gas station on Monday, police said."
    assert any(e.injured == 2 for e in _events(nlp, text))


def test_events_a_death_in_a_fall_without_event_word_is_an_accident(nlp):
    text = ("A Scottish man has been killed after falling around 600 metres while climbing in "
            "the Alps. Rescuers recovered his body on Sunday, police said.")
    assert [e.type for e in _events(nlp, text)] == ["accident"]


def test_events_a_death_without_event_word_among_words_of_attack_stays_an_attack(nlp):
    text = ("A 41-year-old man was killed on Sunday after falling down the stairs of a bar, "
            "police said. Witnesses said two men had beaten him before he fell.")
    assert [e.type for e in _events(nlp, text)] == ["attack"]


def test_events_source_starts_on_its_own_line(nlp):
    # A caption line ("Photo") the parser hangs on the source phrase is not who gave the figure.
    doc = nlp("Photo\n\nDetroit police said a 2-year-old girl was shot and wounded on Tuesday "
              "night.")
    sources = [e.source.name for e in doc._.events if e.source is not None]
    assert sources == ["Detroit police"]
