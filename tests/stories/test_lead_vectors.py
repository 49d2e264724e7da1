"""bench/lead_vectors.py: what a full text's title-and-lead vector is made of."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from europenews.stories.items import StoryItem

BENCH = Path(__file__).resolve().parents[2] / "bench"

BODY = (
    "March 3, 2031 6:02 PM\n"
    "\n"
    "By Staff Reporter\n"
    "\n"
    "ORCHARD FALLS — Two teenagers were hurt when shots were fired near the Kessler Road "
    "skate park on Tuesday evening, police said. Neither injury was life-threatening.\n"
    "\n"
    "Officers are asking anyone with video of the park to call the tip line."
)


@pytest.fixture()
def lead_vectors():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import lead_vectors as module

        yield module
    finally:
        sys.path.remove(str(BENCH))


def test_lead_skips_datelines_and_bylines_and_stops_after_two_sentences(lead_vectors) -> None:  # type: ignore[no-untyped-def]
    got = lead_vectors.lead(BODY, sentences=2)
    assert got.startswith("ORCHARD FALLS")
    assert got.endswith("Neither injury was life-threatening.")
    assert "tip line" not in got
    assert lead_vectors.lead(BODY, sentences=3).endswith("call the tip line.")
    assert lead_vectors.lead(BODY, sentences=1).endswith("police said.")


def test_lead_text_by_kind(lead_vectors) -> None:  # type: ignore[no-untyped-def]
    full = StoryItem(id="1", title="Two hurt near skate park - Orchard Falls Courier", text=BODY)
    text = lead_vectors.lead_text(full, sentences=1)
    # The site label is dropped from the title, as the clusterer reads titles.
    assert text is not None and text.startswith("Two hurt near skate park. ORCHARD FALLS")
    assert "Courier" not in text
    assert lead_vectors.lead_text(full, sentences=0) == "Two hurt near skate park"
    # A headline-only item is embedded as the shipped embedder embeds it: the headline alone.
    headline = StoryItem(id="2", title="Two hurt near skate park - Orchard Falls Courier")
    assert lead_vectors.lead_text(headline) == "Two hurt near skate park"
