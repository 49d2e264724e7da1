"""bench/store_facts.py: a store's shown killed figures and GVA titles against the records."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[3] / "bench"


def _bench():
    sys.path.insert(0, str(BENCH))
    try:
        import store_facts
    finally:
        sys.path.remove(str(BENCH))
    return store_facts


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "events" / "gva-incidents").mkdir(parents=True)
    _write(data / "events" / "gva-incidents" / "incidents.jsonl",
           [{"story": "1", "killed": 2}, {"story": "2", "killed": 0}, {"story": "3", "killed": 1}])
    return data


def test_store_facts_scores_shown_killed_figures(tmp_path: Path, capsys) -> None:
    articles = _write(tmp_path / "a.jsonl", [
        {"story": "1", "url": "http://x.example:80/a", "title": "A"},
        {"story": "2", "url": "http://x.example/b", "title": "B"},
        {"story": "3", "url": None, "title": "C"},
    ])
    killed = lambda v, shown: {"kind": "killed", "value": v, "confidence": 0.9, "shown": shown}  # noqa: E731
    stories = _write(tmp_path / "s.jsonl", [
        {"id": "s1", "headline": "A", "articles": [{"url": "http://x.example/a"}],
         "casualties": [killed(2, True)]},
        {"id": "s2", "headline": "B", "articles": [{"url": "http://x.example/b"}],
         "casualties": [killed(1, True)]},
        {"id": "s3", "headline": "C", "articles": [{"url": None, "title": "C"}],
         "casualties": [killed(1, False)]},
        {"id": "s4", "headline": "D", "articles": [{"url": "http://elsewhere.example/"}],
         "casualties": []},
    ])
    totals = _bench().score_stories(articles, stories, _data(tmp_path))
    assert totals == {"right": 1, "wrong": 2, "false_deaths": 1, "no_death": 1}
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_store_facts_reads_the_number_of_dead_in_titles(tmp_path: Path) -> None:
    bench = _bench()
    assert bench.title_deaths("Two men shot dead outside a bar") == 2
    assert bench.title_deaths("3 people killed in crash") == 3
    assert bench.title_deaths("Mayor opens a new bridge") is None
    articles = _write(tmp_path / "a.jsonl", [
        {"story": "1", "title": "Two killed on Elm Street"},
        {"story": "2", "title": "One dead after fire"},
        {"story": "3", "title": "Man hurt in shooting"},
    ])
    assert bench.score_titles(articles, _data(tmp_path)) == {
        "titles": 2, "same": 1, "record_more": 0, "record_fewer": 1}
