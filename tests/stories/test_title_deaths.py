"""A title that reports a violent death (stories.title_deaths), read without spaCy."""

from __future__ import annotations

import pytest

from europenews.stories.title_deaths import title_reports_death, title_words


@pytest.mark.parametrize(("title", "reports"), [
    ("Teenager dies after being shot near a bus stop", True),
    ("Two wounded, one fatally, in a parking lot", False),  # no event word: "wounded" only
    ("Cyclist killed by gunmen on the ring road", True),  # gunmen: the trigger gunman
    ("Woman fatally stabbed in her kitchen", True),  # stabbed: the trigger stab
    ("Shooting leaves one dead outside a bar", True),
    ("Famous painter dies at 91", False),  # a death, no violence
    ("Council kills the parking reform", False),  # a metaphor, no violence
    ("Shots fired at an empty warehouse", False),  # violence, no death
    ("", False),
    (None, False),
])
def test_title_deaths_needs_a_death_word_and_an_event_word(title, reports):
    assert title_reports_death(title, "en") is reports


def test_title_deaths_a_language_without_title_words_reads_no_death():
    # No lexicon for the language (or none listing title death words): never a death.
    assert title_words("xx") is None
    assert title_reports_death("Man shot dead", "xx") is False
    assert title_reports_death("Man shot dead", None) is True  # no language: English


def test_title_deaths_reads_no_spacy():
    import subprocess
    import sys

    code = ("import sys; from europenews.stories.title_deaths import title_reports_death; "
            "title_reports_death('Man shot dead', 'en'); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
