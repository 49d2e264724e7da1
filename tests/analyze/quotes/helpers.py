"""Helpers shared by the quote tests."""

from __future__ import annotations


def quote_with(quotes, words):
    """The one quote whose text contains ``words`` (fails when none or several do)."""
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, quotes
    return found[0]


def speaker_text(quote):
    """The words of the quote's speaker mention (fails when it has none)."""
    assert quote.speaker is not None and quote.speaker.mention is not None, quote
    return quote.speaker.mention.text


def only_quote(quotes, kind=None):
    """The one quote (of ``kind``, when given) found (fails when none or several are)."""
    found = [q for q in quotes if kind is None or q.kind == kind]
    assert len(found) == 1, found
    return found[0]
