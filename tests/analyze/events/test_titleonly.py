"""Figures read from the title when the text reports no casualty event (events/titleonly.py;
issue 16)."""

from __future__ import annotations

from europenews.analyze.events.titleonly import (
    events_with_title,
    needs_title,
    sentence_case,
    title_event,
    title_evidence,
)
from europenews.analyze.pipeline import make_doc
from europenews.model import Article, Event, Figure

WALL = "Please sign in to keep reading. Subscribers get unlimited access to local news."
RATES = {"killed_count": 0.8, "killed_word": 0.7, "injured_count": 0.6}


def _events(nlp, title, text):
    return nlp(make_doc(nlp, Article(text=text, title=title)))._.events


def _event(killed=None, injured=None, figures=()):
    return Event(type="shooting", start=5, end=40, text="x", killed=killed, injured=injured,
                 figures=tuple(figures))


def test_sentence_case_lowers_a_title_cased_headline():
    found = sentence_case("Teen Shot And Killed Near Bus Stop")
    assert found == "Teen shot and killed near bus stop"
    assert sentence_case("Two Hurt In FBI Raid") == "Two hurt in FBI raid"  # an acronym stays


def test_sentence_case_leaves_a_sentence_cased_headline():
    title = "Woman wounded in Oakland shooting"
    assert sentence_case(title) == title
    assert sentence_case("Shots Fired") == "Shots Fired"  # too short to tell


def test_needs_title_only_without_a_count():
    assert needs_title([]) and needs_title([_event()])
    assert not needs_title([_event(injured=2)]) and not needs_title([_event(killed=0)])


def test_title_event_points_at_the_title_with_the_learned_rates():
    found = title_event([_event(killed=2, injured=1, figures=[
        Figure("killed", 2, 3, 9, "Two men", None, 0.99),
        Figure("injured", 1, 3, 9, None, None, 0.99)])], "Two Men Killed", RATES)
    assert found is not None and (found.start, found.end, found.text) == (0, 0, "Two Men Killed")
    assert found.place is None
    assert [(f.kind, f.confidence, title_evidence(f.start, f.end)) for f in found.figures] == [
        ("killed", 0.8, True), ("injured", 0.0, True)]  # no rate known: never shown


def test_title_event_needs_a_count_and_rates():
    assert title_event([_event()], "A shooting", RATES) is None
    assert title_event([_event(killed=1)], "One dead", {}) is None


def test_the_texts_own_event_wins_over_the_title():
    own = [_event(injured=3)]
    assert events_with_title(own, [_event(killed=4)], "Four dead", RATES) == own
    title = events_with_title([], [_event(killed=4, figures=[
        Figure("killed", 4, 0, 4, "Four", None, 0.5)])], "Four dead", RATES)
    assert [e.killed for e in title] == [4] and title[0].figures[0].confidence == 0.8


def test_a_login_wall_under_a_telling_title_gives_the_titles_figure(nlp):
    events = _events(nlp, "Three Men Killed In Shooting Outside Bowling Alley", WALL)
    assert events and events[0].killed == 3 and events[0].text.startswith("Three Men")
    killed = next(f for f in events[0].figures if f.kind == "killed")
    assert title_evidence(killed.start, killed.end) and 0.0 < killed.confidence < 1.0


def test_a_text_with_its_own_figures_ignores_the_title(nlp):
    text = "A man was wounded in the arm on Elm Street on Sunday, police said."
    events = _events(nlp, "Three Men Killed In Shooting Outside Bowling Alley", text)
    # (the title's death word still makes the text's event a deadly one: finder._title_killed)
    assert events and events[0].killed != 3 and events[0].injured == 1
    assert not any(title_evidence(f.start, f.end) for f in events[0].figures)


def test_a_quiet_title_adds_nothing(nlp):
    assert _events(nlp, "City Council Approves New Budget For Parks", WALL) == []
