"""Quotation marks in the raw text: where quotations open and close, fragment by fragment."""

from __future__ import annotations

import pytest

from europenews.analyze.quotes.marks import find_marked_quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', [["we will win"]]),
        ("He said “we will win” today.", [["we will win"]]),
        (
            "“First part goes on\n\n“and ends here.” Then more.",
            [["First part goes on", "and ends here."]],
        ),
        ("``We will win,'' he said.", [["We will win,"]]),
        ("She called it ‘a total sham’ and left. It’s Jones’ dog.", [["a total sham"]]),
        (
            # A page with one sentence per line: the mark opened on one line closes on the
            # next, which does not re-open it.
            '"The road was closed.\nIt opens today," she said.\nTraffic "was light" later.',
            [["The road was closed.", "It opens today,"], ["was light"]],
        ),
    ],
    ids=["straight", "curly", "multi-paragraph", "typewriter", "single", "sentence-per-line"],
)
def test_marks_finds_fragments(text, expected):
    found = [[text[s:e] for s, e in q.fragments] for q in find_marked_quotes(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Han sa: ”Det här är bra.” Sedan gick han.", ["Det här är bra."]),
        ("”Fear. I am afraid.”\n― Edwin Moreno", ["Fear. I am afraid."]),
        ("He said “no,” and then ”yes.”", ["no,", "yes."]),
        ("Er sagte »Nein« und ging.", ["Nein"]),
    ],
)
def test_marks_closing_mark_opens_before_a_word(text, inside):
    found = [text[a:b] for q in find_marked_quotes(text) for a, b in q.fragments]
    assert found == inside


def test_marks_opening_mark_typed_as_closing_mark():
    text = "“The reality is that it could hurt her here,“ Jim Clyburn said."
    found = [text[s:e] for q in find_marked_quotes(text) for s, e in q.fragments]
    assert found == ["The reality is that it could hurt her here,"]


def test_marks_curly_pair_inside_straight_quotation_is_nested():
    text = ('As the website explains: "The founders wrote what they called “a covenant” and '
            'signed it," and the council still follows it.')
    [mark] = find_marked_quotes(text)
    assert [text[s:e] for s, e in mark.fragments] == [
        "The founders wrote what they called “a covenant” and signed it,",
    ]


def test_marks_stray_straight_opener_leaves_curly_pairs_alone():
    # No straight mark closes the paragraph: the one opening it is a stray, not a quotation
    # holding the curly pair.
    text = ('"Lind stepped onto the podium, shouting “We rise! We rise!”\n\n'
            '“That is true, we do,” Berg said to the hall.')
    assert [text[m.start:m.end] for m in find_marked_quotes(text)] == [
        "We rise! We rise!", "That is true, we do,"]


def test_marks_doubled_opener_is_not_nested():
    # `"“...”`: a stray straight mark before a curly quotation, which is the quotation.
    text = '"“We won,” Smith said before leaving.'
    assert [text[m.start:m.end] for m in find_marked_quotes(text)] == ["We won,"]


def test_marks_markup_attributes_are_no_quotations():
    text = ('<tweet author="@janeporter" date="May 1">We will not give up.</tweet> '
            'She said "never."')
    assert [text[m.start:m.end] for m in find_marked_quotes(text)] == ["never."]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Elle a dit : « Nous restons ici. » Puis elle est partie.", ["Nous restons ici."]),
        ("„Wir bleiben hier“, sagte die Ärztin am Montag.", ["Wir bleiben hier"]),
        ("„Wir bleiben“, sagte sie, „und wir bauen.“", ["Wir bleiben", "und wir bauen."]),
        ("Er nannte es »einen Fehler«, sagte sie.", ["einen Fehler"]),
        ("Il parlait d’un ‹ petit pas › vers la paix.", ["petit pas"]),
        ("Sie nannte es ›klein‹ und schrieb ‚nie wieder‘ darunter.", ["klein", "nie wieder"]),
    ],
    ids=["guillemets", "german-low-high", "german-interrupted", "german-guillemets",
         "single-guillemets", "german-single"],
)
def test_marks_french_and_german_marks(text, inside):
    found = [text[a:b] for q in find_marked_quotes(text) for a, b in q.fragments]
    assert found == inside


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("— Nous restons ici.\n— Et demain ?", ["Nous restons ici.", "Et demain ?"]),
        ("— Nous restons — dit Ana — jusqu’au bout.", ["Nous restons", "jusqu’au bout."]),
        ("Le maire parle.\n— « Assez », dit-il.", ["Assez"]),
    ],
    ids=["lines", "narrator-between-dashes", "marks-inside-win"],
)
def test_marks_dash_led_dialogue_in_languages_that_write_it(text, inside):
    found = [text[a:b] for q in find_marked_quotes(text, "—–") for a, b in q.fragments]
    assert found == inside


def test_marks_a_leading_dash_is_no_dialogue_without_the_language_asking():
    assert find_marked_quotes("Results:\n— the north voted yes\n— the south voted no") == []
