"""Where lexicon files are read from, and how a missing one fails."""

from __future__ import annotations

import pytest

from europenews.analyze.lexicons import lexicon_folder, read_bytes, read_text
from europenews.errors import ConfigError


def test_lexicons_packaged_folder_per_language():
    folder = lexicon_folder("europenews.analyze.quotes", "quote lexicon", None, "en")
    assert folder.is_dir() and folder.joinpath("speech_verbs.txt").is_file()


def test_lexicons_configured_folder_wins(tmp_path):
    (tmp_path / "words.txt").write_text("alpha\n", encoding="utf-8")
    folder = lexicon_folder("europenews.analyze.quotes", "quote lexicon", tmp_path, "xx")
    assert read_text(folder, "words.txt", "quote lexicon") == "alpha\n"
    assert read_bytes(folder, "words.txt", "quote lexicon") == b"alpha\n"


def test_lexicons_language_without_packaged_folder_fails():
    with pytest.raises(ConfigError, match=r"^event lexicon: no packaged lexicon for language 'lt'"):
        lexicon_folder("europenews.analyze.events", "event lexicon", None, "lt")


def test_lexicons_path_that_is_no_folder_fails(tmp_path):
    with pytest.raises(ConfigError, match="not a folder"):
        lexicon_folder("europenews.analyze.events", "event lexicon", tmp_path / "missing", "en")


@pytest.mark.parametrize("read", [read_text, read_bytes], ids=["text", "bytes"])
def test_lexicons_missing_file_fails_with_its_name(tmp_path, read):
    with pytest.raises(ConfigError, match=r"^entity lexicon: titles\.txt: cannot be read"):
        read(tmp_path, "titles.txt", "entity lexicon")


def test_lexicons_undecodable_file_fails(tmp_path):
    (tmp_path / "titles.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ConfigError, match=r"titles\.txt: cannot be read"):
        read_text(tmp_path, "titles.txt", "entity lexicon")
