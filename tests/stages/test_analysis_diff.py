"""bench/analysis_diff.py: what a change did to the analyses, listed to be read."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _analysis(speaker: str, place: str) -> dict:
    return {"id": "a1", "quotes": [{"start": 0, "end": 9, "text": "We stay.", "kind": "direct",
                                    "speaker": {"name": speaker}}],
            "entities": [], "places": [],
            "events": [{"killed": 1, "injured": 0, "place": {"name": place}}]}


def test_analysis_diff_lists_changed_speakers_and_main_event_places(tmp_path: Path, capsys):
    sys.path.insert(0, str(BENCH))
    try:
        import analysis_diff
    finally:
        sys.path.remove(str(BENCH))
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    before.write_text(json.dumps(_analysis("Ann Berg", "Harlow")) + "\n", encoding="utf-8")
    after.write_text(json.dumps(_analysis("Tom Varga", "Millbrook")) + "\n", encoding="utf-8")
    analysis_diff.compare(before, after, show=0)
    totals = json.loads(capsys.readouterr().out.splitlines()[0])
    assert totals["speakers_changed"] == [["a1", 0, "Ann Berg", "Tom Varga"]]
    assert totals["main_event_places_changed"] == [["a1", "Harlow", "Millbrook"]]
