"""bench/shown_speech.py: the samples of shown reported quotes that a reader judges."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench"


def test_shown_speech_sample_draws_from_each_corpus_the_same_way_twice(tmp_path, capsys):
    sys.path.insert(0, str(BENCH))
    try:
        import shown_speech
    finally:
        sys.path.remove(str(BENCH))
    rows = [{"id": f"{corpus}:{n}", "kind": "indirect", "text": f"words {n}"}
            for corpus in ("ecb", "gva") for n in range(10)]
    dumped = tmp_path / "shown.json"
    dumped.write_text(json.dumps(rows), encoding="utf-8")
    shown_speech.sample(dumped, 3, 7)
    first = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    shown_speech.sample(dumped, 3, 7)
    again = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert first == again
    assert [r["id"].split(":")[0] for r in first] == ["ecb"] * 3 + ["gva"] * 3
    assert len({r["id"] for r in first}) == 6
