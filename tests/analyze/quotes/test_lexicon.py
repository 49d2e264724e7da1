"""The quote lexicon: one lemma a line, comments, lemma-to-words maps, one folder a language."""

from __future__ import annotations

import pytest

from europenews.analyze.quotes.lexicon import QuoteLexicon, load_quote_lexicon
from europenews.errors import ConfigError

FILES = {
    "speech_verbs.txt": "# a comment line\nsay\n  proclaim   # a comment after a word\n\n",
    "belief_verbs.txt": "think\n",
    "object_verbs.txt": "accuse\n",
    "prep_verbs.txt": "warn of about\ncall for\n",
    "speech_nouns.txt": "statement\n",
    "titles.txt": "mayor\n",
    "phrasal_verbs.txt": "point out\ngo on\n",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_lexicon_reads_a_configured_folder(folder):
    lex = load_quote_lexicon(folder, language="xx")
    assert lex == QuoteLexicon(
        speech_verbs=frozenset({"say", "proclaim"}),
        belief_verbs=frozenset({"think"}),
        object_verbs=frozenset({"accuse"}),
        prep_verbs={"warn": frozenset({"of", "about"}), "call": frozenset({"for"})},
        speech_nouns=frozenset({"statement"}),
        titles=frozenset({"mayor"}),
        phrasal={"point": frozenset({"out"}), "go": frozenset({"on"})},
    )


def test_lexicon_missing_list_fails_with_its_name(folder):
    (folder / "titles.txt").unlink()
    with pytest.raises(ConfigError, match=r"quote lexicon: titles\.txt"):
        load_quote_lexicon(folder)


def test_lexicon_packaged_english_has_every_list():
    lex = load_quote_lexicon()
    # French only: the rules of quotes/inversion.py, and dash-led dialogue lines.
    optional = ("source_preps", "pronouns", "dialogue_dashes")
    assert all(getattr(lex, name) for name in QuoteLexicon.__dataclass_fields__
               if name not in optional)
    assert not any(getattr(lex, name) for name in optional)
    assert not any(w.startswith("#") or " " in w for w in lex.speech_verbs)


def test_lexicon_unknown_language_fails():
    with pytest.raises(ConfigError, match="no packaged lexicon for language 'lt'"):
        load_quote_lexicon(language="lt")


def test_lexicon_french_is_packaged_and_differs_from_english():
    french, english = load_quote_lexicon(language="fr"), load_quote_lexicon()
    assert {"dire", "déclarer", "affirmer"} <= french.speech_verbs
    assert not french.speech_verbs & english.speech_verbs
    assert "président" in french.titles


def test_lexicon_french_lists_its_dialogue_dashes():
    assert set(load_quote_lexicon(language="fr").dialogue_dashes) == {"—", "–", "―"}
