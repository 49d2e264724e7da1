from __future__ import annotations

import json

import pytest

from europenews.config import Settings
from europenews.errors import InputError
from europenews.evaluate.events import (
    Prediction,
    evaluate_events,
    haversine_km,
    locate,
    prediction_of,
    read_cases,
    score_counts,
    score_places,
    victim_counts,
)
from europenews.model import Event, PlaceRef


def _record(killed, injured, **extra):
    return {"killed": killed, "injured": injured, **extra}


def test_events_score_counts_exact_and_within_one():
    pairs = [
        (Prediction(1, 0), _record(1, 0)),
        (Prediction(2, 1), _record(1, 1)),
        (Prediction(0, 3), _record(0, 1)),
        (Prediction(0, 0), _record(1, 1)),
    ]
    scores = score_counts(pairs)
    assert scores["killed_exact"] == 0.5
    assert scores["injured_exact"] == 0.5
    assert scores["both_exact"] == 0.25
    assert scores["both_within_1"] == 0.75
    assert scores["injured_mae"] == 0.75
    assert scores["baseline_1_killed_0_injured_both_exact"] == 0.25


def test_events_score_counts_lenient_accepts_victim_only():
    participants = [
        {"role": "victim", "status": ["killed"]},
        {"role": "suspect", "status": ["killed"]},
    ]
    record = _record(2, 0, participants=participants)
    assert victim_counts(record) == (1, 0)
    pairs = [(Prediction(1, 0), record)]
    assert score_counts(pairs)["both_exact"] == 0.0
    assert score_counts(pairs, lenient=True)["both_exact"] == 1.0


def test_events_score_places_counts_missing_place_as_miss():
    chicago = {"lat": 41.88, "lon": -87.63}
    pairs = [
        (Prediction(0, 0, 41.85, -87.65), _record(0, 0, **chicago)),
        (Prediction(0, 0), _record(0, 0, **chicago)),
        (Prediction(0, 0, 40.71, -74.0), _record(0, 0, lat=None, lon=None)),
    ]
    scores = score_places(pairs)
    assert scores["articles"] == 2
    assert scores["within_25km"] == 0.5


def test_events_haversine_km_known_distance():
    assert haversine_km(52.52, 13.405, 48.8566, 2.3522) == pytest.approx(878, abs=5)


def test_events_prediction_of_missing_counts_are_zero():
    event = Event(
        "shooting", 0, 1, "x", killed=None, injured=2, place=PlaceRef("X", "US", 1.0, 2.0)
    )
    assert prediction_of([event]) == Prediction(0, 2, 1.0, 2.0)
    assert prediction_of([]) == Prediction(0, 0)


def test_events_locate_rejects_other_folders(tmp_path):
    with pytest.raises(InputError):
        locate(tmp_path)


@pytest.mark.slow
def test_events_evaluate_events_on_made_up_layout(tmp_path):
    inc = tmp_path / "events" / "gva-incidents"
    arts = tmp_path / "clustering" / "gva-incidents"
    inc.mkdir(parents=True)
    arts.mkdir(parents=True)
    record = _record(1, 2, story="1", lat=41.88, lon=-87.63, participants=[])
    (inc / "incidents.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = {
        "id": "a1",
        "story": "1",
        "title": "Man killed, two hurt in shooting",
        "text": "A man was killed and two women were wounded in a shooting on Sunday, police said.",
    }
    (arts / "articles.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    result = evaluate_events(tmp_path / "events", Settings(), limit=None)
    assert result["counts_all"]["articles"] == 1
    assert result["counts_all"]["both_exact"] == 1.0


def test_events_read_cases_keep_the_outlet(tmp_path):
    inc = tmp_path / "events" / "gva-incidents"
    arts = tmp_path / "clustering" / "gva-incidents"
    inc.mkdir(parents=True)
    arts.mkdir(parents=True)
    record = _record(0, 1, story="7", lat=36.85, lon=-76.29, participants=[])
    (inc / "incidents.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    rows = [
        {"id": "a1", "story": "7", "title": "t", "text": "x", "source": "wavy.com"},
        {"id": "a2", "story": "7", "title": "t", "text": "x", "url": "https://wtkr.com/a"},
        {"id": "a3", "story": "7", "title": "t", "text": "x"},
    ]
    lines = "".join(json.dumps(r) + "\n" for r in rows)
    (arts / "articles.jsonl").write_text(lines, encoding="utf-8")
    cases = read_cases(tmp_path / "events")
    assert [c.source for c in cases] == ["wavy.com", "https://wtkr.com/a", None]
