from __future__ import annotations

import pytest

from europenews.analyze.events.casualties import find_casualties
from europenews.analyze.events.lexicon import load_event_lexicon


@pytest.fixture(scope="module")
def lex():
    return load_event_lexicon()


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("The gunfire left two women dead on Tuesday.", "killed", 2),
        ("A 5-year-old girl was shot in the arm.", "hit", 1),
        ("The victim suffered a gunshot wound to the leg.", "hit", 1),
        ("Police are investigating the shooting death of a 15-year-old boy.", "killed", 1),
        ("Two men and a woman were wounded.", "injured", 3),
    ],
    ids=["left-dead", "age-is-not-count", "gunshot-wound", "death-of", "conjoined"],
)
def test_casualties_reads_figure(nlp, lex, text, kind, count):
    figures = find_casualties(nlp(text), lex)
    assert (kind, count) in [(f.kind, f.count) for f in figures]


def test_casualties_skips_yearly_statistics(nlp, lex):
    doc = nlp("More than 500 people have been shot in the city this year.")
    assert find_casualties(doc, lex) == []


def test_casualties_skips_hypothetical(nlp, lex):
    doc = nlp("The man threatened to kill his neighbours.")
    assert find_casualties(doc, lex) == []


@pytest.mark.parametrize("text", [
    "The reporter would not name his source until the source dies.",
    "If the boy dies, the charge will be murder, the prosecutor said.",
    "She will inherit the farm when her uncle dies.",
])
def test_casualties_a_death_still_to_come_is_none(nlp, lex, text):
    assert not [f for f in find_casualties(nlp(text), lex) if f.kind == "killed"]


@pytest.mark.parametrize("text", [
    "A man dies after being shot on Elm Street, police said.",
    "The victim was taken to hospital, where he died after surgery.",
])
def test_casualties_a_death_told_in_the_present_or_after_a_when_is_read(nlp, lex, text):
    assert [f for f in find_casualties(nlp(text), lex) if f.kind == "killed"]
