"""How language codes read on pages (europenews.wording.language_name)."""

from __future__ import annotations

from europenews.wording import language_name


def test_wording_language_name_reads_codes_in_english() -> None:
    assert language_name("pl") == "Polish"
    assert language_name("DE") == "German"
    assert language_name("uk") == "Ukrainian"
    assert language_name("zz") == "zz"  # no CLDR name: the code itself
    assert language_name(None) == "unknown language"
