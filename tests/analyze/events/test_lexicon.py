"""The event lexicon: casualty words by kind, event triggers, the fast cue filter."""

from __future__ import annotations

import json

import pytest

from europenews.analyze.events.lexicon import SPECIAL_CUES, load_event_lexicon
from europenews.errors import ConfigError

WORDS = {
    "_comment": "lists by role",
    "killed": ["kill", "slay"],
    "killed_nouns": ["fatality"],
    "injured": ["injure", "wound"],
    "hit": ["shoot", "wound"],
    "missing": ["vanish"],
    "kidnapped": ["abduct"],
    "arrested": ["detain"],
}
TRIGGERS = (
    "# phrase\ttype\tweapon\n"
    "drone strike\tdrone strike\tdrone\n"
    "stabbing\tstabbing\tknife\n"
    "flood\tflood\n"
)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "casualty_words.json").write_text(json.dumps(WORDS), encoding="utf-8")
    (tmp_path / "triggers.tsv").write_text(TRIGGERS, encoding="utf-8")
    return tmp_path


def test_lexicon_reads_lists_and_skips_comment_keys(folder):
    lex = load_event_lexicon(folder)
    assert "_comment" not in lex.words
    assert lex.words["killed"] == frozenset({"kill", "slay"})


def test_lexicon_triggers_give_type_and_weapon_or_none(folder):
    lex = load_event_lexicon(folder)
    assert lex.triggers == {
        "drone strike": ("drone strike", "drone"),
        "stabbing": ("stabbing", "knife"),
        "flood": ("flood", None),
    }


def test_lexicon_word_in_two_kinds_takes_the_first_kind(folder):
    # "wound" is listed as injured and as hit: the earlier kind (injured) wins.
    assert load_event_lexicon(folder).kinds["wound"] == "injured"


def test_lexicon_cues_cover_every_word_that_starts_a_figure_or_an_event(folder):
    lex = load_event_lexicon(folder)
    assert {"kill", "fatality", "strike", "stabbing", "flood"} | SPECIAL_CUES <= lex.cues
    assert "drone" not in lex.cues  # trigger phrases are found by their last word


def test_lexicon_malformed_json_fails(folder):
    (folder / "casualty_words.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"casualty_words\.json: malformed JSON"):
        load_event_lexicon(folder)


def test_lexicon_packaged_english_loads():
    lex = load_event_lexicon()
    assert lex.triggers and lex.kinds and lex.cues >= SPECIAL_CUES
