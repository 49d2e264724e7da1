"""People's roles from titles before the name and appositions (roles.py)."""

from __future__ import annotations

import pytest

from europenews.analyze.entities.roles import merge_roles


def _person(doc, name):
    return next(e for e in doc._.entities if e.type == "person" and e.name == name)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "German Foreign Minister Annalena Baerbock visited Beijing on Monday.",
            "Annalena Baerbock",
            "German Foreign Minister",
        ),
        (
            "Jake Sullivan, the National Security Adviser, dismissed the idea.",
            "Jake Sullivan",
            "National Security Adviser",
        ),
        (
            "Three people died, according to regional governor Oleksandr Prokudin.",
            "Oleksandr Prokudin",
            "regional governor",
        ),
        (
            "He met the EU's new top diplomat Kaja Kallas in Kyiv.",
            "Kaja Kallas",
            "EU's new top diplomat",
        ),
        ("EU Council Chief Antonio Costa arrived in Kyiv.", "Antonio Costa", "EU Council Chief"),
    ],
    ids=["demonym-title", "apposition", "lowercase-title", "possessive-title", "org-title"],
)
def test_roles_found_for_person(nlp, text, name, role):
    person = _person(nlp(text), name)
    assert role in person.roles


def test_roles_demonym_is_not_a_separate_entity(nlp):
    doc = nlp("German Foreign Minister Annalena Baerbock visited Beijing on Monday.")
    assert not [e for e in doc._.entities if e.name == "German"]


def test_roles_merge_drops_contained_roles():
    assert merge_roles(["President", "Ukrainian President", "president"]) == (
        "Ukrainian President",
    )


@pytest.mark.parametrize(
    ("text", "noise"),
    [("Updated 12:16 PM President Mara Lind said on Monday that the plan would work.",
      "12:16 PM"),
     ("It served the valley community.[11] President Mara Lind visited the site.",
      "community.[11"),
     ("It served the valley community (11) President Mara Lind visited the site.",
      "community (11)")],
    ids=["clock-time", "footnote", "bracket"],
)
def test_roles_title_before_a_name_starts_after_numbers_and_brackets(nlp, text, noise):
    from europenews.analyze.entities.lexicon import load_entity_lexicon
    from europenews.analyze.entities.roles import title_before

    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline[:5]:
        doc = proc(doc)
    name_at = text.index("Mara Lind")
    noise_at = text.index(noise)
    name = doc.char_span(name_at, name_at + len("Mara Lind"), label="PERSON")
    # The model may read the noise as a name before the title: the role still starts after it.
    noisy = doc.char_span(noise_at, noise_at + len(noise), label="ORG",
                          alignment_mode="expand")
    role = title_before(doc, name, [noisy, name], load_entity_lexicon().titles)
    assert role is not None and role.text == "President"


def test_roles_a_title_never_runs_over_a_line_break(nlp):
    from spacy.tokens import Span

    from europenews.analyze.entities.lexicon import load_entity_lexicon
    from europenews.analyze.entities.roles import find_roles

    text = "Updated March 4, 2011 at 12:16 PM\nPresident Tomas Varga named a harbour master."
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline[:5]:
        doc = proc(doc)
    at = text.index("Tomas Varga")
    name = doc.char_span(at, at + len("Tomas Varga"), label="PERSON")
    brk = next(t.i for t in doc if "\n" in t.text)
    # The model may take the time and the line break for a name before the title.
    noise = Span(doc, brk - 2, brk + 1, label="ORG")
    roles = find_roles(doc, name, [noise, name], load_entity_lexicon().titles)
    assert [r.text for r in roles] == ["President"]


@pytest.mark.parametrize("text", [
    "Hours after the vote, a frustrated President Barack Obama spoke to reporters.",
    "Late on Friday a weary President Emmanuel Macron left the summit.",
])
def test_roles_an_adjective_before_a_title_is_no_part_of_it(nlp, text):
    person = next(e for e in nlp(text)._.entities if e.type == "person")
    assert person.roles and all(r == "President" for r in person.roles)
