"""ingest.bounds: control characters out, every field within its limit, shortening flagged."""

from __future__ import annotations

import pytest

from europenews.errors import InputError
from europenews.ingest.bounds import (
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    bound_article,
    clean_line,
    clean_text,
    cut_text,
)
from europenews.model import Article


@pytest.mark.parametrize(("raw", "clean"), [
    ("a\x00b", "ab"),
    ("bell\x07 and escape\x1b[31m", "bell and escape[31m"),
    ("tab\tnew\nline\r\n", "tab\tnew\nline\r\n"),
    ("del\x7f", "del"),
    ("lone \ud800 surrogate", "lone  surrogate"),
    ("noncharacter \ufffe", "noncharacter "),
    ("it\x92s \x93quoted\x94 \x96 dash", "it’s “quoted” – dash"),
    ("undefined \x81 C1", "undefined  C1"),
    ("plain text stays", "plain text stays"),
], ids=["nul", "bell-escape", "whitespace-kept", "del", "surrogate", "nonchar", "cp1252-c1",
        "undefined-c1", "plain"])
def test_bounds_clean_text_removes_control_characters(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_bounds_clean_line_joins_lines() -> None:
    assert clean_line(" One\nheadline\t\x00here \u2028") == "One headline here"


def test_bounds_cut_text_ends_at_a_paragraph_break() -> None:
    text = "First paragraph is here.\n" * 10
    cut = cut_text(text, 100)
    assert len(cut) <= 100 and cut.endswith("is here.") and text.startswith(cut)


def test_bounds_cut_text_hard_cut_without_boundary() -> None:
    assert cut_text("x" * 500, 100) == "x" * 100


@pytest.mark.parametrize("extra", [1, 5_000, 900_000], ids=["one-over", "some", "a-lot"])
def test_bounds_long_text_is_truncated_and_flagged(extra: int) -> None:
    text = "A sentence about the harbour. " * ((MAX_TEXT_CHARS + extra) // 30 + 1)
    bounded = bound_article(Article(text=text, title="Harbour"))
    assert len(bounded.text) <= MAX_TEXT_CHARS
    assert text.startswith(bounded.text)
    assert bounded.text.endswith("harbour.")  # cut at a sentence end
    assert bounded.truncated == ("text",)
    assert bounded.title == "Harbour"


def test_bounds_short_article_is_unchanged() -> None:
    article = Article(text="Two ministers met in Vilnius.", title="Met", url="https://x.test/a",
                      published="2026-12-01", source="Example", author="A. Writer")
    assert bound_article(article) == article


def test_bounds_one_line_page_title_is_shortened_with_an_ellipsis() -> None:
    title = "word " * 1_000_000  # a 5 MB one-line page whose first line became its title
    bounded = bound_article(Article(text="Body text here.", title=title))
    assert bounded.title is not None
    assert len(bounded.title) <= MAX_TITLE_CHARS and bounded.title.endswith("…")
    assert bounded.truncated == ("title",)


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("published", "2026-12-01T10:00:00Z" + "0" * 100, None),
    # a declared language that names none is dropped; the text says which it is
    ("language", "english-but-much-too-long", "en"),
    ("url", "https://x.test/" + "a" * 5000, None),
    ("author", "Name\x00 " * 200, None),
    ("source", "Outlet\nName", "Outlet Name"),
], ids=["date", "language", "url", "author", "source-line"])
def test_bounds_other_fields_are_bounded(field: str, value: str, expected: str | None) -> None:
    bounded = getattr(bound_article(Article(text="Text.", **{field: value})), field)
    if field == "author":
        assert len(bounded) <= 300 and "\x00" not in bounded and bounded.endswith("…")
    else:
        assert bounded == expected


def test_bounds_text_of_control_characters_only_is_refused() -> None:
    with pytest.raises(InputError, match="no text left"):
        bound_article(Article(text="\x00\x01\x02 \x03", id="x"))


@pytest.mark.parametrize(("declared", "expected"), [(None, "fr"), ("fr-FR", "fr"), ("de", "de")])
def test_bounds_language_is_the_declared_code_else_the_texts(declared: str | None,
                                                               expected: str) -> None:
    text = "Le conseil municipal a voté hier soir le budget de la ville pour l'an prochain."
    assert bound_article(Article(text, language=declared)).language == expected


def test_bounds_declared_feed_language_is_checked_against_the_text() -> None:
    from europenews.ingest.bounds import with_declared_language

    french = Article("Le conseil municipal a voté hier soir le budget de la ville pour l'an "
                     "prochain, après un long débat sur les transports.", language=None)
    assert with_declared_language(french, "de").language == "fr"
    headline = Article("Brexit: Johnson in Brüssel", language=None)
    assert with_declared_language(headline, "de").language == "de"
    assert with_declared_language(french, None) is french
