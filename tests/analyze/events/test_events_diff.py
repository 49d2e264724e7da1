"""bench/events_diff.py: changed main events counted against the incident records."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench"


def test_events_diff_counts_articles_made_right_and_wrong(tmp_path: Path, capsys) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import events_diff
    finally:
        sys.path.remove(str(BENCH))
    data = tmp_path / "data"
    (data / "clustering" / "gva-incidents").mkdir(parents=True)
    (data / "events" / "gva-incidents").mkdir(parents=True)
    (data / "clustering" / "gva-incidents" / "articles.jsonl").write_text(
        "".join(json.dumps({"id": i, "story": s}) + "\n"
                for i, s in (("a", 1), ("b", 2), ("c", 3))), encoding="utf-8")
    (data / "events" / "gva-incidents" / "incidents.jsonl").write_text(
        "".join(json.dumps({"story": s, "killed": k, "injured": n}) + "\n"
                for s, k, n in ((1, 1, 0), (2, 0, 2), (3, 1, 1))), encoding="utf-8")
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps({"a": [1, 1, "X"], "b": [0, 2, "Y"], "c": [1, 1, "Z"]}))
    after.write_text(json.dumps({"a": [1, None, "X"], "b": [0, 1, "Y"], "c": [1, 1, "Z"]}))
    totals = events_diff.compare(before, after, data)
    assert totals == {"articles": 3, "changed": 2, "now_right": 1, "now_wrong": 1}
    assert len(capsys.readouterr().out.splitlines()) == 2
