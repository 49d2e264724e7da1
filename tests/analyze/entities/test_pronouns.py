"""Pronouns and titles alone labelled a person (analyze/entities/pronouns.py, titled.py):
mentions of the person they refer to, never names; and a club's home name (finder.py)."""

from __future__ import annotations

import pytest

from tests.analyze.entities.goldnames import entities_with_names


def _entities(nlp, text: str, names: list[tuple[str, int, str]]):
    """The entities with these names (text, occurrence, label) as the only names."""
    spans = []
    for part, nth, label in names:
        start = -1
        for _ in range(nth + 1):
            start = text.index(part, start + 1)
        spans.append((start, start + len(part), label))
    return entities_with_names(nlp, text, spans)


def _kinds(entity) -> list[tuple[str, str | None]]:
    return [(m.text, m.kind) for m in entity.mentions]


def test_she_is_a_pronoun_mention_of_the_woman_named_before(nlp):
    text = ("Marta Lindqvist checked into a clinic on Monday, and She will stay there "
            "for a month.")
    found = _entities(nlp, text, [("Marta Lindqvist", 0, "PERSON"), ("She", 0, "PERSON")])
    assert [e.name for e in found if e.type == "person"] == ["Marta Lindqvist"]
    assert ("She", "pronoun") in _kinds(found[0])


@pytest.mark.parametrize(("text", "named", "pronoun"), [
    ("Robert Halvorsen left the clinic on Monday, and She stayed there for a month.",
     "Robert Halvorsen", "She"),  # "She" when only a man is named
    ("Dana Okafor met the board on Tuesday, and I said nothing about it.",
     "Dana Okafor", "I"),  # "I" outside quotation marks
])
def test_pronoun_that_fits_nobody_is_nobody(nlp, text, named, pronoun):
    found = _entities(nlp, text, [(named, 0, "PERSON"), (pronoun, 0, "PERSON")])
    assert [e.name for e in found] == [named]
    assert all(m.kind is None for m in found[0].mentions)


def test_quoted_i_is_the_person_the_sentence_says_spoke(nlp):
    text = ('Dana Okafor met the board on Tuesday. "I will stay with the club," Okafor said '
            "after the meeting.")
    found = _entities(nlp, text, [("Dana Okafor", 0, "PERSON"), ("I", 0, "PERSON"),
                                  ("Okafor", 1, "PERSON")])
    [okafor] = [e for e in found if e.type == "person"]
    assert ("I", "pronoun") in _kinds(okafor)


def test_title_before_a_name_is_a_description_of_that_person(nlp):
    text = "Quillbyte CEO Andrew Feldt said the company would grow. Feldt left early."
    found = _entities(nlp, text, [("Quillbyte", 0, "ORG"), ("CEO", 0, "PERSON"),
                                  ("Andrew Feldt", 0, "PERSON"), ("Feldt", 1, "PERSON")])
    [feldt] = [e for e in found if e.type == "person"]
    assert feldt.name == "Andrew Feldt"
    assert ("CEO", "description") in _kinds(feldt)


def test_title_after_a_named_club_is_not_the_other_coach(nlp):
    text = ("Coach Ben Marlow was fired today and taking over will be former Riverton "
            "Hawks Coach.")
    found = _entities(nlp, text, [("Ben Marlow", 0, "PERSON"), ("Riverton Hawks", 0, "ORG"),
                                  ("Coach", 1, "PERSON")])
    [marlow] = [e for e in found if e.type == "person"]
    assert all(m.kind is None for m in marlow.mentions)
    assert "Coach" not in {e.name for e in found}


def test_club_home_name_joins_the_club_with_its_nickname(nlp):
    text = ("The Harlow Otters won again on Saturday. Harlow scored twice before the break "
            "and the Otters held on.")
    found = _entities(nlp, text, [("Harlow Otters", 0, "ORG"), ("Harlow", 1, "ORG"),
                                  ("Otters", 1, "ORG")])
    assert len(found) == 1 and found[0].name == "Harlow Otters"
    assert len(found[0].mentions) == 3


def test_home_name_without_a_plural_nickname_stays_apart(nlp):
    text = "Harlow Research opened a lab. Harlow said it would hire ten people."
    found = _entities(nlp, text, [("Harlow Research", 0, "ORG"), ("Harlow", 1, "ORG")])
    assert len(found) == 2


def test_home_name_stays_apart_when_the_plural_never_stands_alone(nlp):
    text = ("Tenants of Spruce Landing Apartments complained. Spruce Landing said repairs "
            "would start soon.")
    found = _entities(nlp, text, [("Spruce Landing Apartments", 0, "ORG"),
                                  ("Spruce Landing", 1, "ORG")])
    assert len(found) == 2
