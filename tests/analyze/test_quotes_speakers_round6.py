"""Quotes: speakers of direct and mixed quotes the parse hangs on the wrong clause (issue 3,
round 6; texts written for these tests)."""

from __future__ import annotations

import pytest

from tests.analyze.quote_helpers import quote_with, speaker_text


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            "Sen. Maria Lopez said Smith's budget would cut money for rural schools, and called "
            "him \"the worst friend our farmers have ever had.\"",
            "worst friend",
            "Maria Lopez",
        ),
        (
            "Governor Tom Baker said the plan will cost too much and insisted that his state was "
            "\"still the strongest economy in the region.\"",
            "strongest economy",
            "Tom Baker",
        ),
    ],
    ids=["called-him", "insisted-that"],
)
def test_quotes_speakers_round6_coordinated_report_keeps_reporter(nlp, text, said, speaker):
    assert speaker in speaker_text(quote_with(nlp(text)._.quotes, said))


def test_quotes_speakers_round6_coordinated_clause_with_own_reporter_unchanged(nlp):
    # Not a report: "told" is the subject's own second act, not a report's reported clause.
    text = ("Mayor Ana Ruiz visited the harbor on Monday and told dock workers that the city "
            "would \"never abandon the people who keep this port running.\"")
    assert "Ana Ruiz" in speaker_text(quote_with(nlp(text)._.quotes, "never abandon"))


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            "After the floods, Tom Baker released a new radio ad calling it \"a disgrace\" that "
            "the county \"has no plan to rebuild the bridges.\"",
            "no plan",
            "Tom Baker",
        ),
        (
            "The Lopez campaign released a video that said, \"We are going to rebuild every "
            "school in this district, and we will start on day one.\"",
            "rebuild every school",
            "Lopez campaign",
        ),
    ],
    ids=["ad-calling", "video-that-said"],
)
def test_quotes_speakers_round6_media_speaks_for_its_publisher(nlp, text, said, speaker):
    assert speaker in speaker_text(quote_with(nlp(text)._.quotes, said))


def test_quotes_speakers_round6_participle_after_when_clause(nlp):
    text = ("The second protest came during a talk at the city library, when Baker fans "
            "interrupted her talk, shouting \"he wins, we win!\"")
    assert "Baker fans" in speaker_text(quote_with(nlp(text)._.quotes, "we win"))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The senator, he said, went to the fair to see \"how many farmers still trust "
            "this government.\"",
            "how many farmers",
        ),
        (
            "He honestly believes, he said, that \"Maria Lopez is a really, really good "
            "mayor.\"",
            "good mayor",
        ),
    ],
    ids=["watched-to-see", "believes-that"],
)
def test_quotes_speakers_round6_aside_cue_reports_its_sentence(nlp, text, said):
    quote = quote_with(nlp(text)._.quotes, said)
    assert quote.cue is not None and quote.cue.text == "said"
    assert speaker_text(quote) == "he"


def test_quotes_speakers_round6_signature_line_with_context(nlp):
    text = ("The speeches ended late.\n\n\"Great night. She is ready. That is why she should be "
            "our next governor.\"\n\n-Senator Maria Lopez, writing after the debate.\n\n"
            "The hall emptied soon after.")
    quote = quote_with(nlp(text)._.quotes, "Great night")
    assert speaker_text(quote).endswith("Maria Lopez") and not speaker_text(quote).startswith("-")


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (
            "The mayor plans to rebuild the harbor by creating \"a fund for every fishing "
            "family in the bay,\" Maria Lopez said Monday.",
            "fishing family",
            "Maria Lopez",
        ),
        (
            "They want to \"build a city that works for working families and not just "
            "developers,\" Lopez said.",
            "working families",
            "Lopez",
        ),
    ],
    ids=["plans", "want"],
)
def test_quotes_speakers_round6_speech_verb_reports_inner_belief(nlp, text, said, speaker):
    quote = quote_with(nlp(text)._.quotes, said)
    assert speaker in speaker_text(quote) and quote.cue is not None and quote.cue.text == "said"


def test_quotes_speakers_round6_nested_speech_report_keeps_person_quoted(nlp):
    # The convention for nested reports: the person quoted, not the outlet reporting it.
    text = ("Baker admitted that the deal could be called \"a gift to the developers,\" the "
            "Tribune reported in 2010.")
    assert "Baker" in speaker_text(quote_with(nlp(text)._.quotes, "gift to the developers"))
