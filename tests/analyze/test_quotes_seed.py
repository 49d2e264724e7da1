"""Quotes on the seed article, read as a new user would (issue 3's first check)."""

from __future__ import annotations


def test_quotes_seed_partial_quotations_after_a_pronoun_cue_are_mixed(seed_analysis):
    # "He called for concrete “steps forward with NATO” and a “good number” of ... weapons"
    quote = next(q for q in seed_analysis.quotes if "steps forward with NATO" in q.text)
    assert quote.kind == "mixed"
    assert "good number" in quote.text
    assert quote.speaker is not None and quote.speaker.name is not None
    assert quote.speaker.name.endswith("Zelenskyy")


def test_quotes_seed_time_clause_is_no_statement(seed_analysis):
    # "As the war ... approaches its third year, President Zelenskyy’s calls for NATO security
    # guarantees ..." — the time clause before a noun cue is not what anyone said.
    assert not any(q.text.startswith("As the war") for q in seed_analysis.quotes)
